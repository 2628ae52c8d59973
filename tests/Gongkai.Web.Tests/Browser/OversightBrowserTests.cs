using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>The 政务公开办's oversight page in a real browser: the stage counts and the table, a screenshot, axe-core clean.</summary>
public sealed class OversightBrowserTests(StaffSites sites)
{
    [Fact]
    public async Task Oversight_2020_CountsAndStagesShown_NoSeriousAxeViolations()
    {
        ExternalTools.RequireChromium();
        var site = await sites.GetAsync(TestProviders.Sqlite);
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();
        var page = await Chromium.SignInAsync(browser, blocked, address, "oversight");
        await page.GotoAsync(address + "/staff/oversight/2020");

        Assert.Contains("2020 年度政府信息公开工作督查", await page.Locator("main > h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(7, await page.Locator("dl.stage-counts dd").CountAsync()); // five stages, 逾期, 逾期公开
        Assert.Equal("已公开", (await page.Locator($"tr[data-agency='{site.OfficeId:D}'] td.stage").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("table.oversight tr.overdue").CountAsync() > 0, "an overdue report in red");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "staff-oversight.png"), FullPage = true });
        await Chromium.AssertAccessibleAsync(page, "oversight");

        Assert.Empty(blocked);
        Assert.True(new FileInfo(Path.Combine(shots, "staff-oversight.png")).Length > 10_000);
    }
}
