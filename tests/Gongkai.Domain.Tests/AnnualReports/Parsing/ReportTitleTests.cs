using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Domain.Tests.AnnualReports.Parsing;

/// <summary>Titles as real reports print them (annual-report-format.md §9), one line per token.</summary>
public sealed class ReportTitleTests
{
    private static List<ReportToken> Lines(params string[] lines) => [.. lines.Select((l, i) => ReportToken.Paragraph(l, i + 1))];

    [Theory]
    [InlineData("上海市人民政府办公厅", 2019, "2019年上海市人民政府办公厅政府信息公开工作年度报告")]
    [InlineData("上海市人民政府办公厅", 2019, "2019年度上海市人民政府办公厅政府信息公开工作年度报告")]
    [InlineData("某某市交通运输局", 2020, "某某市交通运输局2020年政府信息公开工作年度报告")]
    [InlineData("平潭综合实验区", 2021, "平潭综合实验区2021年度政府信息公开工作年度报告")]
    [InlineData("上海市人民政府办公厅", 2019, "2019年上海市人民政府办公厅", "政府信息公开工作年度报告")]
    [InlineData("某某市交通运输局", 2020, "某某市交通运输局2020年政府信息公开工作", "年度报告")]
    [InlineData("淮安市人民政府", 2024, "淮安市人民政府", "2024 年政府信息公开工作年度报告")]
    public void Read_TitleYearFirstOrLastOnOneOrMoreLines_AgencyAndYear(string agency, int year, params string[] title)
    {
        var tokens = Lines([.. title, "一、总体情况", "本年度……"]);

        var (readAgency, readYear, index) = ReportTitle.Read(tokens, tokens.Count);

        Assert.Equal(agency, readAgency);
        Assert.Equal(year, readYear);
        Assert.True(index >= 0);
    }

    [Fact]
    public void Read_NoTitle_YearFromPeriodAgencyFromSignature()
    {
        var tokens = Lines(
            "本报告所列数据统计期限为2025年1月1日至2025年12月31日。",
            "一、总体情况",
            "2025年，全区共收到政府信息公开申请154件。",
            "六、其他需要报告的事项",
            "无。",
            "平潭综合实验区管委会办公室",
            "2026年1月20日",
            "-5-");

        var (agency, year, index) = ReportTitle.Read(tokens, 1);

        Assert.Equal("平潭综合实验区管委会办公室", agency);
        Assert.Equal(2025, year);
        Assert.Equal(-1, index);
    }

    [Fact]
    public void Read_NoTitleNoPeriodNoSignature_Unknown()
    {
        var tokens = Lines("一、总体情况", "2025年，全区共收到政府信息公开申请154件。", "六、其他需要报告的事项", "无。");

        Assert.Equal((null, null, -1), ReportTitle.Read(tokens, 0));
    }

    [Fact]
    public void Parse_TitleFromPeriodAndSignature_NoTitleWarning()
    {
        var tokens = Lines("本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。", "一、总体情况", "无。", "某某区人民政府办公室", "2025年1月20日");

        var parsed = ReportParser.Parse(tokens);

        Assert.Equal("某某区人民政府办公室", parsed.Report.Agency);
        Assert.Equal(2024, parsed.Report.Year);
        Assert.DoesNotContain(parsed.Findings, f => f.Message.Contains("未找到报告标题", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoTitleAtAll_TitleWarningNamesBoth()
    {
        var parsed = ReportParser.Parse(Lines("一、总体情况", "无。"));

        Assert.Contains(parsed.Findings, f => f.Rule == RuleIds.P1 && f.Message.EndsWith("无法确定机关名称和年度", StringComparison.Ordinal));
    }
}
