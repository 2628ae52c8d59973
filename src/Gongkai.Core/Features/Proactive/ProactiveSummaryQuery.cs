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
/// official calendar). One grouped query over the first published versions of all the agencies asked for; the
/// working-day deadline of each formation day comes from the calendar as a small table joined in the query, so the
/// database counts on-time publications itself.
/// </summary>
public static class ProactiveSummaryQuery
{
    public sealed record Request(Guid AgencyId, int Year);

    /// <summary>One row of the grouped query (names as the SQL gives them).</summary>
    private sealed class Row
    {
        public Guid AgencyId { get; init; }

        public Guid CategoryId { get; init; }

        public int Published { get; init; }

        public int FullText { get; init; }

        public int OnTime { get; init; }

        public int Late { get; init; }
    }

    public static async Task<IReadOnlyDictionary<string, decimal>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default) =>
        (await HandleManyAsync(db, calendar, [request.AgencyId], request.Year, cancellationToken))[request.AgencyId];

    /// <summary>The figures of many agencies for one year, by agency (every agency asked for is in the answer).</summary>
    public static async Task<Dictionary<Guid, IReadOnlyDictionary<string, decimal>>> HandleManyAsync(
        GongkaiDbContext db, WorkCalendar calendar, IReadOnlyCollection<Guid> agencyIds, int year, CancellationToken cancellationToken = default)
    {
        var ids = agencyIds.Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.AgencyId)).ToListAsync(cancellationToken);
        var trees = ids.ToDictionary(id => id, id => CategoryTree.Create(categories.Where(c => c.AgencyId == id).ToList()).Value);

        var (sql, parameters) = Sql(db.Database.IsNpgsql(), calendar, ids, year);
        var rows = ids.Count == 0 ? [] : await db.Database.SqlQueryRaw<Row>(sql, parameters).ToListAsync(cancellationToken);

        var byAgency = rows.ToLookup(r => r.AgencyId);
        return ids.ToDictionary(id => id, id =>
        {
            var tree = trees[id];
            var counts = byAgency[id].Select(r => new CategoryCounts(tree.TopLevelOf(r.CategoryId)?.Name ?? "", r.Published, r.FullText, r.OnTime, r.Late));
            return ProactiveSummary.FromCounts(counts, tree.TopLevel.Select(c => c.Name));
        });
    }

    /// <summary>
    /// The grouped query. On time: published on or before the deadline of its formation day, looked up in a
    /// table of the deadlines of the days from 1 January of the year before (a formation earlier than that is more
    /// than 20 working days before any publication in the year, so late). A day the calendar cannot judge (outside
    /// its years) counts neither way, as <see cref="Timeliness.For(DateOnly, DateOnly?, DateOnly, WorkCalendar)"/>
    /// leaves it unknown; so does a publication dated before the formation.
    /// </summary>
    private static (string Sql, object[] Parameters) Sql(bool postgres, WorkCalendar calendar, IReadOnlyList<Guid> ids, int year)
    {
        var c = CultureInfo.InvariantCulture;
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var lookupStart = new DateOnly(year - 1, 1, 1) < calendar.FirstDate ? calendar.FirstDate : new DateOnly(year - 1, 1, 1);
        string Date(DateOnly d) => postgres ? $"DATE '{d.ToString("yyyy-MM-dd", c)}'" : $"'{d.ToString("yyyy-MM-dd", c)}'";

        var deadlines = new StringBuilder();
        for (var day = lookupStart; day <= end && day <= calendar.LastDate; day = day.AddDays(1))
        {
            if (calendar.AddWorkingDays(day, Timeliness.WorkingDays).TryGetValue(out var due))
            {
                deadlines.Append(deadlines.Length == 0 ? "" : ", ").Append('(').Append(Date(day)).Append(", ").Append(Date(due)).Append(')');
            }
        }

        if (deadlines.Length == 0)
        {
            // A year the calendar does not cover: an empty table of the right shape.
            deadlines.Append('(').Append(Date(DateOnly.MinValue)).Append(", ").Append(Date(DateOnly.MinValue)).Append(')');
        }

        var parameters = new List<object> { start, end, lookupStart, calendar.FirstDate, calendar.LastDate };
        var idList = string.Join(", ", ids.Select((id, i) => "{" + (parameters.Count + i).ToString(c) + "}"));
        parameters.AddRange(ids.Cast<object>());
        var fullText = postgres ? "v.full_text_electronic" : "v.full_text_electronic <> 0";
        var sql = $$"""
            WITH deadline(formed_on, due_on) AS (VALUES {{deadlines}})
            SELECT v.agency_id AS "AgencyId", v.category_id AS "CategoryId", COUNT(*) AS "Published",
                COALESCE(SUM(CASE WHEN {{fullText}} THEN 1 ELSE 0 END), 0) AS "FullText",
                COALESCE(SUM(CASE WHEN v.published_on >= v.formed_on AND v.published_on <= d.due_on THEN 1 ELSE 0 END), 0) AS "OnTime",
                COALESCE(SUM(CASE WHEN v.published_on >= v.formed_on AND v.published_on <= {4}
                    AND (v.published_on > d.due_on OR (v.formed_on < {2} AND v.formed_on >= {3})) THEN 1 ELSE 0 END), 0) AS "Late"
            FROM item_versions v LEFT JOIN deadline d ON d.formed_on = v.formed_on
            WHERE v.agency_id IN ({{idList}}) AND v.number = 1 AND v.published_on >= {0} AND v.published_on <= {1}
            GROUP BY v.agency_id, v.category_id
            """;
        return (sql, [.. parameters]);
    }
}
