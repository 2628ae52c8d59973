using Gongkai.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Agencies;

/// <summary>All agencies as a tree: each with its depth under its root (a district first, its departments below).</summary>
public static class ListAgencies
{
    public sealed record Item(Guid Id, string Name, Guid? ParentId, int Depth);

    public static async Task<IReadOnlyList<Item>> HandleAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var children = all.ToLookup(a => a.ParentId);
        var items = new List<Item>(all.Count);

        void Visit(Guid? parent, int depth)
        {
            foreach (var agency in children[parent])
            {
                items.Add(new Item(agency.Id, agency.Name, agency.ParentId, depth));
                Visit(agency.Id, depth + 1);
            }
        }

        Visit(null, 0);
        return items;
    }
}
