using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// An agency's published items, newest first, a page at a time (the full list 全清单 and the portal): filtered by
/// year of publication, category (with its sub-categories), topic and division, or only the items published late or not
/// yet published and overdue under 条例 Art 26; or those whose title or 文号 contains a search text. Reads the list's
/// columns only, never the bodies.
/// <para>
/// <see cref="Request.PublicOnly"/> is the portal's view: withdrawn items are left out (they keep their publication
/// date), and an item with an update in review is shown as its published version, never the working one, which has
/// not passed the 保密审查 (条例 Art 17). The filters read the working columns, so such a row is checked again against
/// its published version and left out when that does not match: nothing of an unreviewed update can be found. (The
/// rare item whose published version would match but whose update does not is missed until the update is published.)
/// </para>
/// </summary>
public static class ListItems
{
    public sealed record Request(
        Guid AgencyId, int? Year = null, Guid? CategoryId = null, Guid? DivisionId = null, bool LateOnly = false, int Page = 1, int PageSize = 20, Guid? TopicId = null,
        string? Search = null, bool PublicOnly = false);

    public sealed record Row(Guid Id, string Title, string? DocumentNumber, Guid CategoryId, Guid? DivisionId, DateOnly FormedOn, DateOnly? PublishedOn, bool FullTextElectronic);

    public sealed record Line(Row Item, Timeliness? Timeliness);

    /// <summary>A page of lines, and whether a next page has any (the first row after this page, read in the same query).</summary>
    public sealed record Page(IReadOnlyList<Line> Lines, bool HasNextPage);

