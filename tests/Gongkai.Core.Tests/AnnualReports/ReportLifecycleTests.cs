using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>
/// The report's lifecycle on real databases: draft → checked → locked (immutable, hashed) → published; a rebuild after
/// the lock is the next version; R7 compares with the locked report of the year before; the year boundary.
/// </summary>
public sealed class ReportLifecycleTests
{
    private const string District = "北京市东城区";
    private const string Office = "北京市东城区对外联络服务办公室";
    private const string LedgerHeader = "申请编号,收到日期,申请方式,申请人类型,申请人,证件号码,申请内容,办理结果,答复日期";

    private static byte[] Ledger(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "ledgers", name));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>北京市东城区 and its office with the office's 2020 records (the seed's ledgers).</summary>
    private static async Task<(Agency District, Agency Office)> SeedAsync(GongkaiDbContext db, TimeProvider clock)
    {
        var district = Agency.Create(District).Value;
        var office = Agency.Create(Office, district.Id).Value;
        db.Agencies.AddRange(district, office);
        await db.SaveChangesAsync(Ct);
        await ImportCsvAsync(db, clock, Office, Ledger("seed-2020-requests.csv"));
        var items = Ledger("seed-2020-items.csv");
        Assert.Empty((await ImportItems.HandleAsync(db, clock, new ImportItems.Request(Office, LedgerFile.Read(items, "i.csv"), "i.csv", [], "t"), Ct)).Value.Errors);
        var article20 = Ledger("seed-2020-article20.csv");
        Assert.Empty((await ImportArticle20.HandleAsync(db, clock, new ImportArticle20.Request(Office, 2020, null, LedgerFile.Read(article20, "a.csv"), "a.csv",
            ImportRequests.Hash(article20), "t"), Ct)).Value.Errors);
        return (district, office);
    }

    private static async Task ImportCsvAsync(GongkaiDbContext db, TimeProvider clock, string agency, byte[] csv)
    {
        var imported = await ImportRequests.HandleAsync(db, clock, WorkCalendar.Official, new ImportRequests.Request(agency, LedgerFile.Read(csv, "r.csv"),
            "r.csv", ImportRequests.Hash(csv), "t"), cancellationToken: Ct);
        Assert.True(imported.IsSuccess, imported.IsSuccess ? "" : imported.Problem.Message);
        Assert.Empty(imported.Value.Errors);
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(LedgerHeader + "\n" + string.Join("\n", rows) + "\n");

    private static FakeTimeProvider Clock(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Sections 五 and 六 of the year's draft written, as the lock needs (一 is drafted by the builder).</summary>
    internal static async Task WriteTextsAsync(GongkaiDbContext db, TimeProvider clock, Guid agencyId, int year)
    {
        foreach (var (key, text) in new[] { ("text.problems", "信息公开专栏栏目设置有待优化。"), ("text.other", "无") })
        {
            var written = await EditReportText.HandleAsync(db, clock, new EditReportText.Request(agencyId, year, key, text, "t"), Ct);
            Assert.True(written.IsSuccess, written.IsSuccess ? "" : written.Problem.Message);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Lock_RecordChangedAfterwards_SnapshotUnchangedHashVerifiedAndRebuildIsVersion2(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock(2021, 1, 10);
        Agency office;
        string lockedContent;
        await using (var db = database.Open())
        {
            (_, office) = await SeedAsync(db, clock);
            var draft = (await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct)).Value;
            Assert.True(draft.StartedNewVersion);
            Assert.Equal(1, draft.Version.Number);
            await WriteTextsAsync(db, clock, office.Id, 2020);
            var locked = await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2020, null, "reviewer"), Ct);
            Assert.True(locked.IsSuccess, locked.IsSuccess ? "" : locked.Problem.Message);
            Assert.Equal(ReportStage.Locked, locked.Value.Version.Stage);
            Assert.Equal(ReportVersion.Hash(locked.Value.Version.Content), locked.Value.Version.ContentHash);
            lockedContent = locked.Value.Version.Content;

            // A second application of 2020 recorded after the lock.
            await ImportCsvAsync(db, clock, Office, Csv("2020-099,2020-11-02,信函申请,商业企业,某某有限公司,91110000100000589A,补录的申请,予以公开,2020-11-20"));
        }

        await using (var db = database.Open())
        {
            var history = (await ReportHistory.HandleAsync(db, clock, new ReportHistory.Request(office.Id, 2020), Ct)).Value;
            var v1 = Assert.Single(history.Versions);
            Assert.Equal(lockedContent, v1.Content);
            Assert.True(v1.HashMatches);
            Assert.Empty(history.Tampered);
            Assert.Equal(1m, LockedReports.Read(v1).Values["requests.received.total"]);

            var rebuilt = (await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct)).Value;
            Assert.True(rebuilt.StartedNewVersion);
            Assert.Equal(2, rebuilt.Version.Number);
            Assert.Equal(2m, rebuilt.Report.Report.Values["requests.received.total"]);
            Assert.Equal(1m, rebuilt.Report.Report.Values["requests.received.commercialEnterprise"]);
        }

        await using (var db = database.Open())
        {
            var versions = await db.ReportVersions.AsNoTracking().Where(v => v.AgencyId == office.Id).OrderBy(v => v.Number).ToListAsync(Ct);
            Assert.Equal([1, 2], versions.Select(v => v.Number));
            Assert.Equal(lockedContent, versions[0].Content);
            Assert.Equal(ReportStage.Locked, versions[0].Stage);
            Assert.Equal(ReportStage.Draft, versions[1].Stage);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task LockedVersion_UpdateOrDeleteBySql_RefusedByTheDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock(2021, 1, 10);
        await using var db = database.Open();
        var (_, office) = await SeedAsync(db, clock);
        await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct);
        await WriteTextsAsync(db, clock, office.Id, 2020);
        var locked = (await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2020, null, "t"), Ct)).Value.Version;

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE report_versions SET content = 'forged' WHERE number = 1", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM report_versions WHERE number = 1", Ct));

        // Publishing (a date on the locked row) is still allowed; the content is what was locked.
        var published = await PublishReport.HandleAsync(db, clock, new PublishReport.Request(office.Id, 2020, new DateOnly(2021, 1, 8), "t"), Ct);
        Assert.True(published.IsSuccess, published.IsSuccess ? "" : published.Problem.Message);
        Assert.False(published.Value.Late);
        var stored = await db.ReportVersions.AsNoTracking().SingleAsync(v => v.Id == locked.Id, Ct);
        Assert.Equal(ReportStage.Published, stored.Stage);
        Assert.True(stored.HashMatches);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Lock_RecordsChangedSinceTheDraft_RefusedAsStale(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock(2021, 1, 10);
        await using var db = database.Open();
        var (_, office) = await SeedAsync(db, clock);
        await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct);
        await ImportCsvAsync(db, clock, Office, Csv("2020-100,2020-12-01,当面申请,自然人,张三,110105198001010016,另一件申请,予以公开,2020-12-10"));

        await WriteTextsAsync(db, clock, office.Id, 2020);
        var locked = await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2020, null, "t"), Ct);

        Assert.False(locked.IsSuccess);
        Assert.Equal("report.stale", locked.Problem.Code);
        Assert.Equal(ReportStage.Draft, (await db.ReportVersions.AsNoTracking().SingleAsync(Ct)).Stage);
    }

    /// <summary>
    /// Received 28 December 2020, answered 5 January 2021: 本年新收 and 结转下年度 in 2020, 上年结转 and 予以公开 in 2021;
    /// R7 holds between the two built years without anyone arranging it.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task YearBoundary_DecemberRequestAnsweredInJanuary_CountsInBothYearsAndR7Holds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock(2021, 2, 1);
        await using var db = database.Open();
        var (_, office) = await SeedAsync(db, clock);
        await ImportCsvAsync(db, clock, Office, Csv("2020-120,2020-12-28,网上申请,自然人,李四,110105199003070025,跨年度的申请,予以公开,2021-01-05"));

        await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct);
        await WriteTextsAsync(db, clock, office.Id, 2020);
        var locked2020 = await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2020, null, "t"), Ct);
        Assert.True(locked2020.IsSuccess, locked2020.IsSuccess ? "" : locked2020.Problem.Message);
        var y2020 = locked2020.Value.Report.Report;
        Assert.Equal(2m, y2020.Values["requests.received.naturalPerson"]);
        Assert.Equal(1m, y2020.Values["requests.carriedOut.naturalPerson"]);
        Assert.Equal(1m, y2020.Values["requests.disclosed.naturalPerson"]);

        var draft2021 = (await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2021, null, "t"), Ct)).Value.Report;
        var y2021 = draft2021.Report;
        Assert.Equal(ReportFormat.V2021, y2021.Format);
        Assert.Equal(0m, y2021.Values["requests.received.naturalPerson"]);
        Assert.Equal(1m, y2021.Values["requests.carriedIn.naturalPerson"]);
        Assert.Equal(1m, y2021.Values["requests.disclosed.naturalPerson"]);
        Assert.Equal(0m, y2021.Values["requests.carriedOut.naturalPerson"]);
        Assert.DoesNotContain(draft2021.Findings, f => f.Rule == RuleIds.R7);
        Assert.DoesNotContain(draft2021.Findings, f => f.Severity == Severity.Error);
    }

    /// <summary>
    /// The 2020 report was locked before the December application was recorded; 2021 built from the records now
    /// carries one in that the locked 2020 never carried out: R7 warns, and the lock needs a reviewer's note.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task R7_LockedPreviousBuiltFromOtherData_WarnsAndLockNeedsAcknowledgement(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock(2022, 1, 10);
        await using var db = database.Open();
        var (_, office) = await SeedAsync(db, clock);
        await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct);
        await WriteTextsAsync(db, clock, office.Id, 2020);
        Assert.True((await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2020, null, "t"), Ct)).IsSuccess);
        await ImportCsvAsync(db, clock, Office, Csv("2020-120,2020-12-28,网上申请,自然人,李四,110105199003070025,补录的跨年度申请,予以公开,2021-01-05"));

        var draft = (await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2021, null, "t"), Ct)).Value.Report;
        var r7 = Assert.Single(draft.Findings, f => f.Rule == RuleIds.R7 && f.Cells.Contains("requests.carriedIn.naturalPerson"));
        Assert.Equal(Severity.Warning, r7.Severity);

        await WriteTextsAsync(db, clock, office.Id, 2021);
        var refused = await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2021, null, "t"), Ct);
        Assert.Equal("report.warningsNotAcknowledged", refused.Problem.Code);
        var locked = await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2021, "2020年度报告锁定后补录了一件跨年度申请，2020年度报告将更正", "t"), Ct);
        Assert.True(locked.IsSuccess, locked.IsSuccess ? "" : locked.Problem.Message);
        Assert.NotNull(locked.Value.Version.Acknowledgement);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Publish_NotLockedRefused_AfterDeadlineLate_StandingFollows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock(2021, 2, 20);
        await using var db = database.Open();
        var (district, office) = await SeedAsync(db, clock);
        await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct);

        var notLocked = await PublishReport.HandleAsync(db, clock, new PublishReport.Request(office.Id, 2020, null, "t"), Ct);
        Assert.Equal("report.notLocked", notLocked.Problem.Code);
        var overdue = (await ReportHistory.HandleAsync(db, clock, new ReportHistory.Request(office.Id, 2020), Ct)).Value;
        Assert.Equal(ReportStatus.Overdue, overdue.Standing.Status);
        Assert.Equal(new DateOnly(2021, 1, 31), overdue.Standing.DueOn);

        await WriteTextsAsync(db, clock, office.Id, 2020);
        await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2020, null, "t"), Ct);
        var future = await PublishReport.HandleAsync(db, clock, new PublishReport.Request(office.Id, 2020, new DateOnly(2021, 2, 21), "t"), Ct);
        Assert.Equal("report.publishedInFuture", future.Problem.Code);
        var published = (await PublishReport.HandleAsync(db, clock, new PublishReport.Request(office.Id, 2020, new DateOnly(2021, 2, 1), "t"), Ct)).Value;
        Assert.True(published.Late);
        var standing = (await ReportHistory.HandleAsync(db, clock, new ReportHistory.Request(office.Id, 2020), Ct)).Value.Standing;
        Assert.Equal(ReportStatus.Published, standing.Status);
        Assert.True(standing.PublishedLate);

        // The district government's own report is due on 31 March (Art 49), so not yet overdue on 20 February.
        var government = (await ReportHistory.HandleAsync(db, clock, new ReportHistory.Request(district.Id, 2020), Ct)).Value;
        Assert.Equal(ReportLevel.Government, government.Level);
        Assert.Equal(new DateOnly(2021, 3, 31), government.Standing.DueOn);
        Assert.Equal(ReportStatus.NotStarted, government.Standing.Status);

        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ReportVersion)).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["report.drafted", "report.textEdited", "report.textEdited", "report.locked", "report.published"], audit);
    }
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task EditText_KeptOnRebuild_CheckedByR8_LockedVersionRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock(2021, 1, 10);
        await using var db = database.Open();
        var (_, office) = await SeedAsync(db, clock);
        await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct);

        const string Problems = "信息公开专栏栏目设置有待优化。下一步将加强培训。";
        Assert.True((await EditReportText.HandleAsync(db, clock, new EditReportText.Request(office.Id, 2020, "text.problems", Problems, "t"), Ct)).IsSuccess);
        var wrongOverview = await EditReportText.HandleAsync(db, clock, new EditReportText.Request(office.Id, 2020, "text.overview", "2020年新收政府信息公开申请数量3件。", "t"), Ct);
        Assert.Contains(wrongOverview.Value.Findings, f => f.Rule == RuleIds.R8);
        var unknown = await EditReportText.HandleAsync(db, clock, new EditReportText.Request(office.Id, 2020, "text.secret", "x", "t"), Ct);
        Assert.Equal("report.unknownSection", unknown.Problem.Code);

        var rebuilt = (await SaveDraft.HandleAsync(db, WorkCalendar.Official, clock, new SaveDraft.Request(office.Id, 2020, null, "t"), Ct)).Value;
        Assert.False(rebuilt.StartedNewVersion);
        Assert.Equal(Problems, rebuilt.Report.Report.Text(CellKey.Problems));
        Assert.Equal("2020年新收政府信息公开申请数量3件。", rebuilt.Report.Report.Text(CellKey.Overview));
        Assert.Contains(rebuilt.Report.Findings, f => f.Rule == RuleIds.R8);

        var corrected = (await EditReportText.HandleAsync(db, clock, new EditReportText.Request(office.Id, 2020, "text.overview", "2020年新收政府信息公开申请数量1件。", "t"), Ct)).Value;
        Assert.DoesNotContain(corrected.Findings, f => f.Rule == RuleIds.R8);
        await WriteTextsAsync(db, clock, office.Id, 2020);
        Assert.True((await LockReport.HandleAsync(db, WorkCalendar.Official, clock, new LockReport.Request(office.Id, 2020, null, "t"), Ct)).IsSuccess);
        var afterLock = await EditReportText.HandleAsync(db, clock, new EditReportText.Request(office.Id, 2020, "text.other", "无", "t"), Ct);
        Assert.Equal("report.locked", afterLock.Problem.Code);
    }
}
