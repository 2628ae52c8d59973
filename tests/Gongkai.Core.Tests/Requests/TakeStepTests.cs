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
        Seeded seeded, RequestTrigger trigger, TakeStep.Fields fields, Guid? agency = null, TrackingNumber? number = null, Actor? actor = null)
    {
        await using var db = seeded.Database.Open();
        var request = new TakeStep.Request(agency ?? seeded.Agency, number is null ? seeded.Request : null, number, trigger, fields, actor ?? Staff);
        return await TakeStep.HandleAsync(db, Clock, WorkCalendar.Official, request, Ct);
    }

    private static async Task<(RequestState State, int Steps, int Entries)> StoredAsync(Seeded seeded)
    {
        await using var db = seeded.Database.Open();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == seeded.Request, Ct);
        return (request.State, request.Events.Count, await db.AuditEntries.CountAsync(Ct));
    }

    private static readonly DateOnly ExtensionDay = new(2020, 10, 9);

    private static TakeStep.Fields Extension(OfficeHeads.Choice? approver, int? days = 20) =>
        new(Date: ExtensionDay, Text: "需要调取档案", WorkingDays: days, OtherDate: ExtensionDay, Approver: approver);

    /// <summary>A seeded user acting on the back office (the page passes the signed-in user, never an approver).</summary>
    private static Actor As(Guid userId, string name) => new(userId.ToString("D"), name, ActorRole.Staff);

    private static async Task<(DateOnly? ExtendedDue, PendingExtension? Pending, IReadOnlyList<(string Actor, string Action)> Trail)> StoredExtensionAsync(Seeded seeded)
    {
        await using var db = seeded.Database.Open();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == seeded.Request, Ct);
        var trail = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Actor, e.Action }).ToListAsync(Ct);
        return (request.ExtendedDue, request.PendingExtension, [.. trail.Select(e => (e.Actor, e.Action))]);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Extension_HandlersRequestKeepsTheDeadline_HeadsApprovalMovesIt_BothInTheAuditTrail(string provider)
    {
        await using var seeded = await ProcessingAsync(provider);
        var handler = As(seeded.Handler, "李经办");

        var requested = await TakeAsync(seeded, RequestTrigger.RequestExtension, Extension(null), actor: handler);

        Assert.True(requested.IsSuccess, requested.ToString());
        Assert.Equal(new DateOnly(2020, 10, 28), requested.Value.Application.CurrentDue);
        var (due, pending, trail) = await StoredExtensionAsync(seeded);
        Assert.Null(due);
        Assert.Equal(new PendingExtension(handler.UserId, "李经办", ExtensionDay, 20, "需要调取档案"), pending);
        Assert.Equal((handler.UserId, "request.RequestExtension"), trail[^1]);
        await using (var db = seeded.Database.Open())
        {
            var line = Assert.Single(await PendingExtensions.HandleAsync(db, seeded.Agency, Ct));
            Assert.Equal((seeded.Request, Number, "李经办", 20, (DateOnly?)new DateOnly(2020, 10, 28)), (line.RequestId, line.TrackingNumber, line.RequestedByName, line.WorkingDays, line.Due));
            Assert.Empty(await PendingExtensions.HandleAsync(db, seeded.OtherAgencysHead, Ct));
        }

        // The head approves as themself on the back office: no approver field, the acting user is checked.
        var approved = await TakeAsync(seeded, RequestTrigger.Extend, new(Date: ExtensionDay, OtherDate: ExtensionDay), actor: As(seeded.Head, "张主任"));

        Assert.True(approved.IsSuccess, approved.ToString());
        Assert.Equal(ActorRole.OfficeHead, approved.Value.Step.Actor.Role);
        Assert.Contains("经张主任同意", approved.Value.Step.Description, StringComparison.Ordinal);

        // Spec §12: received 2020-09-24, reply due 2020-10-28, extended by 20 working days to 2020-11-25.
        (due, pending, trail) = await StoredExtensionAsync(seeded);
        Assert.Equal(new DateOnly(2020, 11, 25), due);
        Assert.Null(pending);
        Assert.Equal((seeded.Head.ToString("D"), "request.Extend"), trail[^1]);
        await using var after = seeded.Database.Open();
        Assert.Empty(await PendingExtensions.HandleAsync(after, seeded.Agency, Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Extension_SelfApprovalOrNoHead_ForbiddenNothingSaved_AnotherHeadMayApprove(string provider)
    {
        await using var seeded = await ProcessingAsync(provider);

        // The head asks for the extension as the handler of the case: they cannot consent to their own request.
        var head = As(seeded.Head, "张主任");
        Assert.True((await TakeAsync(seeded, RequestTrigger.RequestExtension, Extension(null), actor: head)).IsSuccess);
        var before = await StoredExtensionAsync(seeded);

        var self = await TakeAsync(seeded, RequestTrigger.Extend, new(Date: ExtensionDay), actor: head);
        var selfRefusal = await TakeAsync(seeded, RequestTrigger.RefuseExtension, new(Date: ExtensionDay), actor: head);
        var selfByName = await TakeAsync(seeded, RequestTrigger.Extend, new(Date: ExtensionDay, Approver: new OfficeHeads.Choice(null, "head")));
        var handler = await TakeAsync(seeded, RequestTrigger.Extend, new(Date: ExtensionDay), actor: As(seeded.Handler, "李经办"));
        var elsewhere = await TakeAsync(seeded, RequestTrigger.Extend, new(Date: ExtensionDay), actor: As(seeded.OtherAgencysHead, "王主任"));
        var unknown = await TakeAsync(seeded, RequestTrigger.Extend, new(Date: ExtensionDay));

        foreach (var refused in new[] { self, selfRefusal, selfByName })
        {
            Assert.Equal((RequestProblems.ExtensionSelfApproval, ProblemKind.Forbidden), (refused.Problem.Code, refused.Problem.Kind));
            Assert.Contains("不能审批本人提出的", refused.Problem.Message, StringComparison.Ordinal);
        }

        foreach (var refused in new[] { handler, elsewhere, unknown })
        {
            Assert.Equal((RequestProblems.ExtensionApprover, ProblemKind.Forbidden), (refused.Problem.Code, refused.Problem.Kind));
        }

        var after = await StoredExtensionAsync(seeded);
        Assert.Equal((before.ExtendedDue, before.Pending), (after.ExtendedDue, after.Pending));
        Assert.Equal(before.Trail, after.Trail);

        // A second 机关管理员 of the agency consents.
        var secondHead = await AddHeadAsync(seeded, "head2", "钱副主任");
        var approved = await TakeAsync(seeded, RequestTrigger.Extend, new(Date: ExtensionDay, OtherDate: ExtensionDay), actor: As(secondHead, "钱副主任"));
        Assert.True(approved.IsSuccess, approved.ToString());
        Assert.Equal(new DateOnly(2020, 11, 25), approved.Value.Application.ExtendedDue);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Extension_RefusedByHead_DeadlineStaysAndTheRefusalIsInTheAuditTrail(string provider)
    {
        await using var seeded = await ProcessingAsync(provider);
        Assert.True((await TakeAsync(seeded, RequestTrigger.RequestExtension, Extension(null), actor: As(seeded.Handler, "李经办"))).IsSuccess);

        var refused = await TakeAsync(seeded, RequestTrigger.RefuseExtension, new(Date: ExtensionDay, Text: "可以按期答复"), actor: As(seeded.Head, "张主任"));

        Assert.True(refused.IsSuccess, refused.ToString());
        Assert.Equal(new DateOnly(2020, 10, 28), refused.Value.Application.CurrentDue);
        Assert.Contains("可以按期答复", refused.Value.Step.Description, StringComparison.Ordinal);
        var (due, pending, trail) = await StoredExtensionAsync(seeded);
        Assert.Null(due);
        Assert.Null(pending);
        Assert.Equal(
            [("u-7", "request.StartProcessing"), (seeded.Handler.ToString("D"), "request.RequestExtension"), (seeded.Head.ToString("D"), "request.RefuseExtension")],
            trail);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Extension_IntegrationNamesTheHead_ByIdOrUserName_OthersRefusedAsInvalid(string provider)
    {
        await using var seeded = await ProcessingAsync(provider);

        // 条例 Art 33¶2 (StatutoryDeadline.Extension): 1 to 20 working days; none given is none, refused as well.
        var tooLong = await TakeAsync(seeded, RequestTrigger.RequestExtension, Extension(null, StatutoryDeadline.Extension.WorkingDays + 1));
        Assert.Equal(RequestProblems.ExtensionTooLong, tooLong.Problem.Code);
        Assert.Contains("1至20个工作日，实为21个工作日（条例第三十三条第二款）", tooLong.Problem.Message, StringComparison.Ordinal);
        var none = await TakeAsync(seeded, RequestTrigger.RequestExtension, Extension(null, null));
        Assert.Equal(RequestProblems.ExtensionTooLong, none.Problem.Code);
        var nothingPending = await TakeAsync(seeded, RequestTrigger.Extend, Extension(new OfficeHeads.Choice(seeded.Head, null)));
        Assert.Equal((RequestProblems.ExtensionNotRequested, ProblemKind.Conflict), (nothingPending.Problem.Code, nothingPending.Problem.Kind));

        Assert.True((await TakeAsync(seeded, RequestTrigger.RequestExtension, Extension(null))).IsSuccess);
        OfficeHeads.Choice[] choices =
        [
            new(seeded.Handler, null),
            new(null, "handler"),
            new(seeded.OtherAgencysHead, null),
            new(null, "other"),
            new(null, "HEAD"),
        ];
        foreach (var choice in choices)
        {
            var refused = await TakeAsync(seeded, RequestTrigger.Extend, Extension(choice));
            Assert.Equal((RequestProblems.ExtensionApprover, ProblemKind.Invalid), (refused.Problem.Code, refused.Problem.Kind));
        }

        var extended = await TakeAsync(seeded, RequestTrigger.Extend, Extension(new OfficeHeads.Choice(null, " head ")));
        Assert.True(extended.IsSuccess, extended.ToString());
        Assert.Equal(new DateOnly(2020, 11, 25), extended.Value.Application.ExtendedDue);
        Assert.Equal((RequestState.Processing, 4, 3), await StoredAsync(seeded));
        await using var db = seeded.Database.Open();
        var byId = await OfficeHeads.FindAsync(db, seeded.Agency, new OfficeHeads.Choice(seeded.Head, null), Ct);
        Assert.Equal((seeded.Head.ToString("D"), "张主任", ActorRole.OfficeHead), (byId.Value.UserId, byId.Value.DisplayName, byId.Value.Role));
    }

    private static async Task<Guid> AddHeadAsync(Seeded seeded, string userName, string displayName)
    {
        await using var db = seeded.Database.Open();
        var role = await db.Roles.Where(r => r.Name == StaffRoles.AgencyAdmin).Select(r => r.Id).SingleAsync(Ct);
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, AgencyId = seeded.Agency };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role });
        await db.SaveChangesAsync(Ct);
        return user.Id;
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

    /// <summary>
    /// Issue 14: a reply's particulars as the form and the API send them — wholly blank rows of withheld parts are no parts,
    /// a ground that is not one is missing, an earlier reply needs its number and date — refused until complete, nothing saved.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Take_Reply_ParticularsFromTheFields_RefusedUntilComplete_BlankRowsDropped(string provider)
    {
        await using var seeded = await ProcessingAsync(provider);
        var day = new DateOnly(2020, 10, 9);
        TakeStep.Fields Partly(params WithheldPartFields[] parts) => new(Date: day, Outcome: "PartlyDisclosed", Particulars: new(ObtainFrom: "可以公开的部分随本答复书提供", WithheldParts: parts));
        var blank = new WithheldPartFields(" ", "", null);

        Assert.Equal(ReplyParticularsRule.WithheldPartsRequired, (await TakeAsync(seeded, RequestTrigger.Reply, Partly(blank, blank))).Problem.Code);
        foreach (var ground in new[] { "Secret", "3", "" })
        {
            var refused = await TakeAsync(seeded, RequestTrigger.Reply, Partly(new WithheldPartFields("评审专家名单", ground, "属于过程性信息")));
            Assert.Equal("不予公开的第1部分缺少不予公开的依据（条例第三十七条）", refused.Problem.Message);
        }

        var halfEarlier = await TakeAsync(seeded, RequestTrigger.Reply,
            new(Date: day, Outcome: "NotProcessed:Repeated", Particulars: new(EarlierReplyNumber: "东外联依申复〔2020〕第1号")));
        Assert.Equal(ReplyParticularsRule.EarlierReplyRequired, halfEarlier.Problem.Code);
        Assert.Equal((RequestState.Processing, 2, 1), await StoredAsync(seeded));

        var replied = await TakeAsync(seeded, RequestTrigger.Reply, Partly(blank, new WithheldPartFields(" 评审专家名单 ", "ProcessInformation", "属于过程性信息"), blank));
        Assert.True(replied.IsSuccess, replied.IsSuccess ? "" : replied.Problem.Message);
        Assert.Equal([new WithheldPart("评审专家名单", WithholdingGround.ProcessInformation, "属于过程性信息")], replied.Value.Application.Particulars.WithheldParts);
        Assert.Equal((RequestState.Replied, 3, 2), await StoredAsync(seeded));
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
