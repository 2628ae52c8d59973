using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

/// <summary>The staff step both hosts take: state first, then the extension's office head, then the fields, then the domain.</summary>
public sealed class TakeStepTests
{
    private const string Number = "2020-100";
    private static readonly Actor Staff = new("u-7", "赵六", ActorRole.Staff);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2020, 9, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Received = new(2020, 9, 24);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Seeded(TestDatabase Database, Guid Agency, Guid Request, Guid Head, Guid Handler, Guid OtherAgencysHead) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    /// <summary>An agency with a received application, its 机关管理员 (张主任), a 经办人, and another agency's 机关管理员.</summary>
    private static async Task<Seeded> SeedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await StaffIdentity.EnsureRolesAsync(db, Ct);
        var agency = Agency.Create("某区某局").Value;
        var other = Agency.Create("某区另一局").Value;
        db.Agencies.AddRange(agency, other);
        var request = RequestStorageTests.NewRequest(agency.Id, Number, Received);
        db.Requests.Add(request);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, Ct);
        Guid User(Guid agencyId, string userName, string displayName, string role)
        {
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, AgencyId = agencyId };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
            return user.Id;
        }

        var head = User(agency.Id, "head", "张主任", StaffRoles.AgencyAdmin);
        var handler = User(agency.Id, "handler", "李经办", StaffRoles.Handler);
        var otherHead = User(other.Id, "other", "王主任", StaffRoles.AgencyAdmin);
        await db.SaveChangesAsync(Ct);
        return new Seeded(database, agency.Id, request.Id, head, handler, otherHead);
    }

    /// <summary>The seeded application, in processing since 2020-09-25.</summary>
    private static async Task<Seeded> ProcessingAsync(string provider)
    {
        var seeded = await SeedAsync(provider);
        Assert.True((await TakeAsync(seeded, RequestTrigger.StartProcessing, new(Date: new DateOnly(2020, 9, 25)))).IsSuccess);
        return seeded;
    }

    private static async Task<Result<TakeStep.Response>> TakeAsync(
        Seeded seeded, RequestTrigger trigger, TakeStep.Fields fields, Guid? agency = null, TrackingNumber? number = null)
    {
        await using var db = seeded.Database.Open();
        var request = new TakeStep.Request(agency ?? seeded.Agency, number is null ? seeded.Request : null, number, trigger, fields, Staff);
        return await TakeStep.HandleAsync(db, Clock, WorkCalendar.Official, request, Ct);
    }

    private static async Task<(RequestState State, int Steps, int Entries)> StoredAsync(Seeded seeded)
    {
        await using var db = seeded.Database.Open();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == seeded.Request, Ct);
        return (request.State, request.Events.Count, await db.AuditEntries.CountAsync(Ct));
    }

    private static TakeStep.Fields Extension(OfficeHeads.Choice? approver, int? days = 20) =>
        new(Date: new DateOnly(2020, 10, 9), Text: "需要调取档案", WorkingDays: days, OtherDate: new DateOnly(2020, 10, 9), Approver: approver);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Extend_OfficeHeadById_SavedWithTheHeadNamedAndTheExtendedDeadlineAndFoundByUserNameToo(string provider)
    {
        await using var seeded = await ProcessingAsync(provider);

        var extended = await TakeAsync(seeded, RequestTrigger.Extend, Extension(new OfficeHeads.Choice(seeded.Head, null)));

        Assert.True(extended.IsSuccess, extended.ToString());
        Assert.Contains("张主任", extended.Value.Step.Description, StringComparison.Ordinal);
        Assert.Equal(RequestState.Processing, extended.Value.Application.State);

        // Spec §12: received 2020-09-24, reply due 2020-10-28, extended by 20 working days to 2020-11-25.
        Assert.Equal(new DateOnly(2020, 11, 25), extended.Value.Application.ExtendedDue);
        Assert.Equal((RequestState.Processing, 3, 2), await StoredAsync(seeded));
        await using var db = seeded.Database.Open();
        var byName = await OfficeHeads.FindAsync(db, seeded.Agency, new OfficeHeads.Choice(null, " head "), Ct);
        Assert.Equal((seeded.Head.ToString("D"), "张主任", ActorRole.OfficeHead), (byName.Value.UserId, byName.Value.DisplayName, byName.Value.Role));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Extend_NoHeadAHandlerAnotherAgencysHeadOrTooManyDays_RefusedNothingSaved(string provider)
    {
        await using var seeded = await ProcessingAsync(provider);

        OfficeHeads.Choice?[] choices =
        [
            null,
            new(null, "  "),
            new(seeded.Handler, null),
            new(null, "handler"),
            new(seeded.OtherAgencysHead, null),
            new(null, "other"),
            new(null, "HEAD"),
        ];
        foreach (var choice in choices)
        {
            var refused = await TakeAsync(seeded, RequestTrigger.Extend, Extension(choice));
            Assert.Equal(RequestProblems.ExtensionApprover, refused.Problem.Code);
            Assert.Equal(ProblemKind.Invalid, refused.Problem.Kind);
        }

        // 条例 Art 33¶2 (StatutoryDeadline.Extension): 1 to 20 working days; none given is none, refused as well.
        var tooLong = await TakeAsync(seeded, RequestTrigger.Extend, Extension(new OfficeHeads.Choice(seeded.Head, null), StatutoryDeadline.Extension.WorkingDays + 1));
        Assert.Equal(RequestProblems.ExtensionTooLong, tooLong.Problem.Code);
        Assert.Contains("1至20个工作日，实为21个工作日（条例第三十三条第二款）", tooLong.Problem.Message, StringComparison.Ordinal);
        var none = await TakeAsync(seeded, RequestTrigger.Extend, Extension(new OfficeHeads.Choice(seeded.Head, null), null));
        Assert.Equal(RequestProblems.ExtensionTooLong, none.Problem.Code);

        Assert.Equal((RequestState.Processing, 2, 1), await StoredAsync(seeded));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Take_RefusedByStateFieldsOrDomain_ProblemOfItsKindNothingSaved(string provider)
    {
        await using var seeded = await SeedAsync(provider);

        // Not allowed from 已收到申请 (and lodging is never a staff step): the one conflict, before any field is looked at.
        var feePaid = await TakeAsync(seeded, RequestTrigger.FeePaid, new());
        Assert.Equal((RequestProblems.TransitionNotAllowed, ProblemKind.Conflict), (feePaid.Problem.Code, feePaid.Problem.Kind));
        var lodge = await TakeAsync(seeded, RequestTrigger.Submit, new());
        Assert.Equal((RequestProblems.TransitionNotAllowed, ProblemKind.Conflict), (lodge.Problem.Code, lodge.Problem.Kind));
        var extend = await TakeAsync(seeded, RequestTrigger.Extend, Extension(null));
        Assert.Equal(RequestProblems.TransitionNotAllowed, extend.Problem.Code);

        // A field the step needs is missing; an outcome that is none.
        var supplement = await TakeAsync(seeded, RequestTrigger.RequestSupplement, new(Text: "文件名称"));
        Assert.Equal(("input.missing", ProblemKind.Invalid), (supplement.Problem.Code, supplement.Problem.Kind));
        var outcome = await TakeAsync(seeded, RequestTrigger.ReplyOnTheSpot, new(Outcome: "Maybe"));
        Assert.Equal("outcome.invalid", outcome.Problem.Code);

        // The domain's own rule: 补正 is asked for within 7 working days of receipt (条例 Art 30), here the 9th.
        var late = await TakeAsync(seeded, RequestTrigger.RequestSupplement, new(Date: new DateOnly(2020, 10, 13), Text: "文件名称", OtherDate: new DateOnly(2020, 10, 30)));
        Assert.Equal(RequestProblems.SupplementTooLate, late.Problem.Code);

        Assert.Equal((RequestState.Received, 1, 0), await StoredAsync(seeded));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Take_ByTrackingNumber_OwnAgencyOnly(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var number = TrackingNumber.TryParse(Number).Value;

        var elsewhere = await TakeAsync(seeded, RequestTrigger.StartProcessing, new(), agency: Guid.NewGuid(), number: number);
        var unknown = await TakeAsync(seeded, RequestTrigger.StartProcessing, new(), number: TrackingNumber.TryParse("2020-999").Value);
        var started = await TakeAsync(seeded, RequestTrigger.StartProcessing, new(), number: number);

        Assert.Equal(("request.notFound", ProblemKind.NotFound), (elsewhere.Problem.Code, elsewhere.Problem.Kind));
        Assert.Equal("request.notFound", unknown.Problem.Code);
        Assert.True(started.IsSuccess, started.ToString());

        // No date given: the step is dated today, China time (the clock's 2020-09-28 10:00).
        Assert.Equal(new DateOnly(2020, 9, 28), started.Value.Step.Date);
        Assert.Equal((RequestState.Processing, 2, 1), await StoredAsync(seeded));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Detail_ReceivedApplication_TheTablesStaffStepsAndTheAgencysOfficeHeadsOnly(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        await using var db = seeded.Database.Open();

        var detail = await ApplicationDetail.HandleAsync(db, seeded.Request, Ct);

        Assert.NotNull(detail);
        Assert.Equal(Number, detail.Application.TrackingNumber);
        Assert.Equal(
            RequestTransitions.All.Where(t => t.From == RequestState.Received).Select(t => t.Trigger),
            detail.Actions.Select(a => a.Trigger));
        Assert.Equal([("head", "张主任")], detail.Approvers.Select(a => (a.UserName, a.DisplayName)));
        Assert.Null(await ApplicationDetail.HandleAsync(db, Guid.NewGuid(), Ct));
    }
}
