using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The 接收回执 of an application as a plain print view (issue 13; the letters issue gives it its final form): number,
/// channel, the receipt date and its Art 31 rule, the reply deadline where the clock runs. No contact details or identity
/// number: the sheet is handed over the counter or posted.
/// </summary>
public sealed class ReceiptModel(StaffAccess access, GongkaiDbContext db) : StaffPageModel(access)
{
    public DisclosureRequest Application { get; private set; } = null!;

    public RequestIntake? Intake { get; private set; }

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

        Application = detail.Application;
        Intake = await IntakeDetail.ForRequestAsync(db, id, cancellationToken);
        return Page();
    }
}
