using System.Security.Cryptography;
using Gongkai.Domain.Requests;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// Issue 14's letter flow in a real browser (Debian's Chromium, headless): a person applies online; the handler
/// confirms receipt, starts and replies 部分公开 with two withheld parts, each with its ground and reasons; the reply
/// issues its 答复书 at once; the handler opens its PDF from the application's letters (served inline, as a browser
/// shows it) and the applicant, after the status lookup, downloads it from the status page: the same bytes. The files
/// are fetched through each browser context's own request client, so the handler's sign-in and the applicant's
/// lookup cookie are what let them through (a headless browser has no PDF viewer to render them in).
/// </summary>
[Collection(Chromium.OwnSiteFlows)]
public sealed class LettersBrowserTests
{
    [Fact]
    public async Task ReplyPartlyWithTwoWithheldParts_HandlersPdf_IsTheApplicantsDownload()
    {
        ExternalTools.RequireChromium();
        await using var site = await StaffSite.CreateAsync(TestProviders.Sqlite);
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();

        var person = await Chromium.NewPageAsync(browser, blocked);
        await person.GotoAsync($"{address}/agencies/{site.OfficeId:D}/apply");
        await person.GetByRole(AriaRole.Radio, new() { Name = "自然人", Exact = true }).CheckAsync();
        await person.GetByLabel("申请人姓名或名称").FillAsync("赵六");
        await person.GetByLabel("证件号码（自然人必填）").FillAsync("11010519491231002X");
        await person.GetByLabel("联系电话").FillAsync("13800001111");
        await person.GetByLabel("申请公开的政府信息").FillAsync("2021年对口支援项目资金拨付明细（文书测试）");
        await person.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var number = (await person.Locator("#tracking-number").InnerTextAsync()).Trim();
        var code = (await person.Locator("#query-code").InnerTextAsync()).Trim();

        var handler = await Chromium.SignInAsync(browser, blocked, address, "handler");
        await handler.GetByRole(AriaRole.Link, new() { Name = "依申请公开办理", Exact = true }).ClickAsync();
        await handler.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await StepAsync(handler, RequestTrigger.ConfirmReceipt);
        await StepAsync(handler, RequestTrigger.StartProcessing);
        await StepAsync(handler, RequestTrigger.Reply, async form =>
        {
            await form.GetByLabel("答复结果").SelectOptionAsync("PartlyDisclosed");
            await form.Locator("#Reply-obtain").FillAsync("可以公开的部分随本答复书提供（附件一）");
            await form.Locator("#Reply-part-0").FillAsync("资金拨付明细中的个人银行账号");
            await form.Locator("#Reply-ground-0").SelectOptionAsync("ThirdPartyRights");
            await form.Locator("#Reply-why-0").FillAsync("属于个人信息，公开会对第三方合法权益造成损害");
            await form.Locator("#Reply-part-1").FillAsync("审计组内部讨论记录");
            await form.Locator("#Reply-ground-1").SelectOptionAsync("ProcessInformation");
            await form.Locator("#Reply-why-1").FillAsync("属于行政机关内部研究讨论的过程性信息");
        });
        Assert.Contains("已出具答复书", await handler.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The handler's letters: one reply, its 文号 in the agency's series for 2022; its PDF served inline.
        var letterRow = handler.Locator("#letters tbody tr", new() { HasText = "政府信息公开申请答复书" });
        Assert.Equal(1, await letterRow.CountAsync());
        var letterNumber = (await letterRow.Locator("td").First.InnerTextAsync()).Trim();
        Assert.Matches(@"〔2022〕第\d+号$", letterNumber);
        var staffHref = await letterRow.GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true }).GetAttributeAsync("href");
        var staffPdf = await handler.Context.APIRequest.GetAsync(address + staffHref);
        Assert.Equal(200, staffPdf.Status);
        Assert.Equal("application/pdf", staffPdf.Headers["content-type"]);
        Assert.StartsWith("inline", staffPdf.Headers["content-disposition"], StringComparison.Ordinal);
        var staffBytes = await staffPdf.BodyAsync();
        var text = LetterReadBack.PdfText(staffBytes);
        Assert.Contains("资金拨付明细中的个人银行账号", text, StringComparison.Ordinal);
        Assert.Contains("审计组内部讨论记录", text, StringComparison.Ordinal);
        Assert.Contains("第三十七条", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);

        // Its print view is a page of its own, styled from the served file (the CSP allows no inline style).
        var applicationPage = handler.Url;
        await handler.GotoAsync(address + staffHref!.Replace("/pdf", "/print", StringComparison.Ordinal));
        Assert.Equal("政府信息公开申请答复书", (await handler.Locator("article.letter h1").InnerTextAsync()).Trim());
        Assert.Equal("center", await handler.Locator("article.letter h1").EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));

        // The applicant: after the lookup, the same file; the same address in a browser without the lookup: not found.
        await person.GotoAsync($"{address}/agencies/{site.OfficeId:D}/apply/status");
        await person.GetByLabel("申请编号").FillAsync(number);
        await person.GetByLabel("查询码").FillAsync(code);
        await person.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var applicantRow = person.Locator("#letters tbody tr", new() { HasText = letterNumber });
        Assert.Equal(1, await applicantRow.CountAsync());
        var applicantHref = await applicantRow.GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true }).GetAttributeAsync("href");
        var applicantPdf = await person.Context.APIRequest.GetAsync(address + applicantHref);
        Assert.Equal(200, applicantPdf.Status);
        Assert.Equal(SHA256.HashData(staffBytes), SHA256.HashData(await applicantPdf.BodyAsync()));
        await using (var stranger = await browser.NewContextAsync())
        {
            Assert.Equal(404, (await stranger.APIRequest.GetAsync(address + applicantHref)).Status);
        }

        // The first opening is the letter's 网上 delivery, shown to the handler.
        await handler.GotoAsync(applicationPage);
        Assert.StartsWith("网上", (await letterRow.Locator("td").Nth(3).InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Empty(blocked);
    }

    /// <summary>Fills the step's form, submits it and expects the page back without a refusal.</summary>
    private static async Task StepAsync(IPage page, RequestTrigger trigger, Func<ILocator, Task>? fill = null)
    {
        var form = page.Locator($"form.action[aria-labelledby='{trigger}-title']");
        if (fill is not null)
        {
            await fill(form);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = trigger.DisplayName(), Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(0, await page.Locator("p.error-message").CountAsync());
        Assert.Contains("已记录：" + trigger.DisplayName(), await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
