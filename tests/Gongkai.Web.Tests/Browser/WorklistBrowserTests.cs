using Gongkai.Core.Documents;
using Gongkai.Core.Features.Requests;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// The worklist form in a real browser on the demo back office: the handler finds applications by a word of their
/// content and by the applicant's name, the filtered view is a link, and the ledger export downloads and imports into a
/// fresh database with the same section 三. axe-core checks the page with its form.
/// </summary>
[Collection(Chromium.OwnSiteFlows)]
public sealed class WorklistBrowserTests
{
    [Fact]
    public async Task Handler_FindsByContentWordAndByName_DownloadsExportThatReimports()
    {
        ExternalTools.RequireChromium();
        var ct = TestContext.Current.CancellationToken;
        await using var site = await StaffSite.CreateAsync(TestProviders.Sqlite); // its own: the ledger is compared whole
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();
        var page = await Chromium.SignInAsync(browser, blocked, address, "handler");
        await page.GetByRole(AriaRole.Link, new() { Name = "依申请公开办理", Exact = true }).ClickAsync();

        // A word of the content: the seed office's 2020 application, concluded.
        await page.GetByLabel("检索", new() { Exact = true }).FillAsync("部门预算");
        await page.GetByLabel("办理情况").SelectOptionAsync("All");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Contains("q=", page.Url, StringComparison.Ordinal);
        Assert.Equal(["2020-001"], await NumbersAsync(page));
        await Chromium.ShotAndAxeAsync(page, shots, "worklist-1-by-content");

        // The applicant's name: 张三's applications, none of 王五's.
        await page.GetByLabel("检索", new() { Exact = true }).FillAsync("张三");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var byName = await NumbersAsync(page);
        Assert.Contains("WEB-2021-0901", byName);
        Assert.DoesNotContain("2020-001", byName);

        // The filtered view is a link: opened afresh, it shows the same.
        var link = page.Url;
        await page.GotoAsync(address + "/staff");
        await page.GotoAsync(link);
        Assert.Equal(byName, await NumbersAsync(page));
        Assert.Equal("张三", await page.GetByLabel("检索", new() { Exact = true }).InputValueAsync());

        // The export of that view: the same applications, in the import's columns.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var filtered = LedgerFile.Read(await File.ReadAllBytesAsync(await download.PathAsync(), ct), "export.csv");
        Assert.Subset(byName.ToHashSet(StringComparer.Ordinal), filtered.Select(r => r[LedgerRecords.TrackingNumber]).ToHashSet(StringComparer.Ordinal));
        Assert.All(filtered, r => Assert.Equal("张三", r[LedgerRecords.Applicant]));
        Assert.Contains(filtered, r => r[LedgerRecords.TrackingNumber] == "WEB-2021-0901");

        // The whole ledger (filters cleared, all cases) as XLSX, re-imported into a fresh database: the same section 三.
        var bytes = await LedgerRoundTrip.DownloadWholeLedgerAsync(page, ct);
        await LedgerRoundTrip.AssertSameRequestsTableAsync(site, bytes, [2020, 2021], ct);

        Assert.Empty(blocked);
    }

    private static Task<List<string>> NumbersAsync(IPage page) => LedgerRoundTrip.NumbersAsync(page);
}
