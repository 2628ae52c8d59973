using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>The item editor and the review queue: four eyes before publication (条例 Art 17).</summary>
public sealed partial class ReviewTests(StaffSites sites)
{
    [Fact]
    public async Task Reviewer_ApprovesOwnItem_RefusedItemStaysSubmitted()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var reviewer = await site.SignInAsync("reviewer");

        var saved = await StaffSite.PostAsync(reviewer, "/staff/items/edit", "/staff/items/edit?handler=Save", await ContentAsync(reviewer, "审核人自己撰写的信息"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = saved.Headers.Location!.OriginalString;
        var id = Guid.Parse(page[(page.LastIndexOf('/') + 1)..]);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSite.PostAsync(reviewer, page, page + "?handler=Submit", new Dictionary<string, string>())).StatusCode);

        var approve = await StaffSite.PostAsync(reviewer, "/staff/reviews", $"/staff/reviews?handler=Approve&id={id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Contains("审查人不能审查自己撰写、修改或提交的信息", await approve.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.Equal(ItemState.Submitted, (await db.Items.SingleAsync(i => i.Id == id, ct)).State);
    }

    [Fact]
    public async Task HandlerWritesReviewerApprovesHandlerPublishes_ThroughPages()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var handler = await site.SignInAsync("handler");
        var saved = await StaffSite.PostAsync(handler, "/staff/items/edit", "/staff/items/edit?handler=Save", await ContentAsync(handler, "经办人撰写、审核人审查的信息"));
        var page = saved.Headers.Location!.OriginalString;
        var id = Guid.Parse(page[(page.LastIndexOf('/') + 1)..]);
        await StaffSite.PostAsync(handler, page, page + "?handler=Submit", new Dictionary<string, string>());

        var reviewer = await site.SignInAsync("reviewer");
        Assert.Contains("经办人撰写、审核人审查的信息", await reviewer.GetStringAsync(new Uri("/staff/reviews", UriKind.Relative), ct), StringComparison.Ordinal);
        var approve = await StaffSite.PostAsync(reviewer, "/staff/reviews", $"/staff/reviews?handler=Approve&id={id}", new Dictionary<string, string> { ["Note"] = "无涉密内容" });
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        // A reader's full list before publication is kept in the output cache (PublicCacheSeconds, 60 s by default).
        var reader = site.Anonymous();
        var list = new Uri($"/agencies/{site.OfficeId:D}/items", UriKind.Relative);
        Assert.DoesNotContain("经办人撰写、审核人审查的信息", await reader.GetStringAsync(list, ct), StringComparison.Ordinal);

        var publish = await StaffSite.PostAsync(handler, page, page + "?handler=Publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        // The publication through the site evicts the kept pages: the next reader sees the item, with its own page.
        Assert.Contains("经办人撰写、审核人审查的信息", await reader.GetStringAsync(list, ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/agencies/{site.OfficeId:D}/items/{id:D}", UriKind.Relative), ct)).StatusCode);

        await using var db = site.Open();
        var item = await db.Items.SingleAsync(i => i.Id == id, ct);
        Assert.Equal(ItemState.Published, item.State);
        Assert.Equal("演示审核人", item.Approval!.ReviewerName);
    }

    /// <summary>A new item's fields, in the first category the editor offers.</summary>
    private static async Task<Dictionary<string, string>> ContentAsync(HttpClient client, string title) => new()
    {
        ["Input.CategoryId"] = OptionPattern().Match(await client.GetStringAsync(new Uri("/staff/items/edit", UriKind.Relative))).Groups[1].Value,
        ["Input.Title"] = title,
        ["Input.FormedOn"] = "2022-01-10",
        ["Input.Body"] = "正文<script>alert(1)</script>",
    };

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OptionPattern();
}
