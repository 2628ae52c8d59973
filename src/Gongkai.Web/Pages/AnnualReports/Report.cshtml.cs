using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.AnnualReports;

/// <summary>
/// One year's report as the agency locked it: the statutory tables as accessible HTML tables (the HTML writer's own
/// markup, so the page and the .html file agree cell for cell) and the downloads.
/// </summary>
public sealed class ReportModel(GongkaiDbContext db) : AgencyPageModel(db)
{
    public StoredReport Stored { get; private set; } = null!;

    public string Title => ReportTitles.Title(Stored.Report);

    /// <summary>HtmlReportWriter encodes every text it writes, so its fragment is safe to embed.</summary>
    public IHtmlContent Body => new HtmlString(HtmlReportWriter.Body(Stored.Report));

    public async Task<IActionResult> OnGetAsync(Guid agencyId, int year, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Reports, cancellationToken))
        {
            return NotFound();
        }

        var stored = await PublicReports.GetAsync(Db, agencyId, year, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        Stored = stored;
        return Page();
    }
}
