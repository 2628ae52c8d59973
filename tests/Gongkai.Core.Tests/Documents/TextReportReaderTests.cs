using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Tests.Documents;

/// <summary>How plain text is cut into paragraphs and table cells: the forms of annual-report-format.md §9.</summary>
public sealed class TextReportReaderTests
{
    private static readonly string[] StateSecretRow = ["1.属于国家秘密", "0", "12", "0", "0", "0", "1,234", "1246"];

    private static List<string> Texts(List<ReportToken> tokens) => [.. tokens.Select(t => t.Text)];

    [Theory]
    [InlineData("1.属于国家秘密\t0\t12\t0\t0\t0\t1,234\t1246")]
    [InlineData("1.属于国家秘密  0  12  0  0  0  1,234  1246")]
    [InlineData("1.属于国家秘密    0   12\u3000\u30000  0  0  1,234\u00A0\u00A01246")]
    [InlineData("1.属于国家秘密 | 0 | 12 | 0 | 0 | 0 | 1,234 | 1246")]
    [InlineData("| 1.属于国家秘密 | 0 | 12 | 0 | 0 | 0 | 1,234 | 1246 |")]
    [InlineData("|1.属于国家秘密|0|12|0|0|0|1,234|1246|")]
    [InlineData("｜1.属于国家秘密｜0｜12｜0｜0｜0｜1,234｜1246｜")]
    [InlineData("  1.属于国家秘密  0  12  0  0  0  1,234  1246  ")]
    public void Read_OneRowALine_CellsOfTheRow(string line)
    {
        var tokens = TextReportReader.Read(line + "\n");

        Assert.Equal(StateSecretRow, Texts(tokens));
        Assert.All(tokens, t => Assert.Equal(TokenKind.Cell, t.Kind));
        Assert.Equal([true, false, false, false, false, false, false, false], tokens.Select(t => t.StartsRow));
    }

    [Fact]
    public void Read_MarkdownTable_RuleLineSkippedEachRowStartsARow()
    {
        var tokens = TextReportReader.Read("| 信息内容 | 本年处理决定数量 |\n|---|:---:|\n| 行政许可 | 447228 |\n| 行政处罚 | -18 |\n");

        Assert.Equal(["信息内容", "本年处理决定数量", "行政许可", "447228", "行政处罚", "-18"], Texts(tokens));
        Assert.Equal([true, false, true, false, true, false], tokens.Select(t => t.StartsRow));
    }

    [Fact]
    public void Read_PipeRowWithEmptyCell_BlankCellKeptOuterPipesNot()
    {
        var tokens = TextReportReader.Read("| 行政复议 | 1 |  | 3 | |\n");

        Assert.Equal(["行政复议", "1", "", "3", ""], Texts(tokens));
    }

    [Fact]
    public void Read_NumbersOnePerLine_ContinueTheRowOfTheLabelAbove()
    {
        var tokens = TextReportReader.Read("二、上年结转政府信息公开申请数量\n3\n0\n-\n1，234\n（一）予以公开\n5\n");

        Assert.Equal(
            [(TokenKind.Paragraph, true), (TokenKind.Cell, true), (TokenKind.Cell, false), (TokenKind.Cell, false), (TokenKind.Cell, false),
             (TokenKind.Paragraph, true), (TokenKind.Cell, true)],
            tokens.Select(t => (t.Kind, t.StartsRow)));
        Assert.Equal("1，234", tokens[4].Text);
    }

    [Theory]
    [InlineData("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。  本报告的电子版可在门户网站下载。")]
    [InlineData("平潭综合实验区管理委员会  2022年1月20日")]
    [InlineData("一、总体情况")]
    [InlineData("2021年，我区收到申请70件，办结69件。")]
    public void Read_RunningText_StaysAParagraph(string line)
    {
        var token = Assert.Single(TextReportReader.Read(line + "\n"));

        Assert.Equal(TokenKind.Paragraph, token.Kind);
        Assert.Equal(line, token.Text);
    }

    [Fact]
    public void Read_HeaderRowBySpaces_ShortLabelsAreCells()
    {
        var tokens = TextReportReader.Read("信息内容  本年制发件数  本年废止件数  现行有效件数\n");

        Assert.Equal(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], Texts(tokens));
        Assert.All(tokens, t => Assert.Equal(TokenKind.Cell, t.Kind));
    }

    [Fact]
    public void Read_WordCellLines_OneRowUntilTheBlankLine()
    {
        var tokens = TextReportReader.Read("\t行政许可\n\t1\n\t减4\n\n\t行政处罚\n\t\n");

        Assert.Equal(["行政许可", "1", "减4", "行政处罚", ""], Texts(tokens));
        Assert.Equal([true, false, false, true, false], tokens.Select(t => t.StartsRow));
        Assert.Equal([1, 2, 3, 5, 6], tokens.Select(t => t.Line));
    }

    [Fact]
    public void Parse_SeedWithSeparatorsNegativeAndSixDecimals_ValuesAsPrinted()
    {
        var report = new SeedCopy()
            .Cell(SeedCopy.LicensingPrevious, "1,234")
            .Cell(SeedCopy.LicensingChange, "-18")
            .Cell(SeedCopy.ProcurementAmount, "24252.311082")
            .Parse().Report;

        Assert.Equal(1234m, report.Values["article20.licensing.previous"]);
        Assert.Equal(-18m, report.Values["article20.licensing.change"]);
        Assert.Equal("24252.311082", report.Values["article20.procurement.amount"].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
