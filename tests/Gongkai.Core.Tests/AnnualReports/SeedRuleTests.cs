using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>One test per rule: break it on a copy of the seed, assert the finding names the rule and the cells.</summary>
public sealed class SeedRuleTests
{
    private static Finding Single(CheckedReport report, string rule) =>
        Assert.Single(report.Findings, f => f.Rule == rule);

    [Fact]
    public void R1_ReceivedNaturalPersonTwo_BreaksColumnSumAndRowTotal()
    {
        var report = new SeedCopy().Cell(SeedCopy.ReceivedNaturalPerson, "2").Check();

        var r1 = Single(report, "R1");
        Assert.Equal(Severity.Error, r1.Severity);
        Assert.Equal("自然人列：第一项加第二项之和（2）不等于第三项加第四项之和（1）", r1.Message);
        Assert.Contains("requests.received.naturalPerson", r1.Cells);
        Assert.Contains("requests.total.naturalPerson", r1.Cells);
        var r3 = Single(report, "R3");
        Assert.Equal("「一、本年新收政府信息公开申请数量」行：总计（1）不等于各类申请人之和（2）", r3.Message);
        Assert.Contains("requests.received.total", r3.Cells);
        Assert.Equal(2, report.ErrorCount);
    }

    [Fact]
    public void R2_OutcomeRowsExceedTotal_Error()
    {
        var report = new SeedCopy()
            .Cell(SeedCopy.DisclosedNaturalPerson, "2")
            .Cell(SeedCopy.DisclosedTotal, "2")
            .Check();

        Assert.Equal(2, report.Findings.Count(f => f.Rule == "R2"));
        var r2 = Assert.Single(report.Findings, f => f.Rule == "R2" && f.Cells[0] == "requests.total.naturalPerson");
        Assert.Equal("自然人列：（七）总计（1）不等于各项办理结果之和（2）", r2.Message);
        Assert.Equal(20, r2.Cells.Count); // 总计 + the 19 leaf outcome rows of 2019
        Assert.DoesNotContain(report.Findings, f => f.Rule is "R1" or "R3");
    }

    [Fact]
    public void R3_RowTotalNotTheSumOfApplicants_Error()
    {
        var report = new SeedCopy().Cell(SeedCopy.ReceivedTotal, "3").Check();

        var r3 = Single(report, "R3");
        Assert.Equal("「一、本年新收政府信息公开申请数量」行：总计（3）不等于各类申请人之和（1）", r3.Message);
        Assert.Equal("requests.received.total", r3.Cells[0]);
    }

    [Fact]
    public void R4_ReconsiderationTotalNotTheSumOfResults_Error()
    {
        var report = new SeedCopy().Cell(SeedCopy.ReconsiderationTotal, "1").Check();

        var r4 = Single(report, "R4");
        Assert.Equal(Severity.Error, r4.Severity);
        Assert.Equal("行政复议：总计（1）不等于结果维持、结果纠正、其他结果、尚未审结之和（0）", r4.Message);
        Assert.Equal(["appeals.reconsideration.total", "appeals.reconsideration.upheld", "appeals.reconsideration.corrected", "appeals.reconsideration.other",
            "appeals.reconsideration.pending"], r4.Cells);
        Assert.Single(report.Findings);
    }

