using Gongkai.Core.Documents;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Pages;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// Issue 13 acceptance, registration by staff in a real browser: a letter received by signed-for post with its EMS
/// number is received on the signed-for date and its reply deadline is shown at once; an oral application written down
/// by the handler and signed by the applicant is received the same day. Both are then found on the worklist by a word of
/// their content and by the applicant's name, and the ledger export imports into a fresh database with the same section 三.
/// </summary>
[Collection(Chromium.OwnSiteFlows)]
public sealed class RegisterBrowserTests
{
    [Fact]
    public async Task Handler_RegistersSignedForLetterAndOralApplication_FindsBoth_ExportReimports()
    {
        ExternalTools.RequireChromium();
        var ct = TestContext.Current.CancellationToken;
        await using var site = await StaffSite.CreateAsync(TestProviders.Sqlite); // its own: the ledger is compared whole
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var today = ChinaClock.Today(site.Clock);
        var signedFor = today.AddDays(-4);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();
        var page = await Chromium.SignInAsync(browser, blocked, address, "handler");

        // A letter by EMS, signed for four days ago: 条例 Art 31(二), the signed-for day is the receipt date.
        await page.GetByRole(AriaRole.Link, new() { Name = "登记申请", Exact = true }).ClickAsync();
        Assert.StartsWith("登记申请", await page.Locator("main > h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("以行政机关签收之日为收到申请之日", await page.Locator("[data-rule=PostSigned]").InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ShotAndAxeAsync(page, shots, "register-1-form");
        await page.GetByLabel("邮寄（需签收）").CheckAsync();
        await page.Locator("#SubmittedOn").FillAsync(Dates.Numeric(signedFor));
        await page.Locator("#PostalNumber").FillAsync("EB987654321CN");
        await page.GetByLabel("申请人姓名或名称").FillAsync("钱七");
        await page.GetByLabel("证件号码（自然人）").FillAsync("11010519491231002X");
        await page.GetByLabel("通信地址").FillAsync("北京市东城区某某胡同12号");
        await page.GetByLabel("申请公开的政府信息").FillAsync("请公开2021年本街道老旧小区加装电梯补贴名单");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();

        Assert.Equal("政府信息公开申请接收回执", await page.Locator("h1").InnerTextAsync());
        var letter = await page.Locator("#tracking-number").InnerTextAsync();
        Assert.Equal("EB987654321CN", await page.Locator("#postal-number").InnerTextAsync());
        Assert.Equal(Dates.Written(signedFor), await page.Locator("#received-on").InnerTextAsync());
        Assert.Equal(Dates.Written(WorkCalendar.Official.AddWorkingDays(signedFor, StatutoryDeadline.Reply.WorkingDays).Value),
            await page.Locator("#reply-due").InnerTextAsync());
        await Chromium.ShotAndAxeAsync(page, shots, "register-2-receipt-letter");

        // The application page shows the same receipt date and deadline, and what was registered.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回申请" }).ClickAsync();
        Assert.Equal(Dates.Numeric(signedFor), await page.Locator("xpath=//dt[text()='收到申请之日']/following-sibling::dd[1]").InnerTextAsync());
        Assert.NotEmpty(await page.Locator("#reply-due").InnerTextAsync());
        Assert.Equal("EB987654321CN", await page.Locator("#intake #postal-number").InnerTextAsync());
        Assert.Equal("北京市东城区某某胡同12号", await page.Locator("#contact-address").InnerTextAsync());

        // An oral application: the handler writes it down, the applicant signs; received the day it is made (Art 29¶1, 31(一)).
        await page.GetByRole(AriaRole.Link, new() { Name = "登记申请", Exact = true }).ClickAsync();
        await page.GetByLabel("口头提出").CheckAsync();
        await page.Locator("#SubmittedOn").FillAsync(Dates.Numeric(today));
        await page.GetByLabel("代为填写的工作人员（口头申请）").FillAsync("演示经办人");
        await page.GetByLabel("申请人已在代为填写的申请表上签名确认（口头申请）").CheckAsync();
        await page.GetByLabel("申请人姓名或名称").FillAsync("孙八");
        await page.GetByLabel("证件号码（自然人）").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13600002222");
        await page.GetByLabel("申请公开的政府信息").FillAsync("口头申请：本机关2021年行政许可事项办理时限");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();

        Assert.Equal("口头提出", await page.Locator("#channel").InnerTextAsync());
        var oral = await page.Locator("#tracking-number").InnerTextAsync();
        Assert.Equal(Dates.Written(today), await page.Locator("#received-on").InnerTextAsync());
        Assert.Equal(Dates.Written(WorkCalendar.Official.AddWorkingDays(today, StatutoryDeadline.Reply.WorkingDays).Value), await page.Locator("#reply-due").InnerTextAsync());
        Assert.Contains("条例第二十九条第一款", await page.Locator("#receipt-rule").InnerTextAsync(), StringComparison.Ordinal);

        // Both are found on the worklist by a word of their content and by the applicant's name.
        await page.GotoAsync(address + "/staff/requests"); // the receipt is a print view, without the navigation
        Assert.Equal([letter], await LedgerRoundTrip.SearchAsync(page, "加装电梯"));
        Assert.Equal([oral], await LedgerRoundTrip.SearchAsync(page, "行政许可事项办理时限"));
        Assert.Equal([letter], await LedgerRoundTrip.SearchAsync(page, "钱七"));
        Assert.Equal([oral], await LedgerRoundTrip.SearchAsync(page, "孙八"));
        await Chromium.ShotAndAxeAsync(page, shots, "register-3-found");

        // The ledger exported and imported into a fresh database: the same section 三, this year's included.
        var xlsx = await LedgerRoundTrip.DownloadWholeLedgerAsync(page, ct);
        var rows = LedgerFile.Read(xlsx, "export.xlsx");
        Assert.Contains(rows, r => r[LedgerRecords.TrackingNumber] == letter && r[LedgerRecords.Applicant] == "钱七");
        Assert.Contains(rows, r => r[LedgerRecords.TrackingNumber] == oral && r[LedgerRecords.Applicant] == "孙八");
        await LedgerRoundTrip.AssertSameRequestsTableAsync(site, xlsx, [2020, 2021, today.Year], ct);
        Assert.Empty(blocked);
    }
}
