using Gongkai.Core.Features.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// A person applies online in a real browser (Debian's Chromium, headless): from the office's column to the form,
/// as a natural person, gets 申请编号 + 查询码, then finds the application on the lookup page. Screenshots of the
/// form and the receipt go to the test output folder (bin/…/screenshots), never into git.
/// </summary>
[Collection(ApplySite.Collection)]
public sealed class ApplyBrowserTests(DemoSites sites)
{
    [Fact]
    public async Task Applicant_AppliesOnlineThenLooksUp_ReceiptAndStatusShown()
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

        await page.GotoAsync($"{address}/agencies/{site.OfficeId:D}");
        await page.GetByRole(AriaRole.Link, new() { Name = "依申请公开", Exact = true }).ClickAsync();
        Assert.Equal("政府信息公开申请", await page.Locator("h1").InnerTextAsync());

        // The stylesheet shows only the chosen kind's identity fields (no script): a person sees no credit code.
        Assert.True(await page.GetByLabel("证件号码（自然人必填）").IsVisibleAsync());
        Assert.False(await page.GetByLabel("统一社会信用代码").IsVisibleAsync());
        await page.GetByRole(AriaRole.Radio, new() { Name = "法人或其他组织：商业企业", Exact = true }).CheckAsync();
        Assert.True(await page.GetByLabel("统一社会信用代码").IsVisibleAsync());
        await page.GetByRole(AriaRole.Radio, new() { Name = "自然人", Exact = true }).CheckAsync();

        await page.GetByLabel("申请人姓名或名称").FillAsync("王五");
        await page.GetByLabel("证件号码（自然人必填）").FillAsync("11010519491231002X");
        await page.GetByLabel("电子邮箱").FillAsync("wangwu@example.cn");
        await page.GetByLabel("申请公开的政府信息").FillAsync("浏览器测试：" + SeedDemo.SeedOffice + "2020年对口支援项目资金使用情况");
        await page.GetByLabel("获取信息的方式").SelectOptionAsync("电子邮件");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "5-apply-form.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        Assert.Equal("申请已提交", await page.Locator("h1").InnerTextAsync());
        var number = (await page.Locator("#tracking-number").InnerTextAsync()).Trim();
        var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4}-\d{6}$", number);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", code);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "6-apply-receipt.png"), FullPage = true });

        // POST-redirect-GET: the receipt has its own address; reloading it (and going back to it) files nothing.
        Assert.Contains("/apply/receipt/" + number, page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(code, page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await page.ReloadAsync();
        Assert.Equal((number, code), ((await page.Locator("#tracking-number").InnerTextAsync()).Trim(), (await page.Locator("#query-code").InnerTextAsync()).Trim()));
        await using (var db = site.Open())
        {
            Assert.Equal(1, await db.Requests.CountAsync(r => r.AgencyId == site.OfficeId && r.Content.StartsWith("浏览器测试：" + SeedDemo.SeedOffice), TestContext.Current.CancellationToken));
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await page.GetByLabel("申请编号").FillAsync(number);
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Equal("待确认收到", await page.Locator("#state").InnerTextAsync());
        Assert.Contains(number, await page.Locator("#status-heading").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("王五", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "7-apply-status.png"), FullPage = true });

        Assert.Empty(blocked);
        Assert.All(["5-apply-form", "6-apply-receipt", "7-apply-status"], name => Assert.True(new FileInfo(Path.Combine(shots, name + ".png")).Length > 10_000, name));
    }
}
