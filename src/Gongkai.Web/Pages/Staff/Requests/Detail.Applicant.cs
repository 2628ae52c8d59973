using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The applicant, reachable (issue 13): phone, e-mail and address in full to the 经办人, 审核人 and 机关管理员 of the agency
/// handling the case — each such view written to the 台账 by <see cref="ViewContact"/> — and masked to everyone else
/// who may read the application (政务公开办, 审计). With what staff recorded when they registered it.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>The contact details as shown: in full when <see cref="ContactInFull"/>, else masked.</summary>
    public ContactDetails? Contact { get; private set; }

    public bool ContactInFull { get; private set; }

    /// <summary>What staff recorded when they registered the application (null: lodged online or imported).</summary>
    public RequestIntake? Intake { get; private set; }

    private async Task ShowApplicantAsync(GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        Intake = await IntakeDetail.ForRequestAsync(db, Application.Id, cancellationToken);
        if (Can(StaffRight.ReadContactDetails) && StaffAccess.RoleGranting(User, StaffRight.ReadContactDetails) is { } role)
        {
            var viewed = await ViewContact.HandleAsync(db, clock,
                new ViewContact.Request(Application.Id, Application.AgencyId, UserId, UserDisplayName, role), cancellationToken);
            if (viewed.TryGetValue(out var contact))
            {
                (Contact, ContactInFull) = (contact, true);
                return;
            }
        }

        Contact = Application.Applicant.Contact.Masked();
    }
}
