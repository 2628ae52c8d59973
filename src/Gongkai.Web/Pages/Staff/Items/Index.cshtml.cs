using Gongkai.Core.Data;
using Gongkai.Domain.Proactive;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Items;

/// <summary>The agency's catalogue as staff see it: every item not withdrawn, in work first, then the latest published.</summary>
public sealed class IndexModel(StaffAccess access, GongkaiDbContext db) : StaffPageModel(access)
{
    public const int Shown = 100;

    public sealed record Row(Guid Id, string Title, ItemState State, DateOnly FormedOn, DateOnly? PublishedOn);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? agency, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        Rows = await db.Items.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.AgencyId == Agency.Id && i.State != ItemState.Withdrawn)
            .OrderBy(i => i.State == ItemState.Published)
            .ThenByDescending(i => i.FormedOn)
            .Take(Shown)
            .Select(i => new Row(i.Id, i.Title, i.State, i.FormedOn, i.PublishedOn))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
