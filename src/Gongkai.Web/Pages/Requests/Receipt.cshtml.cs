using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// The receipt of an online application, where the form redirects (POST-redirect-GET): reloading it files nothing.
/// Shown only with the receipt cookie the form's answer set (<see cref="LookupCookie.Receipt"/>), checked against the stored
/// hash of the 查询码 by Core; without it, the same 404 as a wrong code, so the address alone reveals nothing.
/// </summary>
public sealed class ReceiptModel(GongkaiDbContext db, IDataProtectionProvider protection) : AgencyPageModel(db)
{
    public SubmissionReceipt.Response? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid agencyId, string trackingNumber, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Apply, cancellationToken))
        {
            return NotFound();
        }

        // The 查询码 is on this page: no cache keeps it, no other site learns the address.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var code = LookupCookie.Receipt.Read(HttpContext, protection, agencyId) is { } held && held.TrackingNumber == trackingNumber ? held.QueryCode : null;
        var found = code is null ? LookupApplication.NotFound : await SubmissionReceipt.HandleAsync(Db, agencyId, trackingNumber, code, cancellationToken);
        if (found.TryGetValue(out var shown))
        {
            Shown = shown;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
