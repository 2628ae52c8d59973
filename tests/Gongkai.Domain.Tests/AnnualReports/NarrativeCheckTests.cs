using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Domain.Tests.AnnualReports;

public sealed class NarrativeCheckTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("38", 38)]
    [InlineData("零", 0)]
    [InlineData("一", 1)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("一百零五", 105)]
    public void ParseCount_DigitsAndChineseNumerals(string text, int expected) =>
        Assert.Equal(expected, NarrativeCheck.ParseCount(text));

    [Fact]
    public void ParseCount_NotANumber_Null() => Assert.Null(NarrativeCheck.ParseCount("件"));
}

/// <summary>R8 compares only counts the sentence ties to applications (annual-report-format.md §9).</summary>
public sealed class NarrativeApplicationCountTests
{
    private static readonly string Received = CellKey.Requests("received", "total");

    private static List<Finding> Check(string overview, decimal receivedTotal) =>
    [
        .. NarrativeCheck.Check(new AnnualReport(
            ReportFormat.V2021,
            "某某区人民政府",
            2024,
            new Dictionary<string, decimal> { [Received] = receivedTotal },
            new HashSet<string>(),
            new Dictionary<string, string> { [CellKey.Overview] = overview })),
    ];

    [Theory]
    [InlineData("2024年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。", 95)]
    [InlineData("2025年，全区共收到政府信息公开申请154件，共办结148件。", 150)]
    [InlineData("本年度全区共收到70件申请，及时依法依规办结69件。", 71)]
    [InlineData("2020年我办新收政府信息公开申请数量1件，申请人的类别为自然人。", 3)]
    [InlineData("全年共接收依申请公开申请十二件。", 13)]
    public void Check_ApplicationCountDiffersFromTable_Warning(string overview, int table)
    {
        var finding = Assert.Single(Check(overview, table));

        Assert.Equal(RuleIds.R8, finding.Rule);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([Received], finding.Cells);
    }

    [Theory]
    [InlineData("2024年，全市共受理政府信息公开申请 3119 件，答复 3050 件。", 3119)]
    [InlineData("本年度全区共收到70件申请，及时依法依规办结69件。", 70)]
    [InlineData("栏目全年收到群众诉求348件，办结率100%。", 95)]
    [InlineData("受理热线电话来电1200件。", 95)]
    [InlineData("全年收到行政复议申请3件。", 95)]
    [InlineData("坚持第一时间登记受理、第一时间转送承办单位和第一时间回复申请的“三个一”工作机制。", 70)]
    [InlineData("收到申请人补正材料5件。", 95)]
    public void Check_SameCountOrNotAnApplicationCount_Nothing(string overview, int table) =>
        Assert.Empty(Check(overview, table));
}
