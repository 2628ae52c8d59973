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

    public static async Task<Dictionary<string, decimal>> HandleAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(request.Year, 1, 1);
        var end = new DateOnly(request.Year, 12, 31);
        var groups = await db.Appeals
            .AsNoTracking()
            .Where(c => c.AgencyId == request.AgencyId && c.FiledOn <= end && (c.ResultOn == null || c.ResultOn >= start))
            .GroupBy(c => new { c.Kind, Column = c.ResultOn != null && c.ResultOn <= end ? c.Result : AppealResult.Pending })
            .Select(g => new { g.Key.Kind, g.Key.Column, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var cells = AppealsTable.Keys.ToDictionary(k => k, _ => 0m, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            cells[AppealsTable.Key(group.Kind, group.Column)] += group.Count;
        }

        foreach (var kind in Enum.GetValues<AppealKind>())
        {
            cells[AppealsTable.TotalKey(kind)] = AppealResults.All.Sum(result => cells[AppealsTable.Key(kind, result)]);
        }

        return cells;
    }
}
