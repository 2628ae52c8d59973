using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Web.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// An attachment of an item under 保密审查 (条例 Art 17), opened by a reviewer of the item's agency: PDF and images shown
/// in the browser (<c>Content-Disposition: inline</c>, the media type checked when the file was stored), anything else
/// downloaded; each opening is in the 台账, and the approval needs every file opened. The review page links here in a new tab, so the site's CSP (no framing, no plugins in pages) stays as it
/// is. Others — another agency's staff, staff without the review right, the public — are refused: the file is not
/// public before publication.
/// </summary>
internal sealed class ReviewAttachmentModel(StaffAccess access, GongkaiDbContext db, SiteDatabase site, TimeProvider clock) : StaffPageModel(access)
{
    public async Task<IActionResult> OnGetAsync(Guid id, string sha256, CancellationToken cancellationToken)
    {
        var item = await ItemsInReview.ItemAsync(db, id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!await UseAgencyAsync(item.AgencyId, StaffRight.ReviewItems, cancellationToken))
        {
            return Refuse();
        }

        var opened = await ReviewAttachment.HandleAsync(db, clock, site.Attachments, new ReviewAttachment.Request(item.AgencyId, id, sha256, UserId), cancellationToken);
        if (!opened.TryGetValue(out var file))
        {
            return Refused(opened.Problem);
        }

        // filename and filename* (RFC 6266): a Chinese name arrives intact in every browser.
        var disposition = new ContentDispositionHeaderValue(file.Inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Attachment.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();

        // A reviewer's copy is not cached anywhere on the way (the file may be withheld after review).
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.Attachment.MediaType);
    }
}
