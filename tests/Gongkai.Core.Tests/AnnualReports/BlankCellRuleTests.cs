using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>
/// A cell printed “-” or empty in a published report counts as 0 in R1–R4 (annual-report-format.md §5), read from
/// text as <c>gongkai check</c> reads it: a blank 总计 beside a number is an error, a blank where 0 belongs is not.
/// </summary>
public sealed class BlankCellRuleTests
{
    [Theory]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("—")]
    public void Check_DisclosedTotalBlankBesideOneDisclosed_R2AndR3Errors(string blank)
    {
        var report = new SeedCopy().Cell(SeedCopy.DisclosedTotal, blank).Check();

        Assert.Contains("requests.disclosed.total", report.Report.Blanks);
        var r3 = Assert.Single(report.Findings, f => f.Rule == "R3");
        Assert.Equal("「（一）予以公开」行：总计（0）不等于各类申请人之和（1）", r3.Message);
        var r2 = Assert.Single(report.Findings, f => f.Rule == "R2");
        Assert.Equal("总计列：（七）总计（1）不等于各项办理结果之和（0）", r2.Message);
        Assert.Equal(["requests.disclosed.total"], Assert.Single(report.Findings, f => f.Rule == "R5").Cells);
        Assert.Equal(2, report.ErrorCount);
    }

    [Fact]
    public void Check_ZeroCellPrintedAsDash_OnlyTheR5Warning()
    {
        var report = new SeedCopy().Cell(SeedCopy.ReceivedCommercialEnterprise, "-").Check();

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("R5", Severity.Warning), (finding.Rule, finding.Severity));
    }
}
