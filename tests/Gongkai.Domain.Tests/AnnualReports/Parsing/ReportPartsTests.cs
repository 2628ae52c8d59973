using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Domain.Tests.AnnualReports.Parsing;

/// <summary>Where a file's further reports start (one file, one report — or each report in it).</summary>
public sealed class ReportPartsTests
{
    private const string Title = "某某区人民政府2024年政府信息公开工作年度报告";

    private static readonly ReportToken[] Report =
    [
        ReportToken.Paragraph(Title),
        ReportToken.Paragraph("一、总体情况"),
        ReportToken.Paragraph("全年收到政府信息公开申请1件。"),
        ReportToken.Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        new("0", TokenKind.Cell, true),
        new("0", TokenKind.Cell, false),
        ReportToken.Paragraph("五、存在的主要问题及改进情况"),
    ];

    [Fact]
    public void Starts_OneReport_Zero() => Assert.Equal([0], ReportParts.Starts(Report));

    [Fact]
    public void Starts_SecondTitleFollowedByOverview_SecondReport() =>
        Assert.Equal([0, Report.Length], ReportParts.Starts([.. Report, .. Report]));

    [Fact]
    public void Starts_SecondTitleStartingWithTheYear_StartsAtTheAgencyLineAboveButNotTheDate()
    {
        ReportToken[] second = [ReportToken.Paragraph("某某区人民政府"), ReportToken.Paragraph("2024 年政府信息公开工作年度报告"), .. Report[1..]];
        ReportToken[] signature = [ReportToken.Paragraph("某某区人民政府"), ReportToken.Paragraph("2025年1月20日")];

        Assert.Equal([0, Report.Length + 2], ReportParts.Starts([.. Report, .. signature, .. second]));
    }

    [Fact]
    public void Starts_TitleAsPageHeaderOrLinkAfterTheTables_OneReport()
    {
        ReportToken[] tokens = [.. Report[..5], ReportToken.Paragraph(Title), .. Report[5..], ReportToken.Paragraph("相关链接"), ReportToken.Paragraph(Title)];

        Assert.Equal([0], ReportParts.Starts(tokens));
    }

    [Fact]
    public void Starts_TitleBeforeTableFour_OneReport()
    {
        ReportToken[] tokens = [.. Report[..3], ReportToken.Paragraph(Title), ReportToken.Paragraph("一、总体情况"), .. Report[3..]];

        Assert.Equal([0], ReportParts.Starts(tokens));
    }
}
