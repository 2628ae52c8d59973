using Gongkai.Core.Data;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// What the full list (全清单) of an agency can be filtered by: its categories in catalogue order (with their depth,
/// for indented choices), its topics, its divisions, and the years in which it published something.
/// </summary>
public static class CatalogueFilters
{
    public sealed record Choice(Guid Id, string Name, int Depth = 0);

    public sealed record Response(IReadOnlyList<Choice> Categories, IReadOnlyList<Choice> Topics, IReadOnlyList<Choice> Divisions, IReadOnlyList<int> Years);

    public static async Task<Response> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == agencyId).ToListAsync(cancellationToken);
        var tree = CategoryTree.Create(categories);
        var ordered = tree.TryGetValue(out var t) ? t.All : categories;
        var depths = new Dictionary<Guid, int>();
        int DepthOf(Category c) => c.ParentId is { } parent && depths.TryGetValue(parent, out var d) ? d + 1 : 0;
        var categoryChoices = new List<Choice>(ordered.Count);
        foreach (var category in ordered)
        {
            depths[category.Id] = DepthOf(category);
            categoryChoices.Add(new Choice(category.Id, category.Name, depths[category.Id]));
        }

        var topics = await db.Topics.AsNoTracking().Where(x => x.AgencyId == agencyId).OrderBy(x => x.SortOrder).ThenBy(x => x.Name)
            .Select(x => new Choice(x.Id, x.Name, 0)).ToListAsync(cancellationToken);
        var divisions = await db.Divisions.AsNoTracking().Where(x => x.AgencyId == agencyId).OrderBy(x => x.Name)
            .Select(x => new Choice(x.Id, x.Name, 0)).ToListAsync(cancellationToken);

        // The first and last publication days come from the (agency_id, published_on) index without reading the
        // items; every year between is offered (a year without items shows an empty list, which is the truth).
        var published = db.Items.AsNoTracking().IgnoreAutoIncludes().Where(i => i.AgencyId == agencyId && i.PublishedOn != null);
        var first = await published.MinAsync(i => i.PublishedOn, cancellationToken);
        var last = await published.MaxAsync(i => i.PublishedOn, cancellationToken);
        IReadOnlyList<int> years = first is { } f && last is { } l ? [.. Enumerable.Range(f.Year, l.Year - f.Year + 1).Reverse()] : [];
        return new Response(categoryChoices, topics, divisions, years);
    }
}
