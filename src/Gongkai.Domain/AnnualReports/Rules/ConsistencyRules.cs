using System.Globalization;
using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Domain.AnnualReports.Rules;

/// <summary>
/// The consistency rules of spec/annual-report-format.md §5 over the keys of a <see cref="ReportLayout"/>:
/// R1–R4 and R6 are errors, R5 blanks and R7–R9 are warnings.
/// </summary>
public static class ConsistencyRules
{
    private static readonly IReadOnlyList<SumRule> SumRulesV2019 = BuildSumRules(ReportLayouts.V2019);
    private static readonly IReadOnlyList<SumRule> SumRulesV2021 = BuildSumRules(ReportLayouts.V2021);

    /// <summary>A 2021 report whose table 三 keeps the 2019 single row （六）其他处理 (annual-report-format.md §9).</summary>
    private static readonly IReadOnlyList<SumRule> SumRulesV2021SingleOther = BuildSumRules(ReportLayouts.V2021, singleOther: true);

    /// <summary>R1–R4 of a format, as data.</summary>
    public static IReadOnlyList<SumRule> SumRules(ReportFormat format) => format == ReportFormat.V2019 ? SumRulesV2019 : SumRulesV2021;

    /// <summary>R1–R4 for one report: a 2021 report printing （六）其他处理 as one row is checked with that row in place of its three.</summary>
    public static IReadOnlyList<SumRule> SumRules(AnnualReport report) =>
        SingleOtherRow.IsIn(report) ? SumRulesV2021SingleOther : SumRules(report.Format);

    /// <summary>Every rule on one report; <paramref name="previous"/> (last year's report) enables R7 and R9.</summary>
    public static IReadOnlyList<Finding> Check(AnnualReport report, AnnualReport? previous = null)
    {
        var findings = new List<Finding>();
        findings.AddRange(CheckValues(report));
        // An unfilled table is this one finding: its sums of blanks are all 0 = 0.
        findings.AddRange(UnfilledTables(report).Select(t => Finding.Error(
            RuleIds.P1, $"表格「{t.Title ?? report.Layout.Sections[t.Section - 1].Title}」未填写任何数值", [.. t.CellKeys.Select(k => k.ToString())])));
        foreach (var rule in SumRules(report))
        {
            if (rule.Check(report) is { } finding)
            {
                findings.Add(finding);
            }
        }

        findings.AddRange(CheckPartlyDisclosed(report));
        if (previous is not null)
        {
            findings.AddRange(CrossYear.Check(report, previous));
        }

        findings.AddRange(NarrativeCheck.Check(report));
        return findings;
    }

    /// <summary>
    /// Tables 三 and 四 printed with every cell blank (some agencies publish the empty form): §5 makes that a missing
    /// table (P1), not a table of zeros. A table with no cells at all is the reader's P1.
    /// </summary>
    private static List<TableSpec> UnfilledTables(AnnualReport report) =>
    [
        .. new[] { report.Layout.Requests, report.Layout.Appeals }.Where(table =>
            table.CellKeys.Any(k => report.Blanks.Contains(k)) && !table.CellKeys.Any(k => report.Values.ContainsKey(k))),
    ];

    /// <summary>The leaf outcome rows of 三（一）to（六） (19 in 2019, 21 in 2021), whose sum is （七）总计.</summary>
    public static IReadOnlyList<RowPath> OutcomeLeaves(ReportLayout layout) =>
        [.. layout.Requests.DataRows.Where(r => r.Depth > 1 && r.Row.HasCells && r.Row.Key != "total")];

    private static List<SumRule> BuildSumRules(ReportLayout layout, bool singleOther = false)
    {
        var rules = new List<SumRule>();
        var requests = layout.Requests;
        var leaves = OutcomeLeaves(layout);
        var rows = requests.DataRows.Where(r => r.Row.HasCells).ToList();
        if (singleOther)
        {
            // The 2019 row takes the place of the 2021 group's three leaves, in R2's sum and as a row of R3.
            leaves = [.. leaves.Where(l => !SingleOtherRow.Replaces(l)), SingleOtherRow.Row];
            rows = [.. rows.Where(r => !SingleOtherRow.Replaces(r)), SingleOtherRow.Row];
        }
        foreach (var column in requests.Columns)
        {
            rules.Add(new SumRule(
                RuleIds.R1,
                [CellKey.Requests("received", column.Key), CellKey.Requests("carriedIn", column.Key)],
                [CellKey.Requests("total", column.Key), CellKey.Requests("carriedOut", column.Key)],
                column.Label + "列：第一项加第二项之和（{0}）不等于第三项加第四项之和（{1}）"));
        }

        foreach (var column in requests.Columns)
        {
            rules.Add(new SumRule(
                RuleIds.R2,
                [CellKey.Requests("total", column.Key)],
                [.. leaves.Select(l => CellKey.Of(l, column))],
                column.Label + "列：（七）总计（{0}）不等于各项办理结果之和（{1}）"));
        }

        var total = requests.Columns.Single(c => c.Key == "total");
        var applicants = requests.Columns.Where(c => c != total).ToList();
        foreach (var row in rows)
        {
            rules.Add(new SumRule(
                RuleIds.R3,
                [CellKey.Of(row, total)],
                [.. applicants.Select(c => CellKey.Of(row, c))],
                "「" + RowLabel(row) + "」行：总计（{0}）不等于各类申请人之和（{1}）"));
        }

        var appealsTotal = layout.Appeals.Columns.Single(c => c.Key == "total");
        foreach (var kind in layout.Appeals.DataRows)
        {
            rules.Add(new SumRule(
                RuleIds.R4,
                [CellKey.Of(kind, appealsTotal)],
                [.. layout.Appeals.Columns.Where(c => c != appealsTotal).Select(c => CellKey.Of(kind, c))],
                kind.Row.Label + "：总计（{0}）不等于结果维持、结果纠正、其他结果、尚未审结之和（{1}）"));
        }

        return rules;
    }

