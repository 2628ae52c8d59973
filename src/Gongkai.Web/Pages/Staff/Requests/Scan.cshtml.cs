using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Requests;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>The scan of a registered application's paper form, as a download, to those who may read the application.</summary>
public sealed class ScanModel(StaffAccess access, GongkaiDbContext db, AttachmentStore store) : StaffPageModel(access)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ApplicationDetail.HandleAsync(db, id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        if (!await UseAgencyAsync(detail.Application.AgencyId, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        return await IntakeDetail.ScanAsync(db, store, id, cancellationToken) is { } scan
            ? File(scan.Content, scan.MediaType, scan.FileName)
            : NotFound();
    }
}
