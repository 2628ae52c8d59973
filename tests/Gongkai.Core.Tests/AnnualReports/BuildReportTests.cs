using System.Globalization;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>The seed report comes out of our own records, cell for cell.</summary>
public sealed class BuildReportTests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";

    private static byte[] Ledger(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "ledgers", name));

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Build_SeedRecords_EveryTableCellOfTheSeedNoFindings(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 1, 5, 1, 0, 0, TimeSpan.Zero));
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Open();
        var agency = Agency.Create(AgencyName).Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        var requests = Ledger("seed-2020-requests.csv");
        var items = Ledger("seed-2020-items.csv");
        var article20 = Ledger("seed-2020-article20.csv");
        Assert.Empty((await ImportRequests.HandleAsync(db, clock, WorkCalendar.Official, new ImportRequests.Request(AgencyName, LedgerFile.Read(requests,
            "r.csv"), "r.csv", [], "t"), cancellationToken: ct)).Value.Errors);
        Assert.Empty((await ImportItems.HandleAsync(db, clock, new ImportItems.Request(AgencyName, LedgerFile.Read(items, "i.csv"), "i.csv", [], "t"), ct)).Value.Errors);
        Assert.Empty((await ImportArticle20.HandleAsync(db, clock, new ImportArticle20.Request(AgencyName, 2020, null, LedgerFile.Read(article20, "a.csv"),
            "a.csv", ImportRequests.Hash(article20), "t"), ct)).Value.Errors);

        var built = await BuildReport.HandleAsync(db, WorkCalendar.Official, new BuildReport.Request(agency.Id, 2020), ct);
        var seed = new SeedCopy().Parse().Report;

        Assert.Equal(ReportFormat.V2019, built.Report.Format);
        Assert.Equal(AgencyName, built.Report.Agency);
        foreach (var (key, value) in seed.Values)
        {
            Assert.True(built.Report.Values.TryGetValue(key, out var ours), key + " missing");
            Assert.True(value.ToString(CultureInfo.InvariantCulture) == ours.ToString(CultureInfo.InvariantCulture), $"{key}: seed {value}, built {ours}");
        }

        Assert.Empty(built.Report.Blanks);
        Assert.Empty(built.Findings);
        Assert.Equal(38m, built.Report.Values["proactive.published.total"]);
        Assert.Contains("2020年共主动公开政府信息38条，全文电子化率达100%", built.Report.Text(CellKey.Overview), StringComparison.Ordinal);
        Assert.Contains("新收政府信息公开申请数量1件，申请人的类别为自然人", built.Report.Text(CellKey.Overview), StringComparison.Ordinal);
    }
}
