namespace Gongkai.Domain.AnnualReports.Layout;

/// <summary>
/// The 2019 single row （六）其他处理 kept by a 2021 report (annual-report-format.md §9, a mixed layout): its cells
/// keep the 2019 keys <c>requests.other.&lt;column&gt;</c>, which the 2021 layout does not declare, and stand for the
/// three 2021 sub-rows in reading, in R2's sum of the outcome rows and as a row of R3.
/// </summary>
public static class SingleOtherRow
{
    /// <summary>The 2019 row <c>requests.other</c>.</summary>
    public static RowPath Row { get; } = ReportLayouts.V2019.Requests.DataRows.Single(r => r.Path == CellKey.RequestsPrefix + ".other" && r.Row.HasCells);

    /// <summary>A cell of the single row, for a report in <paramref name="layout"/> (2021 only: in 2019 it is an ordinary cell).</summary>
    public static bool TryGetCell(ReportLayout layout, CellKey key, out CellSpec cell)
    {
        ArgumentNullException.ThrowIfNull(layout);
        cell = null!;
        return layout.Format == ReportFormat.V2021 && ReportLayouts.V2019.TryGetCell(key, out cell) && cell.Row == Row;
    }

    /// <summary>True for a 2021 sub-row of （六）其他处理, which the single row stands for.</summary>
    public static bool Replaces(RowPath row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Parent?.Path == Row.Path;
    }

    /// <summary>A 2021 report with cells of the single row and none of the three sub-rows.</summary>
    public static bool IsIn(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Format == ReportFormat.V2021 && RowKeys.Any(report.Has) && !SubRowKeys.Any(report.Has);
    }

    private static readonly CellKey[] RowKeys = [.. ReportLayouts.V2019.Requests.CellKeysOf(Row)];

    private static readonly CellKey[] SubRowKeys =
        [.. ReportLayouts.V2021.Requests.DataRows.Where(Replaces).SelectMany(ReportLayouts.V2021.Requests.CellKeysOf)];
}