    public static async Task<IReadOnlyList<Line>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, DateOnly today, Request request, CancellationToken cancellationToken = default) =>
        (await PageAsync(db, calendar, today, request, cancellationToken)).Lines;

    public static async Task<Page> PageAsync(GongkaiDbContext db, WorkCalendar calendar, DateOnly today, Request request, CancellationToken cancellationToken = default)
    {
        if (request is { PublicOnly: true, LateOnly: false, Year: null, CategoryId: null, DivisionId: null, TopicId: null } && string.IsNullOrWhiteSpace(request.Search))
        {
            return await PublicPageAsync(db, calendar, today, request, cancellationToken);
        }

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

        List<Guid>? categoryIds = null;
        if (request.CategoryId is { } categoryId)
        {
            var categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == request.AgencyId).ToListAsync(cancellationToken);
            var tree = CategoryTree.Create(categories).Value;
            var ids = Descendants(tree, categoryId).ToList();
            categoryIds = ids;
            query = query.Where(i => ids.Contains(i.CategoryId));
        }

        if (request.DivisionId is { } divisionId)
        {
            query = query.Where(i => i.DivisionId == divisionId);
        }

        var search = request.Search?.Trim() is { Length: > 0 } text ? text : null;
        if (search is not null)
        {
            // A substring of the title or the 文号 (Chinese has no word breaks to match on); the agency's rows only.
            query = query.Where(i => i.Title.Contains(search) || (i.DocumentNumber != null && i.DocumentNumber.Contains(search)));
        }

        if (request.PublicOnly)
        {
            query = query.Where(i => i.WithdrawnOn == null);
        }

        // The state comes with the row, so only a page that has an update in review asks for more (PublishedVersionsAsync).
        var rows = query
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Select(i => new PageRow(
                new Row(i.Id, i.Title, i.DocumentNumber, i.CategoryId, i.DivisionId, i.FormedOn, i.PublishedOn, i.FullTextElectronic),
                i.State != ItemState.Published));
        var skip = (Math.Max(request.Page, 1) - 1) * request.PageSize;

        // One row past the page tells whether there is a next one (it is dropped below when the public would not see it).
        var fetched = request.LateOnly
            ? await rows.ToListAsync(cancellationToken)
            : await rows.Skip(skip).Take(request.PageSize + 1).ToListAsync(cancellationToken);
        var page = fetched.Select(r => r.Row).ToList();
        if (request.PublicOnly)
        {
            bool Matches(ItemVersion v) =>
                (request.Year is not { } y || v.PublishedOn.Year == y)
                && (categoryIds is null || categoryIds.Contains(v.CategoryId))
                && (request.DivisionId is not { } d || v.DivisionId == d)
                && (request.TopicId is not { } t || v.TopicIds.Contains(t))
                && (search is null || v.Title.Contains(search, StringComparison.Ordinal) || (v.DocumentNumber?.Contains(search, StringComparison.Ordinal) ?? false));
            var pending = fetched.Where(r => r.Pending).Select(r => r.Row.Id).ToList();
            page = await PublishedVersionsAsync(db, page, pending, Matches, cancellationToken);
        }

        if (request.LateOnly)
        {
            var late = Lines(page, today, calendar).Where(l => l.Timeliness?.Status is TimelinessStatus.Late or TimelinessStatus.Overdue).Skip(skip).ToList();
            return new Page([.. late.Take(request.PageSize)], late.Count > request.PageSize);
        }

        return Paged(fetched, page, request.PageSize, today, calendar);
    }

    private static IEnumerable<Line> Lines(IEnumerable<Row> rows, DateOnly today, WorkCalendar calendar) =>
        rows.Select(r => new Line(r, Timeliness.For(r.FormedOn, r.PublishedOn, today, calendar).TryGetValue(out var t) ? t : null));

    /// <summary>The page of the rows shown; the fetched row past the page size is the next page's first, if the public may see it.</summary>
    private static Page Paged(List<PageRow> fetched, List<Row> shown, int pageSize, DateOnly today, WorkCalendar calendar)
    {
        var beyond = fetched.Count > pageSize ? fetched[pageSize].Row.Id : (Guid?)null;
        var all = Lines(shown, today, calendar).ToList();
        var next = beyond is { } b && all.Count > 0 && all[^1].Item.Id == b;
        return new Page(next ? all[..^1] : all, next);
    }

    private sealed record PageRow(Row Row, bool Pending);

    /// <summary>
    /// The portal's full list without filters, the page most read: the same query as <see cref="PageAsync"/> builds for
    /// it (agency, published, not withdrawn, newest first, one row past the page), compiled.
    /// </summary>
    private static readonly CompiledPerModel<Func<GongkaiDbContext, Guid, int, int, IAsyncEnumerable<PageRow>>> PublicRows = new(() => EF.CompileAsyncQuery(
        (GongkaiDbContext db, Guid agencyId, int skip, int take) => db.Items.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.AgencyId == agencyId && i.PublishedOn != null && i.WithdrawnOn == null)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Select(i => new PageRow(
                new Row(i.Id, i.Title, i.DocumentNumber, i.CategoryId, i.DivisionId, i.FormedOn, i.PublishedOn, i.FullTextElectronic),
                i.State != ItemState.Published))
            .Skip(skip).Take(take)));

    private static async Task<Page> PublicPageAsync(GongkaiDbContext db, WorkCalendar calendar, DateOnly today, Request request, CancellationToken cancellationToken)
    {
        var skip = (Math.Max(request.Page, 1) - 1) * request.PageSize;
        var fetched = new List<PageRow>(request.PageSize + 1);
        var rows = PublicRows.For(db);
        await foreach (var row in rows(db, request.AgencyId, skip, request.PageSize + 1).WithCancellation(cancellationToken))
        {
            fetched.Add(row);
        }

        var pending = fetched.Where(r => r.Pending).Select(r => r.Row.Id).ToList();
        var shown = await PublishedVersionsAsync(db, [.. fetched.Select(r => r.Row)], pending, _ => true, cancellationToken);
        return Paged(fetched, shown, request.PageSize, today, calendar);
    }

    /// <summary>
    /// The page's rows as the public sees them: rows whose item has an update in review (its working version is newer
    /// than its last published one) are replaced by their last published version, or dropped when it does not match
    /// the filters. A query only when the page has rows with a pending update.
    /// </summary>
    private static async Task<List<Row>> PublishedVersionsAsync(
        GongkaiDbContext db, List<Row> page, List<Guid> pending, Func<ItemVersion, bool> matches, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return page;
        }

        var items = await db.Items.AsNoTracking().Where(i => pending.Contains(i.Id)).ToListAsync(cancellationToken);
        var published = items.Where(i => i.PublicVersion is not null).ToDictionary(i => i.Id, i => i.PublicVersion!);
        return [.. page
            .Where(r => !pending.Contains(r.Id) || (published.TryGetValue(r.Id, out var v) && matches(v)))
            .Select(r => published.TryGetValue(r.Id, out var v)
                ? new Row(r.Id, v.Title, v.DocumentNumber, v.CategoryId, v.DivisionId, v.FormedOn, v.PublishedOn, v.FullTextElectronic)
                : r)];
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
