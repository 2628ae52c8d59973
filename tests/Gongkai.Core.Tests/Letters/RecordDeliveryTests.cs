using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Gongkai.Core.Tests.Letters.LetterTestData;

namespace Gongkai.Core.Tests.Letters;

/// <summary>Delivery (spec/letters.md §6): each method's facts, the date checks, the 台账; the document never changes.</summary>
public sealed class RecordDeliveryTests
{
    private static readonly DateOnly IssuedOn = new(2026, 12, 4);

    private static async Task<(Seeded Seeded, Guid Letter, FakeTimeProvider Clock)> IssuedAsync(string provider)
    {
        var seeded = await SeedAsync(provider);
        var clock = NewClock();
        var issued = await IssueAsync(seeded, clock, Reply(seeded));

        // Recorded a week later.
        clock.Advance(TimeSpan.FromDays(7));
        return (seeded, issued.Id, clock);
    }

    private static async Task<Result<RecordDelivery.Delivery>> RecordAsync(Seeded seeded, TimeProvider clock, RecordDelivery.Request request)
    {
        await using var db = seeded.Open();
        return await RecordDelivery.HandleAsync(db, clock, request, Ct);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Post_PostedThenSignedFor_StoredInTwoStepsEachInTheAuditDocumentUnchanged(string provider)
    {
        var (seeded, letter, clock) = await IssuedAsync(provider);
        await using var _ = seeded;
        var before = (await LettersAsync(seeded)).Single();

        var posted = await RecordAsync(seeded, clock, new(seeded.Agency, letter, DeliveryMethod.Post, "u-1", PostedOn: IssuedOn, EmsNumber: " 1151 2345 67890 "));
        var signed = await RecordAsync(seeded, clock, new(seeded.Agency, letter, DeliveryMethod.Post, "u-1", ReceivedOn: IssuedOn.AddDays(3), PostedOn: IssuedOn, EmsNumber: "1151234567890"));

        Assert.Equal("1151234567890", Ok(posted).Value.EmsNumber);
        Assert.Null(posted.Value.ReceivedOn);
        Assert.Equal(IssuedOn.AddDays(3), Ok(signed).Value.ReceivedOn);
        var stored = (await LettersAsync(seeded)).Single();
        Assert.Equal((DeliveryMethod.Post, IssuedOn, "1151234567890", IssuedOn.AddDays(3)), (stored.DeliveryMethod, stored.PostedOn, stored.EmsNumber, stored.ReceivedOn));
        Assert.Equal((before.Document, before.DocumentSha256), (stored.Document, stored.DocumentSha256));
        await using var db = seeded.Open();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == RecordDelivery.Action).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.Contains("\"Method\":\"邮寄\"", entries[0].After, StringComparison.Ordinal);
        Assert.Contains("\"SignedForOn\":\"2026-12-07\"", entries[1].After, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal((letter.ToString("D"), "u-1"), (e.EntityId, e.Actor)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task InPerson_SignedForDate_Stored(string provider)
    {
        var (seeded, letter, clock) = await IssuedAsync(provider);
        await using var _ = seeded;

        var delivered = Ok(await RecordAsync(seeded, clock, new(seeded.Agency, letter, DeliveryMethod.InPerson, "u-1", ReceivedOn: IssuedOn))).Value;

        Assert.Equal((DeliveryMethod.InPerson, IssuedOn, (DateOnly?)null), (delivered.Method, delivered.ReceivedOn, delivered.PostedOn));
    }

    public static TheoryData<string, DeliveryMethod, DateOnly?, DateOnly?, string?, string> Refusals => new()
    {
        { "in person without a date", DeliveryMethod.InPerson, null, null, null, "letterDelivery.receivedOnRequired" },
        { "signed for before issue", DeliveryMethod.InPerson, new DateOnly(2026, 12, 3), null, null, "letterDelivery.beforeIssue" },
        { "signed for tomorrow", DeliveryMethod.InPerson, new DateOnly(2026, 12, 12), null, null, "letterDelivery.future" },
        { "post without EMS number", DeliveryMethod.Post, null, new DateOnly(2026, 12, 4), null, "letterDelivery.emsNumber" },
        { "EMS number too short", DeliveryMethod.Post, null, new DateOnly(2026, 12, 4), "115123456789", "letterDelivery.emsNumber" },
        { "S10 number, wrong check digit", DeliveryMethod.Post, null, new DateOnly(2026, 12, 4), "EA123456784CN", "letterDelivery.emsNumber" },
        { "post without posting date", DeliveryMethod.Post, null, null, "1151234567890", "letterDelivery.postedOnRequired" },
        { "posted before issue", DeliveryMethod.Post, null, new DateOnly(2026, 12, 3), "1151234567890", "letterDelivery.beforeIssue" },
        { "signed for before posted", DeliveryMethod.Post, new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 6), "1151234567890", "letterDelivery.signedBeforePosted" },
        { "e-mail never sent", DeliveryMethod.Email, null, null, null, "letterDelivery.emailedAtRequired" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Record_WrongFacts_RefusedInChineseNothingStored(string situation, DeliveryMethod method, DateOnly? received, DateOnly? posted, string? ems, string code)
    {
        var (seeded, letter, clock) = await IssuedAsync(TestProviders.Sqlite);
        await using var _ = seeded;

        var refused = await RecordAsync(seeded, clock, new(seeded.Agency, letter, method, "u-1", received, posted, ems));

        Assert.False(refused.IsSuccess, situation);
        Assert.Equal((code, ProblemKind.Invalid), (refused.Problem.Code, refused.Problem.Kind));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Problem.Message);
        Assert.Null((await LettersAsync(seeded)).Single().DeliveryMethod);
        await using var db = seeded.Open();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == RecordDelivery.Action, Ct));
    }

    [Theory]
    [InlineData("EA123456785CN", "EA123456785CN")]
    [InlineData("ea 123 456 785 cn", "EA123456785CN")]
    [InlineData("1151234567890", "1151234567890")]
    [InlineData("EA12345678CN", null)]
    [InlineData("E1123456785CN", null)]
    [InlineData("", null)]
    public void EmsNumber_DomesticOrS10WithItsCheckDigit(string typed, string? expected) => Assert.Equal(expected, RecordDelivery.EmsNumber(typed));

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Record_AnotherAgencysLetter_NotFound(string provider)
    {
        var (seeded, letter, clock) = await IssuedAsync(provider);
        await using var _ = seeded;

        var refused = await RecordAsync(seeded, clock, new(Guid.NewGuid(), letter, DeliveryMethod.InPerson, "u-1", ReceivedOn: IssuedOn));

        Assert.Equal(("letter.notFound", ProblemKind.NotFound), (refused.Problem.Code, refused.Problem.Kind));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task EmailAccepted_ByTheSender_RecordedOnceRetriedSendKeepsTheFirst(string provider)
    {
        var (seeded, letter, clock) = await IssuedAsync(provider);
        await using var _ = seeded;
        var accepted = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

        await using (var db = seeded.Open())
        {
            Ok(await RecordDelivery.EmailAcceptedAsync(db, clock, letter, accepted, "mail:outbox", Ct));
        }

        await using (var db = seeded.Open())
        {
            Assert.Equal(accepted, Ok(await RecordDelivery.EmailAcceptedAsync(db, clock, letter, accepted.AddHours(1), "mail:outbox", Ct)).Value.EmailedAt);
        }

        var stored = (await LettersAsync(seeded)).Single();
        Assert.Equal((DeliveryMethod.Email, accepted), (stored.DeliveryMethod, stored.EmailedAt));
        await using var read = seeded.Open();
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.Action == RecordDelivery.Action && e.Actor == "mail:outbox", Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task OpenedOnline_FirstTimeRecordedAsReceipt_LaterOpeningsChangeNothing(string provider)
    {
        var (seeded, letter, clock) = await IssuedAsync(provider);
        await using var _ = seeded;
        var first = clock.GetUtcNow();

        await using (var db = seeded.Open())
        {
            Ok(await RecordDelivery.OpenedOnlineAsync(db, clock, letter, Ct));
        }

        clock.Advance(TimeSpan.FromDays(1));
        await using (var db = seeded.Open())
        {
            Assert.Equal(first, Ok(await RecordDelivery.OpenedOnlineAsync(db, clock, letter, Ct)).Value.FirstOpenedAt);
        }

        var stored = (await LettersAsync(seeded)).Single();
        Assert.Equal((DeliveryMethod.Online, first, new DateOnly(2026, 12, 11)), (stored.DeliveryMethod, stored.FirstOpenedAt, stored.ReceivedOn));
        await using var read = seeded.Open();
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.Action == RecordDelivery.Action && e.Actor == RecordDelivery.OnlineActor, Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Record_TwoAtOnceFromStaleReads_SecondRefusedNotWrittenOver(string provider)
    {
        var (seeded, letter, clock) = await IssuedAsync(provider);
        await using var _ = seeded;
        await using var first = seeded.Open();
        await using var second = seeded.Open();

        // Both read the letter before either writes (the first read of each is what the handler's SaveChanges compares).
        await first.Letters.SingleAsync(l => l.Id == letter, Ct);
        await second.Letters.SingleAsync(l => l.Id == letter, Ct);
        Ok(await RecordDelivery.HandleAsync(first, clock, new(seeded.Agency, letter, DeliveryMethod.InPerson, "u-1", ReceivedOn: IssuedOn), Ct));
        var late = await RecordDelivery.HandleAsync(second, clock, new(seeded.Agency, letter, DeliveryMethod.InPerson, "u-2", ReceivedOn: IssuedOn.AddDays(1)), Ct);

        Assert.Equal(RecordDelivery.Concurrent, late.Problem);
        Assert.Equal(IssuedOn, (await LettersAsync(seeded)).Single().ReceivedOn);
    }

    /// <summary>
    /// The 收费通知书 signed for by post: the 20 working days to pay run from the day after the signature (spec/letters.md
    /// §6), not from the day staff entered when recording the notice — in the same save, with its own 台账 entry.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task FeeNotice_SignedForByPost_TheDaysToPayCountFromTheSignature(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        var staff = new Actor("u-1", "李科员", ActorRole.Staff);
        await using (var db = seeded.Open())
        {
            foreach (var (trigger, fields) in new[]
            {
                (RequestTrigger.StartProcessing, new TakeStep.Fields()),
                (RequestTrigger.IssueFeeNotice, new TakeStep.Fields(Amount: 100m, Basis: FeeBasis.PerApplication, OtherDate: IssuedOn)),
            })
            {
                Ok(await TakeStep.HandleAsync(db, clock, WorkCalendar.Official, new TakeStep.Request(seeded.Agency, seeded.Request, null, trigger, fields, staff), Ct));
            }
        }

        var notice = await IssueAsync(seeded, clock, Reply(seeded, kind: LetterKind.FeeNotice));
        clock.Advance(TimeSpan.FromDays(7));
        var signedOn = new DateOnly(2026, 12, 8);

        Ok(await RecordAsync(seeded, clock, new(seeded.Agency, notice.Id, DeliveryMethod.Post, "u-1", ReceivedOn: signedOn, PostedOn: IssuedOn, EmsNumber: "1151234567890",
            UserName: "李科员")));

        await using var read = seeded.Open();
        var application = await read.Requests.AsNoTracking().SingleAsync(r => r.Id == seeded.Request, Ct);

        // Entered 12-04: due 2027-01-04. Signed 12-08: 12-09 is day 1, 2027-01-01 (元旦) is off, day 20 is 2027-01-06.
        Assert.Equal((signedOn, new DateOnly(2027, 1, 6)), (application.FeeNoticeReceivedOn!.Value, application.FeeDue!.Value));
        var step = application.Events[^1];
        Assert.Equal((RequestTrigger.RecalculateDeadlines, "李科员"), (step.Trigger, step.Actor.DisplayName));
        Assert.Contains($"送达{notice.Number}：申请人于2026年12月8日收到收费通知书，缴费期限由2027年1月4日调整为2027年1月6日", step.Description, StringComparison.Ordinal);
        var entries = await read.AuditEntries.AsNoTracking().Where(e => e.Actor == "u-1").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["request.RecalculateDeadlines", RecordDelivery.Action], entries[^2..]);
    }
}
