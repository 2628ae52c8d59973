using Gongkai.Core.Documents;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// The worklist's ledger export as a browser downloads it, imported with <c>import requests</c> into a fresh database:
/// section 三 of the copy equals the original's for each year asked (issue 13: the export round-trips).
/// </summary>
internal static class LedgerRoundTrip
{
    /// <summary>The export of the whole ledger (filters cleared, open and concluded cases) as XLSX.</summary>
    public static async Task<byte[]> DownloadWholeLedgerAsync(IPage page, CancellationToken ct)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "清除条件" }).ClickAsync();
        await page.GetByLabel("办理情况").SelectOptionAsync("All");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "XLSX" }).ClickAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync(), ct);
    }

    public static async Task AssertSameRequestsTableAsync(StaffSite site, byte[] xlsx, IEnumerable<int> years, CancellationToken ct)
    {
        await using var fresh = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        await using (var db = fresh.Open())
        {
            db.Agencies.Add(Agency.Create(SeedDemo.SeedOffice).Value);
            await db.SaveChangesAsync(ct);
            var imported = await ImportRequests.HandleAsync(db, site.Clock, WorkCalendar.Official,
                new ImportRequests.Request(SeedDemo.SeedOffice, LedgerFile.Read(xlsx, "export.xlsx"), "export.xlsx", ImportRequests.Hash(xlsx), "test"), cancellationToken: ct);
            Assert.True(imported.IsSuccess && !imported.Value.Rejected && imported.Value.Imported > 0);
        }

        await using var original = site.Open();
        await using var copy = fresh.Open();
        var copyId = await copy.Agencies.Where(a => a.Name == SeedDemo.SeedOffice).Select(a => a.Id).SingleAsync(ct);
        foreach (var year in years)
        {
            foreach (var format in new[] { ReportFormat.V2019, ReportFormat.V2021 })
            {
                var before = await RequestsTable.HandleAsync(original, new RequestsTable.Request(site.OfficeId, year, format), ct);
                var after = await RequestsTable.HandleAsync(copy, new RequestsTable.Request(copyId, year, format), ct);
                Assert.Equal(before.OrderBy(p => p.Key, StringComparer.Ordinal), after.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }
    }

    /// <summary>The 编号 of the worklist's rows, top to bottom.</summary>
    public static async Task<List<string>> NumbersAsync(IPage page) =>
        [.. await page.Locator("table.worklist tbody tr th a").AllInnerTextsAsync()];

    /// <summary>Searches the worklist (open and concluded cases) for <paramref name="words"/> and gives the 编号 found.</summary>
    public static async Task<List<string>> SearchAsync(IPage page, string words)
    {
        await page.GetByLabel("检索", new() { Exact = true }).FillAsync(words);
        await page.GetByLabel("办理情况").SelectOptionAsync("All");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        return await NumbersAsync(page);
    }
}
