using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Items;

/// <summary>The agency's catalogue as staff see it: every item not withdrawn, in work first, then the latest published.</summary>
public sealed class IndexModel(StaffAccess access, GongkaiDbContext db) : StaffPageModel(access)
{
    public const int Shown = StaffCatalogue.Shown;

    public IReadOnlyList<StaffCatalogue.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? agency, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        Rows = await StaffCatalogue.HandleAsync(db, Agency.Id, cancellationToken);
        return Page();
    }
}
