using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>Debian's Chromium through Playwright, headless, as every browser test launches it, and a page that records CSP violations.</summary>
internal static class Chromium
{
    /// <summary>The browser flows on sites of their own run one after the other: two Chromiums at once overload two cores.</summary>
    public const string OwnSiteFlows = "Browser flows on sites of their own";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExternalTools.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>A zh-CN page 1280×900; <paramref name="blocked"/> collects what the Content Security Policy refused.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, List<string> blocked)
    {
        var page = await browser.NewPageAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });

        // The whole suite runs in parallel on CI's two cores: a page that answers in a second alone can take more than
        // Playwright's default 30 s there (seen once on the end-to-end flow). A real failure still fails, only later.
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        page.Console += (_, message) =>
        {
            // A CSP violation is reported on the console: the page asked for something the policy forbids.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        return page;
    }

    /// <summary>
    /// axe-core (the Deque.AxeCore.Playwright package carries its own axe.min.js: no network) over the page as it is
    /// now: no serious or critical violation; the message names the page, the rule and the first elements.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>A new page signed in to the back office as a demo user.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, List<string> blocked, string address, string userName)
    {
        var page = await NewPageAsync(browser, blocked);
        await page.GotoAsync(address + "/staff");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Gongkai.Web.Accounts.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.StartsWith("工作台", await page.Locator("main > h1").InnerTextAsync(), StringComparison.Ordinal);
        return page;
    }

    /// <summary>A full-page screenshot to the test output's screenshots folder, then <see cref="AssertAccessibleAsync"/>.</summary>
    public static async Task ShotAndAxeAsync(IPage page, string shots, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, name + ".png"), FullPage = true });
        await AssertAccessibleAsync(page, name);
    }
}
