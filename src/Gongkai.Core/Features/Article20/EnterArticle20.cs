using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Rules;
using Gongkai.Domain.Article20;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Article20;

/// <summary>
/// 第二十条 figures typed in by staff for a year (a form, not a file): each changed cell is entered with the user as
/// its provenance; one bad value refuses them all and saves nothing. A value equal to the stored one is no change.
/// </summary>
public static class EnterArticle20
{
    public sealed record Request(Guid AgencyId, int Year, IReadOnlyDictionary<string, decimal> Values, string UserId, string UserName);

    /// <summary>A cell of the year's format: its key and its row and column labels.</summary>
    public sealed record Cell(string Key, string Row, string Column);

    public sealed record Response(int Changed);

    /// <summary>The 第二十条 cells of a format, in the order of the table.</summary>
    public static IReadOnlyList<Cell> Cells(ReportFormat format) =>
        [.. ReportLayout.For(format).Cells.Where(c => c.Table.KeyPrefix == CellKey.Article20Prefix).Select(c => new Cell(c.Key, ConsistencyRules.RowLabel(c.Row), c.Column.Label))];

    /// <summary>The form of a year: the cells of its format, and what is stored in them with where it came from.</summary>
    public sealed record Form(IReadOnlyList<Cell> Cells, IReadOnlyDictionary<string, (decimal Value, string Source)> Current);

    /// <summary>The year's form as stored; a year without figures shows the cells of its default format, empty.</summary>
    public static async Task<Form> FormAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken = default)
    {
        var statistics = await db.Article20.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agencyId && s.Year == year, cancellationToken);
        return new Form(
            Cells(statistics?.Format ?? ReportFormats.DefaultForYear(year)),
            statistics?.Figures.ToDictionary(f => f.Key, f => (f.Value, f.Provenance.Description), StringComparer.Ordinal)
                ?? new Dictionary<string, (decimal, string)>(StringComparer.Ordinal));
    }

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        if (request.Year < Article20Statistics.FirstYear)
        {
            return new Problem("article20.year", $"第二十条数据从{Article20Statistics.FirstYear}年起录入");
        }

        var statistics = await db.Article20.FirstOrDefaultAsync(s => s.AgencyId == request.AgencyId && s.Year == request.Year, cancellationToken);
        if (statistics is null)
        {
            var created = Article20Statistics.Create(Guid.NewGuid(), request.AgencyId, request.Year, ReportFormats.DefaultForYear(request.Year));
            if (!created.TryGetValue(out statistics))
            {
                return created.Problem;
            }

            db.Article20.Add(statistics);
        }

        var before = JsonSerializer.Serialize(statistics.Values(), AuditTrail.Json);
        var history = statistics.History.Count;
        var at = clock.GetUtcNow();
        var problems = new List<string>();
        foreach (var (key, value) in request.Values)
        {
            if (statistics.Figure(key) is { } figure && figure.Value == value)
            {
                continue;
            }

            var entered = statistics.Enter(key, value, request.UserId, request.UserName, at);
            if (!entered.IsSuccess)
            {
                problems.Add(entered.Problem.Message);
            }
        }

        if (problems.Count > 0)
        {
            // Nothing is saved: the statistics were changed in memory only.
            db.ChangeTracker.Clear();
            return new Problem("article20.invalid", string.Join("；", problems));
        }

        var changed = statistics.History.Count - history;
        if (changed > 0)
        {
            AuditTrail.Record(db, clock, request.UserId, "article20.entered", nameof(Article20Statistics), statistics.Id.ToString("D"), request.AgencyId,
                before, JsonSerializer.Serialize(statistics.Values(), AuditTrail.Json));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Response(changed);
    }
}
