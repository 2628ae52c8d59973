using Gongkai.Core.Data;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>The agency's catalogue as staff see it: every item not withdrawn, those in work first, then the latest published.</summary>
public static class StaffCatalogue
{
    /// <summary>Up to this many rows: the items in work and the most recent ones, not the whole archive.</summary>
    public const int Shown = 100;

    public sealed record Row(Guid Id, string Title, ItemState State, DateOnly FormedOn, DateOnly? PublishedOn);

    public static async Task<IReadOnlyList<Row>> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Items.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.AgencyId == agencyId && i.State != ItemState.Withdrawn)
            .OrderBy(i => i.State == ItemState.Published)
            .ThenByDescending(i => i.FormedOn)
            .Take(Shown)
            .Select(i => new Row(i.Id, i.Title, i.State, i.FormedOn, i.PublishedOn))
            .ToListAsync(cancellationToken);
}
