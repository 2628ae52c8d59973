using Gongkai.Web.Accounts;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// The back office in a real browser (Debian's Chromium, headless): the handler signs in, opens the worklist and an
/// application, then the annual report page. Screenshots go to the test output (bin/…/screenshots, a CI artefact, never
/// committed); axe-core (the Deque.AxeCore.Playwright package, which carries its own axe.min.js: no network) checks
/// each page and no serious or critical violation is allowed.
/// </summary>
public sealed class StaffBrowserTests(StaffSites sites)
{
    [Fact]
    public async Task Handler_LoginWorklistApplicationReport_ScreenshotsAndNoSeriousAxeViolations()
    {
        ExternalTools.RequireChromium();
        var site = await sites.GetAsync(TestProviders.Sqlite);
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();
        var page = await Chromium.NewPageAsync(browser, blocked);

        await page.GotoAsync(address.TrimEnd('/') + "/staff");
        Assert.Equal("工作人员登录", await page.Locator("main > h1").InnerTextAsync());
        await Chromium.AssertAccessibleAsync(page, "login");
        await page.GetByLabel("用户名").FillAsync("handler");
        await page.GetByLabel("密码").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.StartsWith("工作台", await page.Locator("main > h1").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "依申请公开办理", Exact = true }).ClickAsync();
        Assert.True(await page.Locator("table.worklist tr.overdue").CountAsync() > 0, "an overdue application in red");
        Assert.True(await page.Locator("table.worklist tr.due-soon").CountAsync() > 0, "an application due soon in amber");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "staff-1-worklist.png"), FullPage = true });
        await Chromium.AssertAccessibleAsync(page, "worklist");

        await page.Locator("table.worklist tbody tr th a").First.ClickAsync();
        Assert.StartsWith("申请 ", await page.Locator("main > h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("form.action").CountAsync() > 0, "the actions the state allows");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "staff-2-application.png"), FullPage = true });
        await Chromium.AssertAccessibleAsync(page, "application");

        await page.GetByRole(AriaRole.Link, new() { Name = "年度报告", Exact = true }).ClickAsync();
        Assert.Contains("2021 年政府信息公开工作年度报告", await page.Locator("main > h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".report table td[data-key]").CountAsync() > 50, "the statutory tables");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "staff-3-report.png"), FullPage = true });
        await Chromium.AssertAccessibleAsync(page, "report");

        Assert.Empty(blocked);
        foreach (var name in new[] { "staff-1-worklist", "staff-2-application", "staff-3-report" })
        {
            Assert.True(new FileInfo(Path.Combine(shots, name + ".png")).Length > 10_000, name);
        }
    }
}
