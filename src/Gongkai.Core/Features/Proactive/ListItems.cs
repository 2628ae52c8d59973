using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// An agency's published items, newest first, a page at a time (the full list 全清单 and the portal): filtered by
/// year of publication, category (with its sub-categories), topic and division, or only the items published late or not
/// yet published and overdue under 条例 Art 26. Reads the list's columns only, never the bodies.
/// </summary>
public static class ListItems
{
    public sealed record Request(
        Guid AgencyId, int? Year = null, Guid? CategoryId = null, Guid? DivisionId = null, bool LateOnly = false, int Page = 1, int PageSize = 20, Guid? TopicId = null);

    public sealed record Row(Guid Id, string Title, string? DocumentNumber, Guid CategoryId, Guid? DivisionId, DateOnly FormedOn, DateOnly? PublishedOn, bool FullTextElectronic);

    public sealed record Line(Row Item, Timeliness? Timeliness);

    public static async Task<IReadOnlyList<Line>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, DateOnly today, Request request, CancellationToken cancellationToken = default)
    {
        // A topic is found in the row's JSON list of topic ids (written by ProactiveMapping), by its text.
        var items = request.TopicId is { } topicId
            ? db.Items.FromSqlInterpolated($"SELECT * FROM items WHERE topic_ids LIKE {"%" + topicId.ToString("D") + "%"}")
            : db.Items;

        // The late list also looks at items not yet published: overdue ones are what it is for (Art 26).
        var query = items.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.AgencyId == request.AgencyId && (request.LateOnly || i.PublishedOn != null));
        if (request.Year is { } year)
        {
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            query = query.Where(i => i.PublishedOn >= start && i.PublishedOn <= end);
        }

        if (request.CategoryId is { } categoryId)
        {
            var categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == request.AgencyId).ToListAsync(cancellationToken);
            var tree = CategoryTree.Create(categories).Value;
            var ids = Descendants(tree, categoryId).ToList();
            query = query.Where(i => ids.Contains(i.CategoryId));
        }

        if (request.DivisionId is { } divisionId)
        {
            query = query.Where(i => i.DivisionId == divisionId);
        }

        var rows = query
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Select(i => new Row(i.Id, i.Title, i.DocumentNumber, i.CategoryId, i.DivisionId, i.FormedOn, i.PublishedOn, i.FullTextElectronic));
        var page = request.LateOnly
            ? await rows.ToListAsync(cancellationToken)
            : await rows.Skip((Math.Max(request.Page, 1) - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
        var lines = page.Select(r => new Line(r, Timeliness.For(r.FormedOn, r.PublishedOn, today, calendar).TryGetValue(out var t) ? t : null));
        return request.LateOnly
            ? [.. lines.Where(l => l.Timeliness?.Status is TimelinessStatus.Late or TimelinessStatus.Overdue).Skip((Math.Max(request.Page, 1) - 1) * request.PageSize).Take(request.PageSize)]
            : [.. lines];
    }

    private static IEnumerable<Guid> Descendants(CategoryTree tree, Guid id)
    {
        yield return id;
        foreach (var child in tree.ChildrenOf(id))
        {
            foreach (var descendant in Descendants(tree, child.Id))
            {
                yield return descendant;
            }
        }
    }
}
