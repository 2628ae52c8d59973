using Gongkai.Core.Features.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// The public site in a real browser (Debian's Chromium, headless, through Playwright): from the home to the seed's
/// office, its full list and an item, by clicking links as a reader does. Screenshots go to the test output folder
/// (bin/…/screenshots, a CI artefact, never committed).
/// </summary>
public sealed class PublicSiteBrowserTests(DemoSites sites)
{
    private static readonly string[] Shots = ["1-home", "2-office", "3-full-list", "4-item"];

    [Fact]
    public async Task Reader_HomeToOfficeListAndItem_PagesRenderAndScreenshotsWritten()
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

        await page.GotoAsync(address);
        Assert.Equal("政府信息公开", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "1-home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = SeedDemo.SeedOffice, Exact = true }).First.ClickAsync();
        Assert.Contains(SeedDemo.SeedOffice, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "2-office.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "主动公开全清单", Exact = true }).ClickAsync();
        Assert.Equal(20, await page.Locator("table.items tbody tr").CountAsync());

        // The filters work without script: choose a topic and submit the form.
        await page.GetByLabel("主题").SelectOptionAsync(new SelectOptionValue { Label = "南水北调对口协作" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Equal(5, await page.Locator("table.items tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "3-full-list.png"), FullPage = true });

        var first = page.Locator("table.items tbody tr th a").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("公开日期", await page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "4-item.png"), FullPage = true });

        // The stylesheet loaded (the header is the brand colour) and the policy blocked nothing of ours.
        Assert.Equal("rgb(139, 26, 26)", await page.Locator("header.site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Empty(blocked);
        Assert.All(Shots, name => Assert.True(new FileInfo(Path.Combine(shots, name + ".png")).Length > 10_000, name));
    }
}