    /// <summary>A row's label with its group's, as a reader finds it: （三）不予公开 1.属于国家秘密.</summary>
    public static string RowLabel(RowPath row) =>
        row.Parent is { Row.Key.Length: > 0 } parent ? parent.Row.Label + " " + row.Row.Label : row.Row.Label;

    /// <summary>R5: cells of 三 and 四 (and counts of 二) are non-negative whole numbers; blanks should be 0.</summary>
    private static IEnumerable<Finding> CheckValues(AnnualReport report)
    {
        var blanks = new List<CellSpec>();
        // A mixed layout's single row stands for the 2021 sub-rows; any other report names its own cells.
        var mixed = SingleOtherRow.IsIn(report);
        var single = mixed ? ReportLayouts.V2019.Cells.Where(c => c.Row == SingleOtherRow.Row) : [];
        foreach (var cell in report.Layout.Cells.Where(c => !mixed || !SingleOtherRow.Replaces(c.Row)).Concat(single))
        {
            if (report.Blanks.Contains(cell.Key) && cell.Table.Section != 2)
            {
                blanks.Add(cell);
            }

            if (cell.Kind == CellKind.Count && report.Values.TryGetValue(cell.Key, out var value) && (value < 0 || value != decimal.Truncate(value)))
            {
                yield return Finding.Error(RuleIds.R5, $"{CellLabel(cell)}应为非负整数，实为{SumRule.Format(value)}", cell.Key);
            }
        }

        if (blanks.Count > 0)
        {
            var first = CellLabel(blanks[0]);
            var more = blanks.Count > 1 ? $"等{blanks.Count.ToString(CultureInfo.InvariantCulture)}个单元格" : "";
            yield return Finding.Warning(RuleIds.R5, $"{first}{more}为空，应填0", [.. blanks.Select(b => b.Key.ToString())]);
        }
    }

    /// <summary>A cell as a person names it: 「（三）不予公开 1.属于国家秘密」行「自然人」列.</summary>
    public static string CellLabel(CellSpec cell) =>
        cell.Table.Shape == TableShape.SingleValueRow
            ? $"「{cell.Row.Row.Label}·{cell.Column.Label}」"
            : $"「{(cell.Table.Title is { } t ? t + " " : "")}{RowLabel(cell.Row)}」行「{cell.Column.Label}」列";

    /// <summary>
    /// R6 (条例-based format note on 部分公开: 区分处理的，只计这一情形): an application handled by 区分处理 counted
    /// again under （三）–（六） makes the outcome rows exceed （七）总计 by no more than the 部分公开 count.
    /// </summary>
    private static IEnumerable<Finding> CheckPartlyDisclosed(AnnualReport report)
    {
        var leaves = OutcomeLeaves(report.Layout);
        foreach (var column in report.Layout.Requests.Columns)
        {
            var partlyKey = CellKey.Requests("partlyDisclosed", column.Key);
            var totalKey = CellKey.Requests("total", column.Key);
            var partly = report.Value(partlyKey) ?? 0;
            var total = report.Value(totalKey);
            if (partly <= 0 || total is null)
            {
                continue;
            }

            var sum = leaves.Sum(l => report.Value(CellKey.Of(l, column)) ?? 0);
            var excess = sum - total.Value;
            if (excess > 0 && excess <= partly)
            {
                yield return Finding.Error(
                    RuleIds.R6,
                    $"{column.Label}列：各项办理结果之和（{SumRule.Format(sum)}）比（七）总计（{SumRule.Format(total.Value)}）多{SumRule.Format(excess)}件，" +
                    $"部分公开的申请（{SumRule.Format(partly)}件）只应计入（二）部分公开，不应再计入其他办理结果",
                    [partlyKey, totalKey]);
            }
        }
    }
}
