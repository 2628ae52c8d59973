using System.Globalization;
using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Domain.AnnualReports.District;

/// <summary>Something about one agency a 政务公开办 should look at.</summary>
public enum OutlierKind
{
    /// <summary>不予公开 takes a far larger share of the applications it concluded than in the district as a whole.</summary>
    WithheldShare,

    /// <summary>无法提供 (mostly 本机关不掌握) takes a far larger share than in the district as a whole.</summary>
    CannotProvideShare,
}

public sealed record Outlier(string Agency, OutlierKind Kind, decimal Share, decimal DistrictShare, string Message);

/// <summary>
/// A government's report as the sum of its agencies' reports (条例 Art 49: 本级政府 … 年度报告), and the agencies that
/// stand out. Pure: the callers choose which report of each agency counts (locked if there is one).
/// </summary>
public static class Consolidation
{
    /// <summary>Below this many concluded applications a share says little; such agencies are not flagged.</summary>
    public const int MinimumConcluded = 10;

    /// <summary>
    /// Every statutory cell summed over <paramref name="reports"/> (all in <paramref name="format"/>): a cell blank
    /// in every report stays blank; a blank next to figures counts as 0 (R5 warns about it in the agency's own report).
    /// Of our own keys only the counts of published items are summed: a rate of a sum is not the sum of rates.
    /// </summary>
    public static AnnualReport Sum(ReportFormat format, string agency, int year, IReadOnlyCollection<AnnualReport> reports, IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var blanks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in ReportLayout.For(format).Cells)
        {
            var present = reports.Where(r => r.Values.ContainsKey(cell.Key)).ToList();
            if (present.Count > 0)
            {
                values[cell.Key] = present.Sum(r => r.Values[cell.Key]);
            }
            else if (reports.Any(r => r.Blanks.Contains(cell.Key)))
            {
                blanks.Add(cell.Key);
            }
        }

        foreach (var key in reports.SelectMany(r => r.Values.Keys).Where(IsPublishedCount).Distinct(StringComparer.Ordinal))
        {
            values[key] = reports.Sum(r => r.Values.GetValueOrDefault(key));
        }

        return new AnnualReport(format, agency, year, values, blanks, texts);
    }

    /// <summary>
    /// Agencies whose share of 不予公开 (or 无法提供) among concluded applications is at least twice the district's
    /// and at least 20 percentage points above it, counting only agencies with <see cref="MinimumConcluded"/> or more.
    /// </summary>
    public static IReadOnlyList<Outlier> Outliers(IReadOnlyCollection<AnnualReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var outliers = new List<Outlier>();
        foreach (var (kind, group, label) in new[]
        {
            (OutlierKind.WithheldShare, "withheld", "不予公开"),
            (OutlierKind.CannotProvideShare, "cannotProvide", "无法提供"),
        })
        {
            var district = Share(reports.Sum(r => Part(r, group)), reports.Sum(Concluded));
            foreach (var report in reports.Where(r => Concluded(r) >= MinimumConcluded))
            {
                var share = Share(Part(report, group), Concluded(report));
                if (share >= 2 * district && share - district >= 0.2m)
                {
                    var p = CultureInfo.InvariantCulture;
                    outliers.Add(new Outlier(report.Agency ?? "", kind, share, district,
                        $"{label}占办结申请的{(share * 100).ToString("0.#", p)}%，全区为{(district * 100).ToString("0.#", p)}%"));
                }
            }
        }

        return outliers;
    }

    private static readonly CellKey ConcludedTotal = CellKey.Requests("total", "total");

    private static decimal Concluded(AnnualReport report) => report.Value(ConcludedTotal) ?? 0;

    /// <summary>The 总计 column summed over the rows of one outcome group of 三 (（三）不予公开: its eight reasons).</summary>
    private static decimal Part(AnnualReport report, string group)
    {
        var rows = report.Layout.Requests.DataRows.Where(r => r.Parent?.Row.Key == group);
        var total = report.Layout.Requests.Columns.Single(c => c.Key == "total");
        return rows.Sum(r => report.Value(CellKey.Of(r, total)) ?? 0);
    }

    // Of our own keys only the counts are summed (a rate of a sum is not the sum of rates).
    private static bool IsPublishedCount(string key) =>
        CellKey.TryParse(key, out var cell) && (cell.CategoryLabel is not null || cell == CellKey.ProactivePublishedTotal);

    private static decimal Share(decimal part, decimal whole) => whole == 0 ? 0 : decimal.Round(part / whole, 4);

    /// <summary>The published-item counts of a consolidated report as a summary (for the drafted overview).</summary>
    public static IReadOnlyDictionary<string, decimal> ProactiveCounts(AnnualReport report) =>
        report.Values.Where(v => IsPublishedCount(v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}
