using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// The year's proactive disclosure in figures (report-json.md <c>proactive.*</c>): items first published in the
/// year, by top-level category, full-text rate and on-time rate (条例 Art 26, on the official calendar). Reads only
/// the first published version's few columns of the year's items.
/// </summary>
public static class ProactiveSummaryQuery
{
    public sealed record Request(Guid AgencyId, int Year);

    public static async Task<IReadOnlyDictionary<string, decimal>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(request.Year, 1, 1);
        var end = new DateOnly(request.Year, 12, 31);
        var tree = CategoryTree.Create(await db.Categories.AsNoTracking().Where(c => c.AgencyId == request.AgencyId).ToListAsync(cancellationToken)).Value;
        var firstVersions = await db.Set<ItemVersion>().AsNoTracking()
            .Where(v => v.Number == 1 && v.PublishedOn >= start && v.PublishedOn <= end
                && db.Items.Any(i => i.AgencyId == request.AgencyId && i.Id == EF.Property<Guid>(v, "ItemId")))
            .Select(v => new { v.CategoryId, v.FormedOn, v.PublishedOn, v.FullTextElectronic })
            .ToListAsync(cancellationToken);
        var facts = firstVersions.Select(v => new ItemFacts(
            tree.TopLevelOf(v.CategoryId)?.Name ?? "",
            v.PublishedOn,
            v.FullTextElectronic,
            Timeliness.For(v.FormedOn, v.PublishedOn, v.PublishedOn, calendar).TryGetValue(out var timeliness) ? timeliness.Status : null));
        return ProactiveSummary.For(request.Year, facts, tree.TopLevel.Select(c => c.Name));
    }
}
