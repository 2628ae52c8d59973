using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// The reviewer opens a PDF under review from the queue in a real Chromium, under the site's Content Security Policy:
/// the link opens a new tab with the file (200, application/pdf, inline) shown by the browser's PDF viewer, and the policy
/// refuses nothing.
/// </summary>
public sealed class ReviewAttachmentBrowserTests(StaffSites sites)
{
    [Fact]
    public async Task Reviewer_ClicksPdfLink_OpensInNewTabUnderTheCsp()
    {
        ExternalTools.RequireChromium();
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var (id, pdf) = await ReviewAttachmentTests.SubmittedItemWithPdfAsync(site, "浏览器中审查附件的通知", ct);
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var blocked = new List<string>();
        var page = await Chromium.SignInAsync(browser, blocked, address, "reviewer");
        var responses = new List<IResponse>();
        page.Context.Response += (_, response) =>
        {
            if (response.Url.Contains("/attachments/", StringComparison.Ordinal))
            {
                responses.Add(response);
            }
        };

        await page.GotoAsync(address + "/staff/reviews");
        var link = page.Locator($"a[href='/staff/reviews/{id:D}/attachments/{pdf.Sha256}']");
        Assert.Equal("_blank", await link.GetAttributeAsync("target"));
        var popup = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        popup.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        await popup.WaitForLoadStateAsync(LoadState.Load);

        Assert.EndsWith($"/attachments/{pdf.Sha256}", popup.Url, StringComparison.Ordinal);
        var response = Assert.Single(responses);
        Assert.Equal(200, response.Status);
        var headers = await response.AllHeadersAsync();
        Assert.Equal("application/pdf", headers["content-type"]);
        Assert.StartsWith("inline", headers["content-disposition"], StringComparison.Ordinal);

        // Chromium shows it in its PDF viewer, not as a download: the tab's document is the viewer's frame for the file
        // (what the browser reports as the response's body once the viewer took the file over).
        Assert.Contains("type=\"application/pdf\"", System.Text.Encoding.UTF8.GetString(await response.BodyAsync()), StringComparison.Ordinal);
        await Chromium.AssertAccessibleAsync(page, "reviews with attachments");

        // The opening is in the 台账, readable: the reviewer by name and role, the action in Chinese, Beijing time.
        var admin = await Chromium.SignInAsync(browser, blocked, address, "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await admin.GetByLabel("案件（编号或记录标识）").FillAsync(id.ToString("D"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var rows = admin.Locator("table.audit tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Contains("审查人打开附件", await rows.Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("演示审核人（审核人）", await rows.Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.AssertAccessibleAsync(admin, "audit ledger");
        Assert.Empty(blocked);
    }
}
