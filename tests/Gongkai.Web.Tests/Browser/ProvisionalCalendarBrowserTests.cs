using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// Issue 11 in a real browser: on 4 December of the last year the notices cover, a person applies online; the handler
/// confirms receipt and sees the reply deadline in the next year marked 暂定 (spec/calendar/README.md), as does the
/// person's status lookup; the 政务公开办 enters the next year's notice on the calendar page; the handler sees the
/// deadline moved and no longer provisional. Screenshots and axe-core on the application and calendar pages.
/// </summary>
[Collection(Chromium.OwnSiteFlows)]
public sealed class ProvisionalCalendarBrowserTests
{
    [Fact]
    public async Task ConfirmReceiptInDecember_DeadlineInAYearWithoutNotice_MarkedProvisional_ThenMovedByTheNotice()
    {
        ExternalTools.RequireChromium();
        var december4 = CalendarPageTests.December4;
        var due = WorkCalendar.Official.AddWorkingDays(december4, StatutoryDeadline.Reply.WorkingDays).Value;
        var note = WorkCalendar.Official.ProvisionalNote(due)!;
        await using var site = await StaffSite.CreateAsync("sqlite");
        site.Clock.SetUtcNow(new DateTimeOffset(december4.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();

        // The person applies online; the application waits for both sides to confirm (条例 Art 31(三)).
        var person = await Chromium.NewPageAsync(browser, blocked);
        await person.GotoAsync($"{address}/agencies/{site.OfficeId:D}/apply");
        await person.GetByRole(AriaRole.Radio, new() { Name = "自然人", Exact = true }).CheckAsync();
        await person.GetByLabel("申请人姓名或名称").FillAsync("王五");
        await person.GetByLabel("证件号码（自然人必填）").FillAsync("11010519491231002X");
        await person.GetByLabel("电子邮箱").FillAsync("wangwu@example.cn");
        await person.GetByLabel("申请公开的政府信息").FillAsync("本单位年度预算执行情况（年底的申请）");
        await person.GetByLabel("获取信息的方式").SelectOptionAsync("电子邮件");
        await person.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var number = (await person.Locator("#tracking-number").InnerTextAsync()).Trim();
        var code = (await person.Locator("#query-code").InnerTextAsync()).Trim();

        // The handler confirms receipt today: the 20 working days end in a year without a notice.
        var handler = await Chromium.SignInAsync(browser, blocked, address, "handler");
        await handler.GotoAsync(address + "/staff/requests");
        await handler.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        var confirm = handler.Locator($"form.action[aria-labelledby='{RequestTrigger.ConfirmReceipt}-title']");
        await confirm.GetByRole(AriaRole.Button, new() { Name = RequestTrigger.ConfirmReceipt.DisplayName(), Exact = true }).ClickAsync();
        await handler.WaitForLoadStateAsync();
        var replyDue = handler.Locator("#reply-due");
        Assert.StartsWith($"{due:yyyy-MM-dd}（暂定", await replyDue.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(note, await replyDue.Locator(".provisional").GetAttributeAsync("title"));
        await Chromium.ShotAndAxeAsync(handler, shots, "calendar-1-provisional");

        // The person's lookup says the same.
        await person.GotoAsync($"{address}/agencies/{site.OfficeId:D}/apply/status");
        await person.GetByLabel("申请编号").FillAsync(number);
        await person.GetByLabel("查询码").FillAsync(code);
        await person.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Contains($"（暂定：{note}）", await person.Locator("#due").InnerTextAsync(), StringComparison.Ordinal);

        // The 政务公开办 enters the next year's notice from its text.
        var oversight = await Chromium.SignInAsync(browser, blocked, address, "oversight");
        await oversight.GetByRole(AriaRole.Link, new() { Name = "工作日历", Exact = true }).ClickAsync();
        var form = CalendarPageTests.NoticeForm();
        await oversight.GetByLabel("年份").FillAsync(form["Input.Year"]);
        await oversight.GetByLabel("通知文号").FillAsync(form["Input.DocumentNumber"]);
        await oversight.GetByLabel("放假").FillAsync(form["Input.Holidays"]);
        await oversight.GetByLabel("调休上班").FillAsync(form["Input.AdjustedWorkdays"]);
        await oversight.GetByRole(AriaRole.Button, new() { Name = "载入并重新计算期限" }).ClickAsync();
        Assert.Contains("1件未办结申请的期限已重新计算", await oversight.Locator("#done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await oversight.Locator("ul.moved li").CountAsync());
        await Chromium.ShotAndAxeAsync(oversight, shots, "calendar-2-loaded");

        // The handler sees the moved deadline, fixed by the notice now, and why it moved.
        await handler.ReloadAsync();
        var moved = due.AddDays(1);
        Assert.Equal($"{moved:yyyy-MM-dd}", (await replyDue.InnerTextAsync()).Trim());
        Assert.Contains($"答复期限由{due.Year}年{due.Month}月{due.Day}日调整为{moved.Year}年{moved.Month}月{moved.Day}日", await handler.Locator("#deadlines-moved").InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ShotAndAxeAsync(handler, shots, "calendar-3-moved");
        Assert.Empty(blocked);
    }
}
