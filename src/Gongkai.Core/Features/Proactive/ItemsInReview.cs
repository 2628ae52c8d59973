using Gongkai.Core.Data;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// The 保密审查 queue (条例 Art 17): an agency's items submitted for review (a new item or an update of a published
/// one), the oldest formed first; how many wait; and, for a decision on one, whose item it is and its title.
/// </summary>
public static class ItemsInReview
{
    /// <summary>Whose item it is and what it is called, for a decision's message.</summary>
    public sealed record ItemHead(Guid AgencyId, string Title);

    public static async Task<IReadOnlyList<DisclosureItem>> ListAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Items.AsNoTracking()
            .Where(i => i.AgencyId == agencyId && (i.State == ItemState.Submitted || i.State == ItemState.UpdateSubmitted))
            .OrderBy(i => i.FormedOn)
            .ToListAsync(cancellationToken);

    public static async Task<int> CountAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Items.AsNoTracking().IgnoreAutoIncludes()
            .CountAsync(i => i.AgencyId == agencyId && (i.State == ItemState.Submitted || i.State == ItemState.UpdateSubmitted), cancellationToken);

    /// <summary>Any agency's item by id (the caller checks the right on its agency), or null.</summary>
    public static async Task<ItemHead?> ItemAsync(GongkaiDbContext db, Guid itemId, CancellationToken cancellationToken = default) =>
        await db.Items.AsNoTracking().IgnoreAutoIncludes().Where(i => i.Id == itemId).Select(i => new ItemHead(i.AgencyId, i.Title)).FirstOrDefaultAsync(cancellationToken);
}
