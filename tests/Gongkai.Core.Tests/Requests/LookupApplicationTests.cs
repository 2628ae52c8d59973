using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

public sealed class LookupApplicationTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private static readonly Actor Staff = new("u-1", "经办人", ActorRole.Staff);

    private static async Task<(TestDatabase Database, Guid Agency, Guid Other, SubmitOnline.Receipt Receipt)> SeedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create("某区住房和城乡建设委员会").Value;
        var other = Agency.Create("某区财政局").Value;
        db.Agencies.AddRange(agency, other);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await using var writer = new SubmissionWriter(database.Open, Clock, WorkCalendar.Official);
        var submitted = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agency.Id, SubmitOnlineTests.Person), TestContext.Current.CancellationToken);
        return (database, agency.Id, other.Id, submitted.Value.Receipt!);
    }

    private static async Task<Gongkai.Domain.Common.Result<LookupApplication.Response>> LookAsync(TestDatabase database, Guid agency, string? number, string? code)
    {
        await using var db = database.Open();
        return await LookupApplication.HandleAsync(db, Gongkai.Domain.Calendar.WorkCalendar.Official, new LookupApplication.Request(agency, number, code), TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Lookup_RightNumberAndCode_StateDeadlineAndRepliesWithoutPersonalData(string provider)
    {
        var (database, agency, _, receipt) = await SeedAsync(provider);
        await using var _ = database;

        var submitted = (await LookAsync(database, agency, receipt.TrackingNumber, receipt.QueryCode)).Value;
        Assert.Equal(RequestState.Submitted, submitted.State);
        Assert.Equal("待确认收到", submitted.StateName);
        Assert.Null(submitted.CurrentDue);

        // The agency confirms (Art 31(三)) and replies: the lookup shows the clock and then the outcome.
        await using (var db = database.Open())
        {
            var id = db.Requests.Single().Id;
            var at = Clock.GetUtcNow();
            foreach (RequestCommand step in new RequestCommand[]
            {
                new ConfirmReceipt(Staff, new DateOnly(2026, 3, 3), at),
                new StartProcessing(Staff, new DateOnly(2026, 3, 4), at),
                new Reply(Staff, new DateOnly(2026, 3, 20), at, ReplyOutcome.Disclosed(), new ReplyParticulars { ObtainFrom = "随本答复书提供（附件）" }),
            })
            {
                Assert.True((await ApplyStep.HandleAsync(db, Clock, WorkCalendar.Official, new ApplyStep.Request(id, agency, step), TestContext.Current.CancellationToken)).IsSuccess);
            }
        }

        var replied = (await LookAsync(database, agency, " " + receipt.TrackingNumber + " ", receipt.QueryCode.ToLowerInvariant()[..4] + "-" + receipt.QueryCode[4..])).Value;
        Assert.Equal(RequestState.Replied, replied.State);
        Assert.Equal(new DateOnly(2026, 3, 3), replied.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 3, 31), replied.ReplyDue); // 20 working days after 3 March 2026
        Assert.Equal("予以公开", replied.Outcome);
        Assert.Equal(new DateOnly(2026, 3, 20), replied.RepliedOn);
        Assert.Equal(["提交申请", "确认收到申请", "开始办理", "答复"], replied.Steps.Select(s => s.Action));
        var everything = System.Text.Json.JsonSerializer.Serialize(replied);
        foreach (var personal in new[] { "王五", SubmitOnlineTests.IdentityNumber, "13800000000", "老旧小区" })
        {
            Assert.DoesNotContain(personal, everything, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Lookup_WrongNumberCodeOrAgency_SameNotFound(string provider)
    {
        var (database, agency, other, receipt) = await SeedAsync(provider);
        await using var _ = database;
        var wrongCode = receipt.QueryCode[..7] + (receipt.QueryCode[7] == 'A' ? 'B' : 'A');

        (Guid Agency, string? Number, string? Code)[] attempts =
        [
            (agency, "2026-000002", receipt.QueryCode),
            (agency, receipt.TrackingNumber, wrongCode),
            (agency, receipt.TrackingNumber, ""),
            (agency, receipt.TrackingNumber, null),
            (agency, "", receipt.QueryCode),
            (agency, new string('9', 5000), receipt.QueryCode),
            (other, receipt.TrackingNumber, receipt.QueryCode),
        ];
        foreach (var (a, number, code) in attempts)
        {
            var result = await LookAsync(database, a, number, code);
            Assert.False(result.IsSuccess);
            Assert.Equal(LookupApplication.NotFound, result.Problem);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Lookup_ApplicationWithoutCode_NotFound(string provider)
    {
        var (database, agency, _, _) = await SeedAsync(provider);
        await using var _ = database;
        await using (var db = database.Open())
        {
            db.Requests.Add(RequestStorageTests.NewRequest(agency, "2026-000900", new DateOnly(2026, 2, 2)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // A ledger's application has no 查询码: no code opens it, not even one that would hash to nothing.
        Assert.False((await LookAsync(database, agency, "2026-000900", "AAAAAAAA")).IsSuccess);
    }

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" 2345 6789 ", "23456789")]
    [InlineData("ABCDEFG", null)]
    [InlineData("ABCDEFGHJ", null)]
    [InlineData("ABCDEFG0", null)]
    [InlineData("ABCDEFGI", null)]
    public void Normalize_TypedCode_UpperCaseWithoutSeparatorsOrNull(string typed, string? expected) =>
        Assert.Equal(expected, QueryCode.Normalize(typed));

    [Fact]
    public void Hash_SameCodeOtherRequest_Differs()
    {
        var code = QueryCode.New();
        Assert.NotEqual(QueryCode.Hash(Guid.NewGuid(), code), QueryCode.Hash(Guid.NewGuid(), code));
        var id = Guid.NewGuid();
        Assert.True(QueryCode.Matches(id, code, QueryCode.Hash(id, code)));
        Assert.False(QueryCode.Matches(id, code, null));
        Assert.False(QueryCode.Matches(id, code, "zz"));
    }
}
