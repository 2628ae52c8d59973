using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Proactive;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Proactive;

/// <summary>The agency's current 政府信息公开指南 (条例 Art 12), as published.</summary>
public sealed class GuideModel(GongkaiDbContext db) : AgencyPageModel(db)
{
    public DisclosureGuide? Guide { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Guide, cancellationToken))
        {
            return NotFound();
        }

        Guide = await PublishGuide.CurrentAsync(Db, agencyId, cancellationToken);
        return Page();
    }
}
