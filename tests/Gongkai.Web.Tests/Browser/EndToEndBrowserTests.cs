using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Requests;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// Issue 6's flow in one real browser (Debian's Chromium, headless), on a staff site of its own (its 2022 report counts
/// only this application): a person applies online and gets 申请编号 + 查询码; the handler confirms receipt (条例 Art
/// 31(三): the clock starts), extends the deadline with the office head's consent (Art 33¶2) and replies 部分公开
/// (Art 37); the lookup page shows the reply; the administrator builds the 2022 report, which counts it as 部分公开 of a
/// natural person. Screenshots of the public home, the form, the worklist and the report go to the test output
/// (bin/…/screenshots, never committed); axe-core finds no serious or critical violation on those four pages.
/// </summary>
[Collection(Chromium.OwnSiteFlows)]
public sealed class EndToEndBrowserTests
{
    private const string PartlyKey = "requests.partlyDisclosed.naturalPerson";

    [Fact]
    public async Task ApplyConfirmExtendReplyPartly_LookupShowsReply_ReportCountsItAsPartlyDisclosed()
    {
        ExternalTools.RequireChromium();
        await using var site = await StaffSite.CreateAsync(TestProviders.Sqlite);
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();

        // The public: home, the office's column, the form (natural person), the receipt.
        var person = await Chromium.NewPageAsync(browser, blocked);
        await person.GotoAsync(address + "/");
        Assert.Equal("政府信息公开", await person.Locator("main > h1").InnerTextAsync());
        await Chromium.ShotAndAxeAsync(person, shots, "e2e-1-home");
        await person.GotoAsync($"{address}/agencies/{site.OfficeId:D}");
        await person.GetByRole(AriaRole.Link, new() { Name = "依申请公开", Exact = true }).ClickAsync();
        await person.GetByRole(AriaRole.Radio, new() { Name = "自然人", Exact = true }).CheckAsync();
        await person.GetByLabel("申请人姓名或名称").FillAsync("王五");
        await person.GetByLabel("证件号码（自然人必填）").FillAsync("11010519491231002X");
        await person.GetByLabel("电子邮箱").FillAsync("wangwu@example.cn");
        await person.GetByLabel("申请公开的政府信息").FillAsync("2021年对口支援项目资金使用情况（端到端测试）");
        await person.GetByLabel("获取信息的方式").SelectOptionAsync("电子邮件");
        await Chromium.ShotAndAxeAsync(person, shots, "e2e-2-form");
        await person.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        Assert.Equal("申请已提交", await person.Locator("h1").InnerTextAsync());
        var number = (await person.Locator("#tracking-number").InnerTextAsync()).Trim();
        var code = (await person.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^2022-\d{6}$", number);

        // The handler: the worklist, the application, confirm receipt, start, extend (consent of 演示机关管理员), reply.
        var handler = await Chromium.SignInAsync(browser, blocked, address, "handler");
        await handler.GetByRole(AriaRole.Link, new() { Name = "依申请公开办理", Exact = true }).ClickAsync();
        var row = handler.Locator("table.worklist tbody tr", new() { Has = handler.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }) });
        Assert.Equal("待确认收到", await row.Locator("td.state").InnerTextAsync());
        await Chromium.ShotAndAxeAsync(handler, shots, "e2e-3-worklist");
        await row.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        Assert.StartsWith("申请 " + number, await handler.Locator("main > h1").InnerTextAsync(), StringComparison.Ordinal);

        await StepAsync(handler, RequestTrigger.ConfirmReceipt);
        Assert.Equal("已收到", await handler.Locator("dd.state").InnerTextAsync());
        Assert.Equal("2022-01-10", await handler.Locator("dt:text-is('收到申请之日') + dd").InnerTextAsync());
        await StepAsync(handler, RequestTrigger.StartProcessing);
        await StepAsync(handler, RequestTrigger.RequestExtension, form => form.GetByLabel("延期理由").FillAsync("需要调取档案，工作量较大"));
        Assert.Equal(1, await handler.Locator("#pending-extension").CountAsync());
        Assert.Equal(0, await handler.Locator("dt:text-is('延长后的答复期限')").CountAsync());

