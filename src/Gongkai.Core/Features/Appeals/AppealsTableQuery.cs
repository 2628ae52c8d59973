using Gongkai.Core.Data;
using Gongkai.Domain.Appeals;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Appeals;

/// <summary>
/// Section 四 for one agency and year from the recorded cases, in one grouped SQL query, by the counting rule of
/// <see cref="AppealsTable"/> (a case counts under its result in the year it was reached, as 尚未审结 at each year end
/// it is still open).
/// </summary>
public static class AppealsTableQuery
{
    public sealed record Request(Guid AgencyId, int Year);

    public static async Task<Dictionary<string, decimal>> HandleAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default) =>
        (await HandleManyAsync(db, [request.AgencyId], request.Year, cancellationToken))[request.AgencyId];

    /// <summary>Section 四 of many agencies in one query, by agency (every agency asked for is in the answer).</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, decimal>>> HandleManyAsync(GongkaiDbContext db, IReadOnlyCollection<Guid> agencyIds, int year,
        CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var groups = await db.Appeals
            .AsNoTracking()
            .Where(c => agencyIds.Contains(c.AgencyId) && c.FiledOn <= end && (c.ResultOn == null || c.ResultOn >= start))
            .GroupBy(c => new { c.AgencyId, c.Kind, Column = c.ResultOn != null && c.ResultOn <= end ? c.Result : AppealResult.Pending })
            .Select(g => new { g.Key.AgencyId, g.Key.Kind, g.Key.Column, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var byAgency = agencyIds.Distinct().ToDictionary(id => id, _ => AppealsTable.Keys.ToDictionary(k => k, _ => 0m, StringComparer.Ordinal));
        foreach (var group in groups)
        {
            byAgency[group.AgencyId][AppealsTable.Key(group.Kind, group.Column)] += group.Count;
        }

        foreach (var cells in byAgency.Values)
        {
            foreach (var kind in Enum.GetValues<AppealKind>())
            {
                cells[AppealsTable.TotalKey(kind)] = AppealResults.All.Sum(result => cells[AppealsTable.Key(kind, result)]);
            }
        }

        return byAgency;
    }
}
