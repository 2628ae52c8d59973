using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Audit;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The 台账 of one record (an application, an item, a report version, the 第二十条 figures): every entry, oldest
/// first, with who, what, when and the before/after as written. Only for the administrators and auditors of the
/// record's agency.
/// </summary>
public sealed class AuditModel(StaffAccess access, GongkaiDbContext db) : StaffPageModel(access)
{
    public string EntityType { get; private set; } = "";

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entityType, string entityId, CancellationToken cancellationToken)
    {
        var entries = await RecordTrail.HandleAsync(db, entityType, entityId, cancellationToken);
        if (entries.Count == 0 || entries[0].AgencyId is not { } agencyId)
        {
            return NotFound();
        }

        if (!await UseAgencyAsync(agencyId, StaffRight.ReadAuditTrail, cancellationToken))
        {
            return Refuse();
        }

        EntityType = entityType;
        Entries = entries;
        return Page();
    }
}