        // 条例 Art 33¶2: the head (演示机关管理员) consents on 延期审批; then the extended deadline binds.
        var admin = await Chromium.SignInAsync(browser, blocked, address, "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "延期审批", Exact = true }).ClickAsync();
        var pending = admin.Locator("#extensions tbody tr", new() { Has = admin.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }) });
        Assert.Contains("需要调取档案，工作量较大", await pending.InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ShotAndAxeAsync(admin, shots, "e2e-3b-extensions");
        await pending.GetByRole(AriaRole.Button, new() { Name = "同意延期", Exact = true }).ClickAsync();
        await admin.WaitForLoadStateAsync();
        Assert.Equal("没有待审批的延期申请。", (await admin.Locator("#no-extensions").InnerTextAsync()).Trim());
        await handler.ReloadAsync();
        Assert.True(await handler.Locator("dt:text-is('延长后的答复期限')").CountAsync() == 1, "the extended deadline is shown");
        await StepAsync(handler, RequestTrigger.Reply, async form =>
        {
            // 条例 Art 37: the disclosed part's route, and each withheld part with its ground and reasons (issue 14).
            await form.GetByLabel("答复结果").SelectOptionAsync("PartlyDisclosed");
            await form.Locator("#Reply-obtain").FillAsync("可以公开的部分随本答复书提供（附件一）");
            await form.Locator("#Reply-part-0").FillAsync("资金拨付明细中的个人银行账号");
            await form.Locator("#Reply-ground-0").SelectOptionAsync("ThirdPartyRights");
            await form.Locator("#Reply-why-0").FillAsync("属于个人信息，公开会对第三方合法权益造成损害");
        });
        Assert.Contains("资金拨付明细中的个人银行账号", await handler.Locator("#withheld-parts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("部分公开", await handler.Locator("dt:text-is('答复结果') + dd").InnerTextAsync(), StringComparison.Ordinal);

        // The public lookup shows the reply, and nothing about the applicant.
        await person.GotoAsync($"{address}/agencies/{site.OfficeId:D}/apply/status");
        await person.GetByLabel("申请编号").FillAsync(number);
        await person.GetByLabel("查询码").FillAsync(code);
        await person.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Equal("部分公开", await person.Locator("#outcome").InnerTextAsync());
        Assert.Equal("已答复", await person.Locator("#state").InnerTextAsync());
        var steps = await person.Locator("table#steps tbody td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["提交申请", "确认收到申请", "开始办理", "延长答复期限", "答复"], steps.Select(s => s.Trim()));
        Assert.DoesNotContain("王五", await person.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The administrator builds the 2022 report from the records: one 部分公开 of a natural person.
        await admin.GotoAsync(address + "/staff/reports/2022");
        await admin.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        Assert.Equal("1", (await admin.Locator($".report td[data-key='{PartlyKey}']").InnerTextAsync()).Trim());
        await Chromium.ShotAndAxeAsync(admin, shots, "e2e-4-report");
        await using (var db = site.Open())
        {
            var version = await db.ReportVersions.Where(v => v.AgencyId == site.OfficeId && v.Year == 2022).OrderByDescending(v => v.Number).FirstAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1m, LockedReports.Read(version).Value(CellKey.Parse(PartlyKey)));
        }

        Assert.Empty(blocked);
        Assert.All(["e2e-1-home", "e2e-2-form", "e2e-3-worklist", "e2e-4-report"], name => Assert.True(new FileInfo(Path.Combine(shots, name + ".png")).Length > 10_000, name));
    }

    /// <summary>Fills the step's form (its date defaults to today), submits it and expects the page back without a refusal.</summary>
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
