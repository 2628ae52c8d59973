using Gongkai.Core.Data;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>An agency's 信息公开专栏 home: its guide, its newest items, its public annual reports, its agencies.</summary>
public sealed class ColumnModel(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : AgencyPageModel(db)
{
    public const int LatestCount = 10;

    public Agency? Parent { get; private set; }

    public IReadOnlyList<Agency> Children { get; private set; } = [];

    public DisclosureGuide? Guide { get; private set; }

    public IReadOnlyList<ListItems.Line> Latest { get; private set; } = [];

    public IReadOnlyList<PublicReports.Line> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Home, cancellationToken))
        {
            return NotFound();
        }

        Parent = Agency.ParentId is { } parentId ? await FindAgency.ByIdAsync(Db, parentId, cancellationToken) : null;
        Children = await FindAgency.ChildrenAsync(Db, agencyId, cancellationToken);
        Guide = await PublishGuide.CurrentAsync(Db, agencyId, cancellationToken);
        Latest = await ListItems.HandleAsync(Db, calendar, ChinaClock.Today(clock), new ListItems.Request(agencyId, PageSize: LatestCount, PublicOnly: true), cancellationToken);
        Reports = await PublicReports.ListAsync(Db, agencyId, cancellationToken);
        return Page();
    }
}
