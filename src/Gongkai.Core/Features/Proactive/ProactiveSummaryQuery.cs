using System.Globalization;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// The year's proactive disclosure in figures (report-json.md <c>proactive.*</c>): items first published in the
/// year, by top-level category, full-text rate and on-time rate (条例 Art 26: within 20 working days of forming, on the
/// official calendar), for many agencies at once. The counts come from <see cref="ProactiveCountsCache"/>: agency-years not
/// counted yet (or counted with another calendar) are counted first from their first published versions, grouped by
/// category, full-text flag and the two dates, and judged on the calendar in memory.
/// </summary>
public static class ProactiveSummaryQuery
{
    public sealed record Request(Guid AgencyId, int Year);

    private const int Unknown = 0;
    private const int OnTime = 1;
    private const int Late = 2;

    /// <summary>A cached count (null category: the agency-year is counted and has no items).</summary>
    private sealed class CachedRow
    {
        public Guid AgencyId { get; init; }

        public DateOnly CalendarLast { get; init; }

        public Guid? CategoryId { get; init; }

        public bool? FullText { get; init; }

        public int? Timeliness { get; init; }

        public int? Count { get; init; }
    }

    /// <summary>First versions of a year grouped by what their counts depend on.</summary>
    private sealed class VersionGroup
    {
        public Guid AgencyId { get; init; }

        public Guid CategoryId { get; init; }

        public bool FullText { get; init; }

        public DateOnly FormedOn { get; init; }

        public DateOnly PublishedOn { get; init; }

        public int Count { get; init; }
    }

    private sealed record Key(Guid AgencyId, Guid CategoryId, bool FullText, int Timeliness);