    [Fact]
    public void R5_BlankCell_WarningAndNotZero()
    {
        var report = new SeedCopy().Cell(SeedCopy.ReceivedCommercialEnterprise, "").Check();

        var r5 = Single(report, "R5");
        Assert.Equal(Severity.Warning, r5.Severity);
        Assert.Equal(["requests.received.commercialEnterprise"], r5.Cells);
        Assert.Contains("requests.received.commercialEnterprise", report.Report.Blanks);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void R5_NegativeCount_Error()
    {
        var report = new SeedCopy().Cell(SeedCopy.ReconsiderationTotal, "-1").Check();

        Assert.Contains(report.Findings, f => f.Rule == "R5" && f.Severity == Severity.Error && f.Cells.Contains("appeals.reconsideration.total"));
    }

    [Fact]
    public void R6_PartlyDisclosedCountedTwice_Error()
    {
        // One application handled by 区分处理, counted under both 予以公开 and 部分公开.
        var report = new SeedCopy()
            .Cell(SeedCopy.PartlyDisclosedNaturalPerson, "1")
            .Cell(SeedCopy.PartlyDisclosedTotal, "1")
            .Check();

        var r6 = Assert.Single(report.Findings, f => f.Rule == "R6" && f.Cells[0] == "requests.partlyDisclosed.naturalPerson");
        Assert.Equal(Severity.Error, r6.Severity);
        Assert.Contains("部分公开的申请（1件）只应计入（二）部分公开", r6.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R7_LastYearCarriedOutDiffers_Warning()
    {
        var previous = new SeedCopy()
            .Replace(SeedCopy.Title, "2020年", "2019年")
            .Cell(SeedCopy.CarriedOutNaturalPerson, "1")
            .Parse().Report;

        var report = new SeedCopy().Check(previous);

        var r7 = Single(report, "R7");
        Assert.Equal(Severity.Warning, r7.Severity);
        Assert.Equal("自然人列：本年“上年结转”（0）不等于上一年度“结转下年度继续办理”（1）", r7.Message);
        Assert.Equal(["requests.carriedIn.naturalPerson"], r7.Cells);
    }

    [Fact]
    public void R7_PreviousReportOfAnotherYear_Warning()
    {
        var previous = new SeedCopy().Replace(SeedCopy.Title, "2020年", "2017年").Parse().Report;

        var report = new SeedCopy().Check(previous);

        Assert.Contains(report.Findings, f => f.Rule == "R7" && f.Message.Contains("2017年", StringComparison.Ordinal));
    }

    [Fact]
    public void R8_OverviewCountContradictsTable_Warning()
    {
        var report = new SeedCopy().Replace(SeedCopy.Overview, "申请数量1件", "申请数量3件").Check();

        var r8 = Single(report, "R8");
        Assert.Equal(Severity.Warning, r8.Severity);
        Assert.Equal(["requests.received.total"], r8.Cells);
        Assert.Contains("表格中为1", r8.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R8_OverviewCarriedInContradictsTable_Warning()
    {
        var report = new SeedCopy().Replace(SeedCopy.Overview, "上年结转政府信息公开申请数量0件", "上年结转政府信息公开申请数量两件").Check();

        Assert.Equal(["requests.carriedIn.total"], Single(report, "R8").Cells);
    }

    [Fact]
    public void R9_LastYearsItemsPlusChangeDiffer_Warning()
    {
        var previous = new SeedCopy()
            .Replace(SeedCopy.Title, "2020年", "2019年")
            .Cell(SeedCopy.LicensingPrevious, "5")
            .Cell(SeedCopy.LicensingChange, "减1")
            .Parse().Report;

        var report = new SeedCopy().Check(previous);

        var r9 = Single(report, "R9");
        Assert.Equal(["article20.licensing.previous"], r9.Cells);
        Assert.Contains("（4）", r9.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P1_TableFourRemoved_Error()
    {
        // Lines 380–427: heading 四 and its table.
        var report = new SeedCopy().RemoveLines(380, 427).Check();

        var p1 = Assert.Single(report.Findings, f => f.Rule == "P1" && f.Severity == Severity.Error);
        Assert.Equal("缺少「四、政府信息公开行政复议、行政诉讼情况」部分的表格", p1.Message);
        Assert.Equal(15, p1.Cells.Count);
        Assert.Single(report.Findings);
    }

    [Fact]
    public void P2_UnknownRowLabel_Warning()
    {
        var report = new SeedCopy().InsertLines(49, "\t其他主动公开文件", "\t3", "\t0", "\t0", "").Check();

        var p2 = Single(report, "P2");
        Assert.Contains("其他主动公开文件", p2.Message, StringComparison.Ordinal);
        Assert.Contains("第49行", p2.Message, StringComparison.Ordinal);
        Assert.Equal(0m, report.Report.Values["article20.licensing.previous"]);
    }

    [Fact]
    public void P3_UnreadableCell_ErrorNamingTheCellAndLine()
    {
        var report = new SeedCopy().Cell(SeedCopy.ReceivedCommercialEnterprise, "若干").Check();

        var p3 = Single(report, "P3");
        Assert.Equal(Severity.Error, p3.Severity);
        Assert.Equal(["requests.received.commercialEnterprise"], p3.Cells);
        Assert.Contains("若干", p3.Message, StringComparison.Ordinal);
        Assert.Contains("第132行", p3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P4_AmountInYuan_ReadAsTenThousandsWithWarning()
    {
        var report = new SeedCopy().Cell(SeedCopy.ProcurementAmount, "251000元").Check();

        var p4 = Single(report, "P4");
        Assert.Equal(Severity.Warning, p4.Severity);
        Assert.Equal(25.1m, report.Report.Values["article20.procurement.amount"]);
        Assert.Contains("25.1万元", p4.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P4_AmountWithoutTheFourDecimalsTheLabelAsks_Warning()
    {
        var report = new SeedCopy().Cell(SeedCopy.ProcurementAmount, "0.595").Check();

        Assert.Contains("四位小数", Single(report, "P4").Message, StringComparison.Ordinal);
    }
}
