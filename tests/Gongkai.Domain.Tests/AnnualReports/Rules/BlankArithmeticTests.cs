using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Domain.Tests.AnnualReports.Rules;

/// <summary>
/// annual-report-format.md §5 “Blanks in the arithmetic rules”: R1–R4 read a blank cell as 0, so a blank 总计 beside
/// numbers breaks its sum (error) and R5 still names the blanks; a table printed without any number is one P1 error.
/// </summary>
public sealed class BlankArithmeticTests
{
    private static readonly ReportLayout Layout = ReportLayouts.V2021;

    /// <summary>
    /// A consistent 2021 report: 805 applications of natural persons received, 800 disclosed and 5 carried over; then
    /// the cells of <paramref name="blank"/> printed blank instead of their numbers.
    /// </summary>
    private static AnnualReport Report(Func<CellSpec, bool> blank)
    {
        var values = Layout.Cells.ToDictionary(c => c.Key.ToString(), _ => 0m, StringComparer.Ordinal);
        foreach (var row in new[] { "received", "disclosed", "total", "carriedOut" })
        {
            var count = row switch { "disclosed" or "total" => 800m, "carriedOut" => 5m, _ => 805m };
            values[$"requests.{row}.naturalPerson"] = count;
            values[$"requests.{row}.total"] = count;
        }

        var blanks = Layout.Cells.Where(blank).Select(c => c.Key.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var key in blanks)
        {
            values.Remove(key);
        }

        return new AnnualReport(ReportFormat.V2021, "示例区数据局", 2024, values, blanks, new Dictionary<string, string>());
    }

    private static bool IsOutcomeLeaf(CellSpec cell) => ConsistencyRules.OutcomeLeaves(Layout).Contains(cell.Row);

    [Fact]
    public void Check_ConsistentReport_NoFinding() =>
        Assert.Empty(ConsistencyRules.Check(Report(_ => false)));

    [Fact]
    public void Check_TotalColumnBlankForOutcomeRowsBesideTotal805_R2AndR3Errors()
    {
        // The example: the 总计 column of the outcome rows left blank, （七）总计 总计 printed.
        var findings = ConsistencyRules.Check(Report(c => IsOutcomeLeaf(c) && c.Column.Key == "total"));

        var r2 = Assert.Single(findings, f => f.Rule == RuleIds.R2);
        Assert.Equal(Severity.Error, r2.Severity);
        Assert.Equal("总计列：（七）总计（800）不等于各项办理结果之和（0）", r2.Message);
        var r3 = Assert.Single(findings, f => f.Rule == RuleIds.R3);
        Assert.Equal("「（一）予以公开」行：总计（0）不等于各类申请人之和（800）", r3.Message);
        var r5 = Assert.Single(findings, f => f.Rule == RuleIds.R5);
        Assert.Equal(Severity.Warning, r5.Severity);
        Assert.Equal(21, r5.Cells.Count);
        Assert.DoesNotContain(findings, f => f.Rule == RuleIds.R1);
    }

    [Fact]
    public void Check_RowTotalBlankBesideApplicantNumbers_R3Error()
    {
        var findings = ConsistencyRules.Check(Report(c => c.Key == CellKey.Requests("carriedOut", "total")));

        var r3 = Assert.Single(findings, f => f.Rule == RuleIds.R3);
        Assert.Equal(Severity.Error, r3.Severity);
        Assert.Equal("「四、结转下年度继续办理」行：总计（0）不等于各类申请人之和（5）", r3.Message);
        Assert.Equal("requests.carriedOut.total", r3.Cells[0]);
        Assert.Contains(findings, f => f.Rule == RuleIds.R1 && f.Message.StartsWith("总计列", StringComparison.Ordinal));
        Assert.Equal(["requests.carriedOut.total"], Assert.Single(findings, f => f.Rule == RuleIds.R5).Cells);
    }

    [Fact]
    public void Check_BlanksWhereZerosBelong_OnlyTheR5Warning()
    {
        var findings = ConsistencyRules.Check(Report(c => c.Table == Layout.Requests && c.Column.Key == "commercialEnterprise"));

        var r5 = Assert.Single(findings);
        Assert.Equal((RuleIds.R5, Severity.Warning), (r5.Rule, r5.Severity));
    }

    [Fact]
    public void Check_AppealsTotalBlankBesideResults_R4Error()
    {
        var values = Report(_ => false).Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        values["appeals.reconsideration.upheld"] = 2;
        values.Remove("appeals.reconsideration.total");
        var report = new AnnualReport(ReportFormat.V2021, null, 2024, values, new HashSet<string>(StringComparer.Ordinal) { "appeals.reconsideration.total" }, new Dictionary<string, string>());

        var r4 = Assert.Single(ConsistencyRules.Check(report), f => f.Rule == RuleIds.R4);
        Assert.Equal("行政复议：总计（0）不等于结果维持、结果纠正、其他结果、尚未审结之和（2）", r4.Message);
    }

    [Fact]
    public void Check_RequestsTablePrintedWithoutAnyNumber_OneP1ErrorNoArithmetic()
    {
        var findings = ConsistencyRules.Check(Report(c => c.Table == Layout.Requests));

        var p1 = Assert.Single(findings, f => f.Severity == Severity.Error);
        Assert.Equal(RuleIds.P1, p1.Rule);
        Assert.Equal("表格「三、收到和处理政府信息公开申请情况」未填写任何数值", p1.Message);
        Assert.Equal(Layout.Cells.Count(c => c.Table == Layout.Requests), p1.Cells.Count);
        Assert.Contains(findings, f => f.Rule == RuleIds.R5 && f.Severity == Severity.Warning);
    }

    [Fact]
    public void Check_AppealsTablePrintedWithoutAnyNumber_OneP1Error()
    {
        var findings = ConsistencyRules.Check(Report(c => c.Table == Layout.Appeals));

        var p1 = Assert.Single(findings, f => f.Severity == Severity.Error);
        Assert.Equal(RuleIds.P1, p1.Rule);
        Assert.Equal(15, p1.Cells.Count);
    }

    [Fact]
    public void Check_TotalCellMissing_SumsWithItUnchecked()
    {
        // A cell the reading could not find (not printed blank) leaves its sums to the reading's own finding.
        var values = Report(_ => false).Values.Where(v => v.Key != "requests.total.total").ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        values["requests.disclosed.total"] = 1;
        var report = new AnnualReport(ReportFormat.V2021, null, 2024, values, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>());

        var findings = ConsistencyRules.Check(report);

        Assert.DoesNotContain(findings, f => f.Rule == RuleIds.R2);
        Assert.Contains(findings, f => f.Rule == RuleIds.R3 && f.Cells[0] == "requests.disclosed.total");
    }
}
