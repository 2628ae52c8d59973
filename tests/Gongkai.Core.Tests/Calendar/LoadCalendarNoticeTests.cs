using Gongkai.Core.Data;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>Loading a year's notice into the database: versions, the open deadlines it moves and only those, the 台账.</summary>
public sealed class LoadCalendarNoticeTests
{
    private static readonly Actor Staff = new("u-1", "李四", ActorRole.Staff);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));

    /// <summary>A made-up 2027 notice that differs from the rule: 2026-12-31 and 2027-01-01..03 off, Sat 2027-01-09 worked.</summary>
    private const string Notice2027 = """
        { "format": "cn-holidays/1", "years": [ { "year": 2027,
          "holidays": [ { "date": "2026-12-31", "name": "元旦" }, { "date": "2027-01-01", "name": "元旦" },
                        { "date": "2027-01-02", "name": "元旦" }, { "date": "2027-01-03", "name": "元旦" } ],
          "adjustedWorkdays": [ { "date": "2027-01-09", "name": "元旦" } ] } ] }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LoadCalendarNotice.Request Load(string json) => new(json, "文件 2027.json", "国办发明电〔2026〕99号", "cli:operator", "operator");

    private static async Task<Guid> SeedAsync(GongkaiDbContext db, params (string Number, DateOnly ReceivedOn, bool Close)[] requests)
    {
        var agency = Agency.Create("北京市东城区对外联络服务办公室").Value;
        db.Agencies.Add(agency);
        foreach (var (number, on, close) in requests)
        {
            var request = RequestStorageTests.NewRequest(agency.Id, number, on);
            if (close)
            {
                Assert.True(request.Apply(new StartProcessing(Staff, on, Clock.GetUtcNow()), WorkCalendar.Official).IsSuccess);
                Assert.True(request.Apply(new Reply(Staff, on, Clock.GetUtcNow(), ReplyOutcome.Disclosed(), new ReplyParticulars { ObtainFrom = "随本答复书提供（附件）" }), WorkCalendar.Official).IsSuccess);
            }

            db.Requests.Add(request);
        }

        await db.SaveChangesAsync(Ct);
        return agency.Id;
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task HandleAsync_NoticeThatDiffers_MovesExactlyTheAffectedOpenDeadlines(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await SeedAsync(db,
                ("2026-001", new DateOnly(2026, 12, 4), false),   // due 2027-01-04 provisional → 2027-01-05
                ("2026-002", new DateOnly(2026, 12, 7), false),   // due 2027-01-05 provisional → 2027-01-06
                ("2026-003", new DateOnly(2026, 11, 2), false),   // due 2026-11-30: before the notice's days
                ("2026-004", new DateOnly(2026, 12, 4), true),    // replied: its deadlines are history
                ("2026-005", new DateOnly(2026, 12, 11), false)); // due 2027-01-11: crosses, but 01-09 worked makes up 12-31
        }

        LoadCalendarNotice.Response response;
        await using (var db = database.Open())
        {
            response = (await LoadCalendarNotice.HandleAsync(db, Clock, Load(Notice2027), Ct)).Value;
        }

        Assert.Equal([(2027, 1)], response.Loaded);
        Assert.Equal(["2026-001", "2026-002"], response.Moved.Select(m => m.TrackingNumber).Order());
        Assert.False(response.Calendar.IsProvisional(new DateOnly(2027, 1, 5)));

        await using var read = database.Open();
        var due = await read.Requests.AsNoTracking().ToDictionaryAsync(r => r.TrackingNumber, r => r.ReplyDue, Ct);
        Assert.Equal(new DateOnly(2027, 1, 5), due["2026-001"]);
        Assert.Equal(new DateOnly(2027, 1, 6), due["2026-002"]);
        Assert.Equal(new DateOnly(2026, 11, 30), due["2026-003"]);
        Assert.Equal(new DateOnly(2027, 1, 4), due["2026-004"]);
        Assert.Equal(new DateOnly(2027, 1, 11), due["2026-005"]);

        var first = await read.Requests.SingleAsync(r => r.TrackingNumber == "2026-001", Ct);
        var step = first.Events[^1];
        Assert.Equal(RequestTrigger.RecalculateDeadlines, step.Trigger);
        Assert.Equal("国务院办公厅2027年放假安排已载入（国办发明电〔2026〕99号），期限重新计算：答复期限由2027年1月4日调整为2027年1月5日", step.Description);

        var actions = await read.AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(1, actions.Count(a => a == "calendar.load"));
        Assert.Equal(2, actions.Count(a => a == "request.RecalculateDeadlines"));

        // The database now gives the calendar in force to every process.
        var inForce = (await CalendarSource.LoadAsync(read, Ct)).Value;
        Assert.Equal(new DateOnly(2027, 12, 31), inForce.LastDate);
        Assert.Equal(DayKind.AdjustedWorkday, inForce.KindOf(new DateOnly(2027, 1, 9)).Value);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task HandleAsync_SameNoticeTwice_SecondChangesNothing_AndACorrectionIsVersion2(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await SeedAsync(db, ("2026-001", new DateOnly(2026, 12, 4), false));
            Assert.Single((await LoadCalendarNotice.HandleAsync(db, Clock, Load(Notice2027), Ct)).Value.Moved);
        }

        await using (var db = database.Open())
        {
            var again = (await LoadCalendarNotice.HandleAsync(db, Clock, Load(Notice2027), Ct)).Value;
            Assert.Empty(again.Loaded);
            Assert.Equal([2027], again.Unchanged);
            Assert.Empty(again.Moved);
        }

        // A correcting notice that gives back 12-31: version 2, and the deadline moves back.
        var corrected = Notice2027.Replace("""{ "date": "2026-12-31", "name": "元旦" }, """, "", StringComparison.Ordinal);
        await using (var db = database.Open())
        {
            var second = (await LoadCalendarNotice.HandleAsync(db, Clock, Load(corrected), Ct)).Value;
            Assert.Equal([(2027, 2)], second.Loaded);
            Assert.Equal("国务院办公厅2027年放假安排已载入（国办发明电〔2026〕99号），期限重新计算：答复期限由2027年1月5日调整为2027年1月4日", second.Moved.Single().Description);
        }

        await using var read = database.Open();
        Assert.Equal([1, 2], await read.CalendarNotices.OrderBy(n => n.Version).Select(n => n.Version).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task HandleAsync_InvalidNotice_ChineseProblemAndNothingStored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await SeedAsync(db, ("2026-001", new DateOnly(2026, 12, 4), false));

        // 2027-01-04 is a Monday: a 调休上班 day must be a weekend day.
        var broken = Notice2027.Replace("2027-01-09", "2027-01-04", StringComparison.Ordinal);
        var result = await LoadCalendarNotice.HandleAsync(db, Clock, Load(broken), Ct);

        Assert.Equal("calendar.invalidData", result.Problem.Code);
        Assert.Contains("调休上班日只能是星期六或星期日", result.Problem.Message, StringComparison.Ordinal);
        Assert.Empty(await db.CalendarNotices.ToListAsync(Ct));
        Assert.Equal(new DateOnly(2027, 1, 4), (await db.Requests.AsNoTracking().SingleAsync(Ct)).ReplyDue);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task StoredNotice_UpdateOrDelete_RefusedByTheDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        Assert.True((await LoadCalendarNotice.HandleAsync(db, Clock, Load(Notice2027), Ct)).IsSuccess);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE calendar_notices SET year = 2028", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM calendar_notices", Ct));
        Assert.Single(await db.CalendarNotices.AsNoTracking().ToListAsync(Ct));
    }

    [Fact]
    public void NoticeEntry_TheNoticesLines_ADocumentTheLoaderTakes()
    {
        var json = NoticeEntry.ToJson(2027, "2027-02-05 至 2027-02-07 春节\n2027-01-01 元旦", "2027-02-14 春节").Value;
        var calendar = WorkCalendar.Official.With(json).Value;

        Assert.Equal(DayKind.Holiday, calendar.KindOf(new DateOnly(2027, 2, 6)).Value);
        Assert.Equal(DayKind.AdjustedWorkday, calendar.KindOf(new DateOnly(2027, 2, 14)).Value);
        Assert.Equal("春节", calendar.HolidayName(new DateOnly(2027, 2, 7)).Value);
        Assert.Equal("放假第1行“春节 2027-02-05”无法识别，应写成“2027-02-05 至 2027-02-11 春节”或“2027-01-01 元旦”",
            NoticeEntry.ToJson(2027, "春节 2027-02-05", null).Problem.Message);
    }
}
