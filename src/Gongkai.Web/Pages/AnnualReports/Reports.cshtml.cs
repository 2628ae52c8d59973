using Gongkai.Core.Data;
using Gongkai.Core.Features.AnnualReports;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.AnnualReports;

/// <summary>The agency's annual reports: each year with a locked report, newest first, with its downloads.</summary>
public sealed class ReportsModel(GongkaiDbContext db) : AgencyPageModel(db)
{
    public IReadOnlyList<PublicReports.Line> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Reports, cancellationToken))
        {
            return NotFound();
        }

        Reports = await PublicReports.ListAsync(Db, agencyId, cancellationToken);
        return Page();
    }
}
