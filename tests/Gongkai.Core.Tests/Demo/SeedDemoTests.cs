using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Demo;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Demo;

/// <summary>The demo: the seed's office gives the seed report cell for cell; every other agency's reports check clean.</summary>
public sealed class SeedDemoTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Demo_SeedOffice2020_ExactlyTheSeedsCellsAndBlanksNoFindings(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        Assert.True((await SeedDemo.HandleAsync(db, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), TestContext.Current.CancellationToken)).IsSuccess);

        var built = await BuildAsync(db, SeedDemo.SeedOffice, 2020);
        var seed = new SeedCopy().Parse().Report;

        // Every statutory cell the parser reads from the seed, no other, each with the seed's digits (0.5950).
        var layoutKeys = built.Report.Layout.Cells.Select(c => c.Key.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(seed.Values.Keys.Order(StringComparer.Ordinal), built.Report.Values.Keys.Where(layoutKeys.Contains).Order(StringComparer.Ordinal));
        foreach (var (key, value) in seed.Values)
        {
            Assert.True(value.ToString(CultureInfo.InvariantCulture) == built.Report.Values[key].ToString(CultureInfo.InvariantCulture), $"{key}: seed {value}, built {built.Report.Values[key]}");
        }

        Assert.Equal(seed.Blanks.Order(StringComparer.Ordinal), built.Report.Blanks.Order(StringComparer.Ordinal));
        Assert.Equal(seed.Format, built.Report.Format);
        Assert.Equal(38m, built.Report.Values["proactive.published.total"]);
        Assert.Empty(built.Findings);

        // Locked and published with the seed's own 五 and 六 (the lock needs them), the same words the seed file has.
        var stored = await db.ReportVersions.AsNoTracking().SingleAsync(v => v.Year == 2020 && v.Stage == Domain.AnnualReports.Lifecycle.ReportStage.Published,
            TestContext.Current.CancellationToken);
        var locked = LockedReports.Read(stored);
        Assert.Equal(SeedDemo.SeedProblems, locked.Text(CellKey.Problems));
        Assert.Equal(SeedDemo.SeedOtherMatters, locked.Text(CellKey.OtherMatters));
        Assert.Equal(SeedDemo.SeedOtherMatters, seed.Text(CellKey.OtherMatters));
        Assert.StartsWith("1. 政府信息公开工作的主动性方面", seed.Text(CellKey.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Demo_EveryOtherAgency2019To2021_ReportsWithoutErrorsFromVariedRecords(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var seeded = (await SeedDemo.HandleAsync(db, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), TestContext.Current.CancellationToken)).Value;

        Assert.Equal(SeedDemo.AgencyNames, seeded.Agencies.Select(a => a.Name));
        Assert.InRange(seeded.Agencies.Count, 7, 10);
        var parent = await db.Agencies.SingleAsync(a => a.Name == SeedDemo.District, TestContext.Current.CancellationToken);
        Assert.Null(parent.ParentId);
        Assert.Equal(seeded.Agencies.Count - 1, await db.Agencies.CountAsync(a => a.ParentId == parent.Id, TestContext.Current.CancellationToken));

        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in SeedDemo.AgencyNames.Where(n => n != SeedDemo.SeedOffice))
        {
            for (var year = SeedDemo.FirstYear; year <= SeedDemo.LastYear; year++)
            {
                var built = await BuildAsync(db, name, year);
                Assert.True(!built.HasErrors, $"{name} {year}: " + string.Join("; ", built.Findings.Select(f => f.Message)));
                foreach (var (key, value) in built.Report.Values)
                {
                    totals[key] = totals.GetValueOrDefault(key) + value;
                }
            }
        }

        // The generated records show what a year of real work shows: every applicant kind, applications carried over
        // the year end, every outcome group, appeals of each kind, items published late.
        foreach (var column in new[] { "naturalPerson", "commercialEnterprise", "researchInstitution", "publicWelfareOrganization", "legalServiceInstitution", "otherOrganization" })
        {
            Assert.True(totals["requests.received." + column] > 0, column);
        }

        foreach (var key in new[] { "requests.carriedIn.total", "requests.carriedOut.total", "requests.disclosed.total", "requests.partlyDisclosed.total",
            "requests.cannotProvide.notHeld.total", "requests.notProcessed.repeated.total", "appeals.reconsideration.total", "appeals.litigationDirect.total", "appeals.reconsideration.corrected" })
        {
            Assert.True(totals.GetValueOrDefault(key) > 0, key);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Demo_SecondRun_ChangesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            Assert.False((await SeedDemo.HandleAsync(db, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), TestContext.Current.CancellationToken)).Value.ChangedNothing);
        }

        await using var again = database.Open();
        var before = await CountsAsync(again);

        var second = (await SeedDemo.HandleAsync(again, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), TestContext.Current.CancellationToken)).Value;

        Assert.True(second.ChangedNothing);
        Assert.Equal(before, await CountsAsync(again));
    }

    /// <summary>Requests, items, appeals, report versions (no version 2), guide versions.</summary>
    private static async Task<(int, int, int, int, int)> CountsAsync(GongkaiDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        return (await db.Requests.CountAsync(ct), await db.Items.CountAsync(ct), await db.Appeals.CountAsync(ct), await db.ReportVersions.CountAsync(ct),
            await db.Guides.CountAsync(ct));
    }

    [Fact]
    public async Task Demo_OfficeReport_EveryPublicationFormatReadsBackToTheSameCells()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        await using var db = database.Open();
        Assert.True((await SeedDemo.HandleAsync(db, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), TestContext.Current.CancellationToken)).IsSuccess);
        var built = await BuildAsync(db, SeedDemo.SeedOffice, 2020);
        using var folder = new TempFolder("gongkai-demo-formats-");
        foreach (var extension in new[] { ".html", ".docx", ".pdf", ".txt", ".json" })
        {
            var path = Path.Combine(folder.Path, "2020" + extension);
            ReportFile.Write(built, path);
            var read = ReportFile.Read(path).Report;

            var layoutKeys = built.Report.Layout.Cells.Select(c => c.Key.ToString()).ToHashSet(StringComparer.Ordinal);
            var expected = built.Report.Values.Where(v => layoutKeys.Contains(v.Key)).OrderBy(v => v.Key,
                StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.ToString(CultureInfo.InvariantCulture)}");
            var actual = read.Values.Where(v => layoutKeys.Contains(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.ToString(CultureInfo.InvariantCulture)}");
            Assert.True(expected.SequenceEqual(actual), extension + ": " + string.Join(", ", expected.Except(actual)));
            Assert.Equal(built.Report.Blanks.Order(StringComparer.Ordinal), read.Blanks.Order(StringComparer.Ordinal));
            Assert.Equal(SeedDemo.SeedOffice, read.Agency);
            Assert.Equal(2020, read.Year);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Demo_District_ConsolidationIsTheSumOfEveryAgencysReport(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        Assert.True((await SeedDemo.HandleAsync(db, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), TestContext.Current.CancellationToken)).IsSuccess);
        var parent = await db.Agencies.SingleAsync(a => a.Name == SeedDemo.District, TestContext.Current.CancellationToken);

        var district = (await DistrictReport.HandleAsync(db, WorkCalendar.Official, Clock, new DistrictReport.Request(parent.Id, 2021), TestContext.Current.CancellationToken)).Value;

        Assert.Equal(SeedDemo.AgencyNames.Count, district.Agencies.Count);
        Assert.False(district.Consolidated.HasErrors, string.Join("; ", district.Consolidated.Findings.Select(f => f.Message)));
        foreach (var cell in district.Consolidated.Report.Layout.Cells.Where(c => c.Table.KeyPrefix is "requests" or "appeals"))
        {
            var sum = district.Agencies.Sum(a => a.Report.Report.Values.GetValueOrDefault(cell.Key));
            Assert.True(sum == district.Consolidated.Report.Values[cell.Key], $"{cell.Key}: {sum} ≠ {district.Consolidated.Report.Values[cell.Key]}");
        }

        Assert.True(district.Consolidated.Report.Values["requests.received.total"] > 0);
        Assert.Equal(new DateOnly(2022, 3, 31), district.DueOn);

        // On 10 January 2022 the departments' 2021 reports are still due (31 January), none started yet.
        Assert.All(district.Agencies, a => Assert.Equal(Domain.AnnualReports.Lifecycle.ReportStatus.NotStarted, a.Standing.Status));
    }

    private static async Task<CheckedReport> BuildAsync(GongkaiDbContext db, string agency, int year)
    {
        var id = await db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await BuildReport.HandleAsync(db, WorkCalendar.Official, new BuildReport.Request(id, year), TestContext.Current.CancellationToken);
    }
}
