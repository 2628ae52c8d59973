using System.Net;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// The reviewer sees what is reviewed (条例 Art 17): each attachment of the version under review opens from the queue —
/// a PDF inline — for the agency's reviewers only, and the approval records the hashes of the files it showed.
/// </summary>
public sealed class ReviewAttachmentTests(StaffSites sites)
{
    public static readonly byte[] Pdf = "%PDF-1.4 待审查的全文"u8.ToArray();

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Reviewer_OpensPdfInlineThenApproves_HashRecorded(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (id, pdf) = await SubmittedItemWithPdfAsync(site, "附有PDF全文的通知（" + provider + "）", ct);
        var reviewer = await site.SignInAsync("reviewer");
        var link = $"/staff/reviews/{id:D}/attachments/{pdf.Sha256}";

        var queue = await reviewer.GetStringAsync(new Uri("/staff/reviews", UriKind.Relative), ct);
        Assert.Contains($"href=\"{link}\" target=\"_blank\"", queue, StringComparison.Ordinal);
        Assert.Contains($"name=\"Shown\" value=\"{pdf.Sha256}\"", queue, StringComparison.Ordinal);

        var opened = await reviewer.GetAsync(new Uri(link, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("application/pdf", opened.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", opened.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("通知全文.pdf", opened.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(Pdf, await opened.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("no-store", opened.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var approve = await StaffSite.PostAsync(reviewer, "/staff/reviews", $"/staff/reviews?handler=Approve&id={id}",
            new Dictionary<string, string> { ["Shown"] = pdf.Sha256, ["Note"] = "已阅附件" });
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal("/staff/reviews", approve.Headers.Location!.OriginalString);

        await using var db = site.Open();
        var item = await db.Items.SingleAsync(i => i.Id == id, ct);
        Assert.Equal(ItemState.Approved, item.State);
        Assert.Equal(pdf.Sha256, item.Approval!.AttachmentHashes);
        var entry = await db.AuditEntries.Where(e => e.EntityId == id.ToString("D") && e.Action == "item.Approve").SingleAsync(ct);
        Assert.Contains(pdf.Sha256, entry.After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Approve_AttachmentReplacedSinceShown_ConflictNotApproved(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (id, pdf) = await SubmittedItemWithPdfAsync(site, "审查期间附件被替换的通知（" + provider + "）", ct);
        var reviewer = await site.SignInAsync("reviewer");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(new Uri($"/staff/reviews/{id:D}/attachments/{pdf.Sha256}", UriKind.Relative), ct)).StatusCode);

        var approve = await StaffSite.PostAsync(reviewer, "/staff/reviews", $"/staff/reviews?handler=Approve&id={id}",
            new Dictionary<string, string> { ["Shown"] = new string('c', 64) });

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("附件已有变动", await approve.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.Equal(ItemState.Submitted, (await db.Items.SingleAsync(i => i.Id == id, ct)).State);
    }

    /// <summary>The choice made: an approval of files the reviewer never opened is refused (the item with a PDF approved unseen).</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Approve_AttachmentNotOpened_ConflictNamingTheFile(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (id, pdf) = await SubmittedItemWithPdfAsync(site, "审查人未打开附件的通知（" + provider + "）", ct);
        var reviewer = await site.SignInAsync("reviewer");

        var approve = await StaffSite.PostAsync(reviewer, "/staff/reviews", $"/staff/reviews?handler=Approve&id={id}",
            new Dictionary<string, string> { ["Shown"] = pdf.Sha256 });

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("“通知全文.pdf”尚未打开", await approve.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.Equal(ItemState.Submitted, (await db.Items.SingleAsync(i => i.Id == id, ct)).State);
    }

    /// <summary>Not public before publication, and not for staff without the review right in the item's agency.</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Fetch_ByOthers_Refused(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (id, pdf) = await SubmittedItemWithPdfAsync(site, "不应外泄的待审查附件（" + provider + "）", ct);
        var link = new Uri($"/staff/reviews/{id:D}/attachments/{pdf.Sha256}", UriKind.Relative);

        var anonymous = await site.Anonymous().GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var user in new[] { StaffSite.OtherAgencyUser, StaffSite.OtherAgencyAdmin, "handler", "admin", "auditor", "oversight" })
        {
            var response = await (await site.SignInAsync(user)).GetAsync(link, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)response.StatusCode}");
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }

        var publicDownload = await site.Anonymous().GetAsync(new Uri($"/agencies/{site.OfficeId:D}/items/{id:D}/attachments/{pdf.Sha256}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, publicDownload.StatusCode);
    }

    /// <summary>An item of the seed's office with a PDF, written and submitted by the demo handler (not the reviewer).</summary>
    internal static async Task<(Guid Id, Attachment Pdf)> SubmittedItemWithPdfAsync(StaffSite site, string title, CancellationToken ct)
    {
        await using var db = site.Open();
        using var stream = new MemoryStream(Pdf);
        var pdf = (await StoreAttachment.HandleAsync(AttachmentStore.ForDatabase(site.Target), "通知全文.pdf", stream, Pdf.Length, ct)).Value;
        var category = await db.Categories.AsNoTracking().FirstAsync(c => c.AgencyId == site.OfficeId && c.Name == "业务动态", ct);
        var handler = new ItemActor((await db.Users.SingleAsync(u => u.UserName == "handler", ct)).Id.ToString("D"), "演示经办人", ItemRole.Staff);
        var today = StaffSite.Today;
        var at = site.Clock.GetUtcNow();
        var item = (await StartItem.HandleAsync(db, site.Clock, new CreateItem(handler, today, at, Guid.NewGuid(), site.OfficeId,
            new ItemContent { Category = category, Title = title, FormedOn = today, Body = "正文", Attachments = [pdf] }), ct)).Value;
        var submitted = await ApplyItemStep.HandleAsync(db, site.Clock, new ApplyItemStep.Request(item.Id, site.OfficeId, new SubmitItem(handler, today, at)), ct);
        Assert.True(submitted.IsSuccess);
        return (item.Id, pdf);
    }
}
