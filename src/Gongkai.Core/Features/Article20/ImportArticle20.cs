using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;
using Gongkai.Domain.Article20;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Article20;

/// <summary>
/// Takes over an agency's 第二十条 figures for a year (licensing, penalties, fees … live in other systems) from a
/// spreadsheet with the headers <c>指标, 数值</c>: 指标 is a cell key (<c>article20.licensing.decisions</c>) or the
/// row and column labels (<c>行政许可/本年处理决定数量</c>); 数值 as the report prints it (<c>减4</c>, <c>0.5950</c>;
/// amounts in 万元). Every bad row named and nothing written if any; the same file again changes nothing.
/// </summary>
public static class ImportArticle20
{
    public const string Indicator = "指标";
    public const string Value = "数值";

    public static IReadOnlyList<string> Headers { get; } = [Indicator, Value];

    public sealed record Request(string AgencyName, int Year, ReportFormat? Format, IReadOnlyList<LedgerRow> Rows, string FileName, byte[] FileHash, string Actor);

    public sealed record Response(int Rows, int Changed, IReadOnlyList<LedgerError> Errors)
    {
        public bool Rejected => Errors.Count > 0;
    }

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Name == request.AgencyName.Trim(), cancellationToken);
        if (agency is null)
        {
            return AgencyProblems.NotFound(request.AgencyName);
        }

        var statistics = await db.Article20.FirstOrDefaultAsync(s => s.AgencyId == agency.Id && s.Year == request.Year, cancellationToken);
        var format = statistics?.Format ?? request.Format ?? ReportFormats.DefaultForYear(request.Year);
        var missing = LedgerFile.MissingHeaders(request.Rows, Headers);
        if (missing.Count > 0)
        {
            return new Response(0, 0, missing);
        }

        var labels = Labels(ReportLayout.For(format));
        var errors = new List<LedgerError>();
        var figures = new List<(int Row, string Key, decimal Value)>();
        var seen = new RepeatedRows<string>(StringComparer.Ordinal);
        foreach (var row in request.Rows)
        {
            var indicator = row[Indicator];
            var key = labels.GetValueOrDefault(indicator) ?? labels.GetValueOrDefault(LabelText.Normalize(indicator));
            if (key is null)
            {
                errors.Add(new LedgerError(row.Number, Indicator, $"「{indicator}」不是{format.Code()}年版格式第二十条的栏目"));
                continue;
            }

            // One 栏目 twice (by key, or by two spellings of its labels) is refused, not the last value kept (issue 16, 13).
            if (seen.Check(key, row.Number, Indicator, "指标") is { } repeated)
            {
                errors.Add(repeated);
                continue;
            }

            var reading = CellText.Read(row[Value]);
            if (reading.Status != CellStatus.Number)
            {
                errors.Add(new LedgerError(row.Number, Value, $"「{row[Value]}」不是数值"));
                continue;
            }

            var value = reading.Unit == CellUnit.Yuan ? reading.Value / 10000m : reading.Value;
            var check = Article20Statistics.Check(format, key, value);
            if (!check.TryGetValue(out var checkedValue))
            {
                errors.Add(new LedgerError(row.Number, Value, check.Problem.Message));
                continue;
            }

            figures.Add((row.Number, key, checkedValue));
        }

        if (errors.Count > 0)
        {
            return new Response(0, 0, errors);
        }

        if (statistics is null)
        {
            statistics = Article20Statistics.Create(Guid.NewGuid(), agency.Id, request.Year, format).Value;
            db.Article20.Add(statistics);
        }

        var before = JsonSerializer.Serialize(statistics.Values(), AuditTrail.Json);
        var historyBefore = statistics.History.Count;
        var sha = Convert.ToHexStringLower(request.FileHash);
        foreach (var (row, key, value) in figures)
        {
            var imported = statistics.Import(key, value, request.FileName, sha, row, clock.GetUtcNow());
            if (!imported.IsSuccess)
            {
                errors.Add(new LedgerError(row, Value, imported.Problem.Message));
            }
        }

        if (errors.Count > 0)
        {
            // Nothing is saved: the statistics were changed in memory only.
            db.ChangeTracker.Clear();
            return new Response(0, 0, errors);
        }

        var changed = statistics.History.Count - historyBefore;
        if (changed > 0)
        {
            // The figures and the 台账 entry in one transaction, the lock taken before the last entry is read (issue 16, 11).
            await using var transaction = await ImportTransaction.BeginAsync(db, cancellationToken);
            AuditTrail.Record(db, clock, request.Actor, "article20.imported", nameof(Article20Statistics), statistics.Id.ToString("D"), agency.Id,
                before, JsonSerializer.Serialize(statistics.Values(), AuditTrail.Json));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new Response(figures.Count, changed, []);
    }

    /// <summary>Each 第二十条 cell of a format by its key and by its labels (row, sub-row, column) in comparison form.</summary>
    private static Dictionary<string, string> Labels(ReportLayout layout)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in layout.Cells.Where(c => c.Table.KeyPrefix == CellKey.Article20Prefix))
        {
            labels[cell.Key] = cell.Key;
            foreach (var column in cell.Column.Aliases.Prepend(cell.Column.Label))
            {
                labels.TryAdd(LabelText.Normalize(ConsistencyRules.RowLabel(cell.Row) + column), cell.Key);
                labels.TryAdd(LabelText.Normalize(cell.Row.Row.Label + column), cell.Key);
            }
        }

        return labels;
    }
}
