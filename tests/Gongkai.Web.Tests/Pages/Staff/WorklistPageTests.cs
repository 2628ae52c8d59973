using System.Net;
using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// The worklist as a desk through the page: concluded cases reachable (the seed office's 2020 application), filters and
/// search as GET parameters, names masked for 审计 and 政务公开办, and the ledger export (CSV and XLSX) that imports into
/// a fresh database with the same section 三.
/// </summary>
public sealed class WorklistPageTests(StaffSites sites)
{
    private const string SeedNumber = "2020-001";

    [Fact]
    public async Task Worklist_Handler_SeedApplicationReachableAmongConcludedNotAmongOpen()
    {
        var client = await (await sites.GetAsync(TestProviders.Sqlite)).SignInAsync("handler");

        var open = await GetAsync(client, "/staff/requests");
        var concluded = await GetAsync(client, "/staff/requests?scope=Concluded");

        Assert.DoesNotContain(SeedNumber, open, StringComparison.Ordinal);
        Assert.Contains(">" + SeedNumber + "</a>", concluded, StringComparison.Ordinal);
        Assert.Contains("王五", concluded, StringComparison.Ordinal);
        Assert.Contains("<td>予以公开</td>", concluded, StringComparison.Ordinal);
        Assert.Contains("北京市东城区对外联络服务办公室2020年部门预算的相关信息", concluded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q=%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97", true)]       // 部门预算: a word of the content
    [InlineData("q=%E7%8E%8B%E4%BA%94", true)]                         // 王五: the applicant's name
    [InlineData("q=2020-001", true)]                                   // the number
    [InlineData("q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D", false)] // 不存在的词
    [InlineData("channel=Online", true)]
    [InlineData("channel=Fax", false)]
    [InlineData("outcome=Disclosed", true)]
    [InlineData("outcome=Withheld", false)]
    [InlineData("kind=NaturalPerson", true)]
    [InlineData("kind=CommercialEnterprise", false)]
    [InlineData("state=Replied", true)]
    [InlineData("from=2020-09-24&to=2020-09-24", true)]
    [InlineData("from=2020-09-25", false)]
    [InlineData("rfrom=2020-10-01&rto=2020-10-31", true)]
    [InlineData("rto=2020-10-19", false)]
    [InlineData("overdue=true", false)]
    public async Task Worklist_FilterAsGetParameter_FindsTheSeedApplicationOrNot(string query, bool found)
    {
        var client = await (await sites.GetAsync(TestProviders.Sqlite)).SignInAsync("handler");

        var html = await GetAsync(client, "/staff/requests?scope=All&" + query);

        Assert.Equal(found, html.Contains(">" + SeedNumber + "</a>", StringComparison.Ordinal));

        // The view is a link: the export links carry the same filter.
        var first = query.Split('&')[0];
        Assert.Contains("handler=Export&amp;format=csv", html, StringComparison.Ordinal);
        Assert.Contains(first, html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("handler", true)]
    [InlineData("reviewer", true)]
    [InlineData("admin", true)]
    [InlineData("auditor", false)]
    [InlineData("oversight", false)]
    public async Task Worklist_ByRole_NameInFullOnlyToTheAgencysCaseWorkers(string user, bool full)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync(user);

        var html = await GetAsync(client, $"/staff/requests?agency={site.OfficeId}&scope=All");
        var byName = await GetAsync(client, $"/staff/requests?agency={site.OfficeId}&scope=All&q=%E7%8E%8B%E4%BA%94");
        var csv = Encoding.UTF8.GetString(await (await client.GetAsync(new Uri($"/staff/requests?agency={site.OfficeId}&scope=All&handler=Export&format=csv", UriKind.Relative),
            TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.Equal(full, html.Contains("王五", StringComparison.Ordinal));
        Assert.Equal(!full, html.Contains("王*", StringComparison.Ordinal));
        Assert.Equal(full, csv.Contains(",王五,", StringComparison.Ordinal));
        Assert.Equal(!full, csv.Contains(",王*,", StringComparison.Ordinal));

        // A reader without names cannot find a case by one either (the hit would tell the name).
        Assert.Equal(full, byName.Contains(">" + SeedNumber + "</a>", StringComparison.Ordinal));
        Assert.DoesNotContain("11010519491231002X", csv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Export_CsvAndXlsx_DownloadedThenImportedIntoFreshDatabase_SameRequestsTable(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var site = await sites.GetAsync(provider);
        var client = await site.SignInAsync("handler");
        var csv = await client.GetAsync(new Uri("/staff/requests?scope=All&handler=Export&format=csv", UriKind.Relative), ct);
        var xlsx = await client.GetAsync(new Uri("/staff/requests?scope=All&handler=Export&format=xlsx", UriKind.Relative), ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (csv.StatusCode, xlsx.StatusCode));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync(ct);
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync(ct);
        Assert.True(csvBytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "a byte order mark for Excel");
        Assert.True(xlsxBytes.AsSpan().StartsWith("PK"u8), "a workbook");
        Assert.Contains(SeedNumber, Encoding.UTF8.GetString(csvBytes), StringComparison.Ordinal);

        foreach (var (name, bytes) in new[] { ("export.csv", csvBytes), ("export.xlsx", xlsxBytes) })
        {
            await using var fresh = await TestDatabase.CreateAsync(provider);
            await using (var db = fresh.Open())
            {
                db.Agencies.Add(Agency.Create(SeedDemo.SeedOffice).Value);
                await db.SaveChangesAsync(ct);
                var rows = LedgerFile.Read(bytes, name);
                var imported = await ImportRequests.HandleAsync(db, site.Clock, WorkCalendar.Official,
                    new ImportRequests.Request(SeedDemo.SeedOffice, rows, name, ImportRequests.Hash(bytes), "test"), cancellationToken: ct);
                Assert.True(imported.IsSuccess && !imported.Value.Rejected, name + ": " + (imported.IsSuccess ? string.Join("; ", imported.Value.Errors.Take(3)) : imported.Problem.Message));
                Assert.Equal(rows.Count, imported.Value.Imported);
            }

            // 2020 and 2021: years other tests of this site do not change (they act on the site's today, 2022).
            await using var original = site.Open();
            await using var copy = fresh.Open();
            var copyId = await copy.Agencies.Where(a => a.Name == SeedDemo.SeedOffice).Select(a => a.Id).SingleAsync(ct);
            foreach (var year in new[] { 2020, 2021 })
            {
                var before = await RequestsTable.HandleAsync(original, new RequestsTable.Request(site.OfficeId, year, ReportFormat.V2021), ct);
                var after = await RequestsTable.HandleAsync(copy, new RequestsTable.Request(copyId, year, ReportFormat.V2021), ct);
                Assert.True(before["requests.total.total"] + before["requests.received.total"] > 0, $"{year} has cases");
                Assert.Equal(before.OrderBy(p => p.Key, StringComparer.Ordinal), after.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }
    }

    private static Task<string> GetAsync(HttpClient client, string path) =>
        client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
