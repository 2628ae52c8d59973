using System.Globalization;

namespace Gongkai.Domain.AnnualReports.Rules;

/// <summary>Rules between a report and the same agency's report of the year before (R7, R9; warnings).</summary>
internal static class CrossYear
{
    public static IEnumerable<Finding> Check(AnnualReport report, AnnualReport previous)
    {
        if (report.Year is { } year && previous.Year is { } previousYear && previousYear != year - 1)
        {
            yield return Finding.Warning(RuleIds.R7, $"用于对比的上一年度报告是{previousYear.ToString(CultureInfo.InvariantCulture)}年的，不是{(year - 1).ToString(CultureInfo.InvariantCulture)}年的");
        }

        foreach (var column in report.Layout.Requests.Columns)
        {
            var carriedIn = CellKey.Requests("carriedIn", column.Key);
            var carriedOut = CellKey.Requests("carriedOut", column.Key);
            var thisYear = ValueOrBlank(report, carriedIn);
            var lastYear = ValueOrBlank(previous, carriedOut);
            if (thisYear is { } a && lastYear is { } b && a != b)
            {
                yield return Finding.Warning(
                    RuleIds.R7,
                    $"{column.Label}列：本年“上年结转”（{SumRule.Format(a)}）不等于上一年度“结转下年度继续办理”（{SumRule.Format(b)}）",
                    carriedIn);
            }
        }

        // R9: in the 2019 format, last year's 上一年项目数量 + 本年增/减 is this year's 上一年项目数量.
        if (report.Format != ReportFormat.V2019 || previous.Format != ReportFormat.V2019)
        {
            yield break;
        }

        foreach (var cell in report.Layout.Cells.Where(c => c.Table.Section == 2 && c.Column.Key == "previous"))
        {
            var changeKey = CellKey.Of(cell.Row, cell.Table.Columns.Single(c => c.Key == "change"));
            if (report.Value(cell.Key) is { } now && previous.Value(cell.Key) is { } before && previous.Value(changeKey) is { } change && before + change != now)
            {
                yield return Finding.Warning(
                    RuleIds.R9,
                    $"{ConsistencyRules.CellLabel(cell)}（{SumRule.Format(now)}）不等于上一年度的上一年项目数量加本年增/减（{SumRule.Format(before + change)}）",
                    cell.Key);
            }
        }
    }

    private static decimal? ValueOrBlank(AnnualReport report, CellKey key) =>
        report.Value(key) ?? (report.Blanks.Contains(key) ? 0 : null);
}