    public static async Task<IReadOnlyDictionary<string, decimal>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default) =>
        (await HandleManyAsync(db, calendar, [request.AgencyId], request.Year, cancellationToken))[request.AgencyId];

    /// <summary>The figures of many agencies for one year, by agency (every agency asked for is in the answer).</summary>
    public static async Task<Dictionary<Guid, IReadOnlyDictionary<string, decimal>>> HandleManyAsync(
        GongkaiDbContext db, WorkCalendar calendar, IReadOnlyCollection<Guid> agencyIds, int year, CancellationToken cancellationToken = default)
    {
        var ids = agencyIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var cached = await ReadCachedAsync(db, ids, year, cancellationToken);
        var missing = ids.Where(id => !cached.TryGetValue(id, out var rows) || rows[0].CalendarLast != calendar.LastDate).ToList();
        if (missing.Count > 0)
        {
            await CountAsync(db, calendar, missing, year, cancellationToken);
            cached = await ReadCachedAsync(db, ids, year, cancellationToken);
        }

        var categories = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.AgencyId)).ToListAsync(cancellationToken);
        var byAgency = categories.ToLookup(c => c.AgencyId);
        return ids.ToDictionary(id => id, id =>
        {
            var tree = CategoryTree.Create(byAgency[id].ToList()).Value;
            var counts = cached.GetValueOrDefault(id, []).Where(r => r.CategoryId is not null).Select(r => new CategoryCounts(
                tree.TopLevelOf(r.CategoryId!.Value)?.Name ?? "",
                r.Count!.Value,
                r.FullText == true ? r.Count.Value : 0,
                r.Timeliness == OnTime ? r.Count.Value : 0,
                r.Timeliness == Late ? r.Count.Value : 0));
            return ProactiveSummary.FromCounts(counts, tree.TopLevel.Select(c => c.Name));
        });
    }

    /// <summary>One statement, so the marks and the counts are read from one snapshot.</summary>
    private static async Task<Dictionary<Guid, List<CachedRow>>> ReadCachedAsync(GongkaiDbContext db, List<Guid> ids, int year, CancellationToken cancellationToken)
    {
        var parameters = new List<object> { year };
        var sql = $"""
            SELECT y.agency_id AS "AgencyId", y.calendar_last AS "CalendarLast", c.category_id AS "CategoryId",
                c.full_text AS "FullText", c.timeliness AS "Timeliness", c.count AS "Count"
            FROM proactive_count_years y
            LEFT JOIN proactive_counts c ON c.agency_id = y.agency_id AND c.year = y.year
            WHERE y.year = {"{0}"} AND y.agency_id IN ({InList(ids, parameters)})
            """;
        var rows = await db.Database.SqlQueryRaw<CachedRow>(sql, [.. parameters]).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>
    /// Counts the agency-years not counted yet, under a lock that makes a concurrent first publication wait until
    /// the counts are stored (its trigger then drops them again), so the cache never holds counts older than a
    /// publication. SQLite: EF starts <c>BEGIN IMMEDIATE</c>; PostgreSQL: an exclusive lock on the marks.
    /// </summary>
    private static async Task CountAsync(GongkaiDbContext db, WorkCalendar calendar, List<Guid> ids, int year, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE proactive_count_years IN EXCLUSIVE MODE", cancellationToken);
        }

        var parameters = new List<object> { new DateOnly(year, 1, 1), new DateOnly(year, 12, 31) };
        var fullText = postgres ? "v.full_text_electronic" : "v.full_text_electronic <> 0";
        var sql = $"""
            SELECT v.agency_id AS "AgencyId", v.category_id AS "CategoryId", {fullText} AS "FullText",
                v.formed_on AS "FormedOn", v.published_on AS "PublishedOn", COUNT(*) AS "Count"
            FROM item_versions v
            WHERE v.agency_id IN ({InList(ids, parameters)}) AND v.number = 1 AND v.published_on >= {"{0}"} AND v.published_on <= {"{1}"}
            GROUP BY v.agency_id, v.category_id, {fullText}, v.formed_on, v.published_on
            """;
        var groups = await db.Database.SqlQueryRaw<VersionGroup>(sql, [.. parameters]).ToListAsync(cancellationToken);

        var judged = new Dictionary<(DateOnly, DateOnly), int>();
        var counts = new Dictionary<Key, int>();
        foreach (var g in groups)
        {
            if (!judged.TryGetValue((g.FormedOn, g.PublishedOn), out var timeliness))
            {
                timeliness = Timeliness.For(g.FormedOn, g.PublishedOn, g.PublishedOn, calendar).TryGetValue(out var t)
                    ? t.Status switch { TimelinessStatus.OnTime => OnTime, TimelinessStatus.Late => Late, _ => Unknown }
                    : Unknown;
                judged[(g.FormedOn, g.PublishedOn)] = timeliness;
            }

            var key = new Key(g.AgencyId, g.CategoryId, g.FullText, timeliness);
            counts[key] = counts.GetValueOrDefault(key) + g.Count;
        }

        var idParameters = new List<object> { year };
        var idList = InList(ids, idParameters);
        var deleteCounts = $"DELETE FROM proactive_counts WHERE year = {{0}} AND agency_id IN ({idList})";
        var deleteMarks = $"DELETE FROM proactive_count_years WHERE year = {{0}} AND agency_id IN ({idList})";
        await db.Database.ExecuteSqlRawAsync(deleteCounts, idParameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(deleteMarks, idParameters, cancellationToken);
        await InsertAsync(db, "proactive_count_years (agency_id, year, calendar_last)", ids.Select(id => new object[] { id, year, calendar.LastDate }), cancellationToken);
        await InsertAsync(db, "proactive_counts (agency_id, year, category_id, full_text, timeliness, count)",
            counts.Select(c => new object[] { c.Key.AgencyId, year, c.Key.CategoryId, c.Key.FullText, c.Key.Timeliness, c.Value }), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Multi-row INSERTs of at most 500 rows, the values as EF binds them (text GUIDs on SQLite, uuid on PostgreSQL).</summary>
    private static async Task InsertAsync(GongkaiDbContext db, string table, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(500))
        {
            var parameters = new List<object>();
            var values = new StringBuilder();
            foreach (var row in chunk)
            {
                values.Append(values.Length == 0 ? "(" : ", (");
                values.AppendJoin(", ", row.Select(value =>
                {
                    parameters.Add(value);
                    return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
                }));
                values.Append(')');
            }

            var insert = $"INSERT INTO {table} VALUES {values}";
            await db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken);
        }
    }

    /// <summary>The ids as placeholders appended to <paramref name="parameters"/>.</summary>
    private static string InList(List<Guid> ids, List<object> parameters)
    {
        var first = parameters.Count;
        parameters.AddRange(ids.Cast<object>());
        return string.Join(", ", ids.Select((_, i) => "{" + (first + i).ToString(CultureInfo.InvariantCulture) + "}"));
    }
}
