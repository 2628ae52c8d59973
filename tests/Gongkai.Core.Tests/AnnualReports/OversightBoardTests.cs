using Gongkai.Core.Data;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>
/// The oversight board on real databases: a district and six departments whose 2020 reports stand at every stage;
/// 条例 Art 49's 31 January is in time, 1 February is overdue for what is unpublished; published after it is 已公开 with
/// 逾期公开; the government's own report is due 31 March; a year nobody started; years before and after.
/// </summary>
public sealed class OversightBoardTests
{
    private const string District = "某市某区";
    private static readonly string[] Departments = ["甲局", "乙局", "丙局", "丁局", "戊局", "己局"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FakeTimeProvider Clock(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));

    private static async Task<(Agency District, Dictionary<string, Agency> Departments)> AgenciesAsync(GongkaiDbContext db)
    {
        var district = Agency.Create(District).Value;
        var departments = Departments.ToDictionary(n => n, n => Agency.Create(n, district.Id).Value, StringComparer.Ordinal);
        db.Agencies.Add(district);
        db.Agencies.AddRange(departments.Values);
        await db.SaveChangesAsync(Ct);
        return (district, departments);
    }

    private static async Task DraftAsync(GongkaiDbContext db, TimeProvider clock, Agency agency) =>
        Assert.True((await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(agency.Id, 2020, null, "t"), Ct)).IsSuccess);

    private static async Task LockAsync(GongkaiDbContext db, TimeProvider clock, Agency agency)
    {
        await DraftAsync(db, clock, agency);
        await ReportLifecycleTests.WriteTextsAsync(db, clock, agency.Id, 2020);
        var locked = await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(agency.Id, 2020, null, "t"), Ct);
        Assert.True(locked.IsSuccess, locked.IsSuccess ? "" : locked.Problem.Message);
    }

    private static async Task PublishAsync(GongkaiDbContext db, TimeProvider clock, Agency agency, DateOnly on) =>
        Assert.True((await PublishReport.HandleAsync(db, clock, new PublishReport.Request(agency.Id, 2020, on, "t"), Ct)).IsSuccess);

    private static async Task<OversightBoard.Response> BoardAsync(GongkaiDbContext db, TimeProvider clock, Agency district, int year = 2020)
    {
        var board = await OversightBoard.HandleAsync(db, WorkCalendar.Official, clock, new OversightBoard.Request(district.Id, year), Ct);
        Assert.True(board.IsSuccess, board.IsSuccess ? "" : board.Problem.Message);
        return board.Value;
    }

    private static Dictionary<ReportStatus, int> Counts(OversightBoard.Response board) => board.ByStage.ToDictionary(c => c.Stage, c => c.Count);

    private static Dictionary<string, OversightBoard.Row> Rows(OversightBoard.Response board) => board.Rows.ToDictionary(r => r.Agency.Name, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Board_EveryStage_OnTheDueDateNoneOverdue_TheDayAfterTheUnpublishedAre(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var (district, d) = await AgenciesAsync(db);
        var started = Clock(2021, 1, 12);
        await DraftAsync(db, started, d["乙局"]);
        await DraftAsync(db, started, d["丙局"]);
        var checkedOn = Clock(2021, 1, 15);
        Assert.True((await CheckDraft.HandleAsync(db, WorkCalendar.Official, checkedOn, new CheckDraft.Request(d["丙局"].Id, 2020, null, "t"), Ct)).IsSuccess);
        var lockedOn = Clock(2021, 1, 20);
        foreach (var name in new[] { "丁局", "戊局", "己局" })
        {
            await LockAsync(db, lockedOn, d[name]);
        }

        var dueDay = Clock(2021, 1, 31);
        await PublishAsync(db, dueDay, d["戊局"], new DateOnly(2021, 1, 29));

        // 31 January: every report in time, whatever its stage.
        var onTheDay = await BoardAsync(db, dueDay, district);
        var rows = Rows(onTheDay);
        Assert.Equal(ReportStatus.NotStarted, rows["甲局"].Standing.Status);
        Assert.Null(rows["甲局"].Findings); // not started: no report, no findings
        Assert.Equal(ReportStatus.Draft, rows["乙局"].Standing.Status);
        Assert.Equal(ReportStatus.Checked, rows["丙局"].Standing.Status);
        Assert.Equal(ReportStatus.Locked, rows["丁局"].Standing.Status);
        Assert.Equal("已定稿", rows["丁局"].Standing.Label);
        Assert.Equal(ReportStatus.Published, rows["戊局"].Standing.Status);
        Assert.Equal(ReportStatus.Locked, rows["己局"].Standing.Status);
        Assert.Equal(ReportStatus.NotStarted, rows[District].Standing.Status);
        Assert.Equal(new Dictionary<ReportStatus, int>
        {
            [ReportStatus.NotStarted] = 2,
            [ReportStatus.Draft] = 1,
            [ReportStatus.Checked] = 1,
            [ReportStatus.Locked] = 2,
            [ReportStatus.Published] = 1,
        }, Counts(onTheDay));
        Assert.Equal(0, onTheDay.Overdue);
        Assert.Equal(0, onTheDay.PublishedLate);

        // The day of each step, in China Standard Time.
        Assert.Equal(new ReportSteps(new DateOnly(2021, 1, 12), null, null, null), rows["乙局"].Standing.Steps);
        Assert.Equal(new ReportSteps(new DateOnly(2021, 1, 12), new DateOnly(2021, 1, 15), null, null), rows["丙局"].Standing.Steps);
        Assert.Equal(new ReportSteps(new DateOnly(2021, 1, 20), new DateOnly(2021, 1, 20), new DateOnly(2021, 1, 20), new DateOnly(2021, 1, 29)), rows["戊局"].Standing.Steps);
        Assert.Equal(ReportSteps.None, rows["甲局"].Standing.Steps);

        // 10 February: 己局 published on 3 February (late); the unpublished departments are overdue at the stage they reached.
        var after = Clock(2021, 2, 10);
        await PublishAsync(db, after, d["己局"], new DateOnly(2021, 2, 3));
        var board = await BoardAsync(db, after, district);
        rows = Rows(board);
        Assert.Equal(["逾期（未开始）", "逾期（草稿）", "逾期（已检查）", "逾期（已定稿）", "已公开", "已公开（逾期公开）"],
            Departments.Select(n => rows[n].Standing.Label));
        Assert.All(Departments.Take(4), n => Assert.Equal(ReportStatus.Overdue, rows[n].Standing.Status));
        Assert.False(rows["戊局"].Standing.PublishedLate);
        Assert.True(rows["己局"].Standing.PublishedLate);
        Assert.Equal(new DateOnly(2021, 2, 3), rows["己局"].Standing.Steps.PublishedOn);
        Assert.Equal(4, board.Overdue);
        Assert.Equal(1, board.PublishedLate);
        Assert.Equal(2, Counts(board)[ReportStatus.Published]);

        // The district government's own report (Art 49: by 31 March) is not overdue yet; on 1 April it is.
        Assert.False(rows[District].Standing.Overdue);
        Assert.Equal(new DateOnly(2021, 3, 31), rows[District].Standing.DueOn);
        Assert.False(Rows(await BoardAsync(db, Clock(2021, 3, 31), district))[District].Standing.Overdue);
        Assert.True(Rows(await BoardAsync(db, Clock(2021, 4, 1), district))[District].Standing.Overdue);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Board_YearNobodyStarted_AllNotStartedOverdueOnlyAfterTheDueDate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var (district, _) = await AgenciesAsync(db);

        // Today is December 2026: the 2026 reports are not due yet, the 2025 reports are overdue, the 2027 year may be
        // started ahead; 2028 and anything before 2019 are no report years.
        var today = Clock(2026, 12, 4);
        var current = await BoardAsync(db, today, district, 2026);
        Assert.All(current.Rows, r => Assert.Equal("未开始", r.Standing.Label));
        Assert.Equal(7, Counts(current)[ReportStatus.NotStarted]);
        Assert.Equal(0, current.Overdue);

        var last = await BoardAsync(db, today, district, 2025);
        Assert.Equal(7, last.Overdue);
        Assert.All(last.Rows, r => Assert.Equal("逾期（未开始）", r.Standing.Label));
        Assert.Equal(0, (await BoardAsync(db, today, district, 2027)).Overdue);
        Assert.Equal(7, (await BoardAsync(db, today, district, 2019)).Overdue);

        foreach (var year in new[] { 2018, 2028 })
        {
            var refused = await OversightBoard.HandleAsync(db, WorkCalendar.Official, today, new OversightBoard.Request(district.Id, year), Ct);
            Assert.Equal("report.year", refused.Problem.Code);
        }

        var unknown = await OversightBoard.HandleAsync(db, WorkCalendar.Official, today, new OversightBoard.Request(Guid.NewGuid(), 2025), Ct);
        Assert.Equal(AgencyProblems.NotFoundCode, unknown.Problem.Code);
    }
}
