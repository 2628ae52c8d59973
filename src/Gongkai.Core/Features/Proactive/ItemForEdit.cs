using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>What the item editor shows: the item (of any agency: the caller checks the right on its agency), and the agency's categories, topics and 科室 to choose from.</summary>
public static class ItemForEdit
{
    public sealed record Choices(IReadOnlyList<Category> Categories, IReadOnlyList<Topic> Topics, IReadOnlyList<Division> Divisions);

    public static async Task<DisclosureItem?> ItemAsync(GongkaiDbContext db, Guid itemId, CancellationToken cancellationToken = default) =>
        await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);

    /// <summary>Categories in catalogue order, topics and 科室 by name.</summary>
    public static async Task<Choices> ChoicesAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) => new(
        await db.Categories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken),
        await db.Topics.AsNoTracking().Where(t => t.AgencyId == agencyId).OrderBy(t => t.Name).ToListAsync(cancellationToken),
        await db.Divisions.AsNoTracking().Where(d => d.AgencyId == agencyId).OrderBy(d => d.Name).ToListAsync(cancellationToken));
}
