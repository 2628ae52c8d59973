using System.Globalization;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.Article20;

namespace Gongkai.Domain.Tests.Article20;

public sealed class Article20CountsTests
{
    private static DateOnly? D(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RegulatoryItemFact Item(string formedOn, string? publishedOn = null, string? repealedOn = null, RegulatoryItemKind kind = RegulatoryItemKind.NormativeDocuments) =>
        new(kind, D(formedOn)!.Value, D(publishedOn), D(repealedOn));

    /// <summary>One 规范性文件 at a time: its dates, the year, and the three counts of the format's columns.</summary>
    [Theory]
    // 2019 format: made (formed in Y) / published (published in Y) / total (published by 31 Dec Y, not repealed by then).
    [InlineData(ReportFormat.V2019, "2020-12-31", "2020-12-31", null, 2020, 1, 1, 1)]
    [InlineData(ReportFormat.V2019, "2020-12-31", "2021-01-01", null, 2020, 1, 0, 0)]   // formed in 2020, published in 2021
    [InlineData(ReportFormat.V2019, "2020-12-31", "2021-01-01", null, 2021, 0, 1, 1)]
    [InlineData(ReportFormat.V2019, "2020-12-31", null, null, 2020, 1, 0, 0)]           // never published
    [InlineData(ReportFormat.V2019, "2019-03-01", "2019-03-05", null, 2020, 0, 0, 1)]   // still standing a year later
    [InlineData(ReportFormat.V2019, "2019-03-01", "2019-03-05", "2020-12-31", 2020, 0, 0, 0)] // repealed on 31 Dec
    [InlineData(ReportFormat.V2019, "2019-03-01", "2019-03-05", "2021-01-01", 2020, 0, 0, 1)] // repealed the next day
    [InlineData(ReportFormat.V2019, "2020-01-01", "2020-01-02", "2020-06-30", 2020, 1, 1, 0)] // made, published and repealed in Y
    [InlineData(ReportFormat.V2019, "2021-01-01", "2021-01-01", null, 2020, 0, 0, 0)]   // after Y
    // 2021 format: issued (formed in Y) / repealed (repealed in Y) / inForce (published by 31 Dec Y, not repealed by then).
    [InlineData(ReportFormat.V2021, "2021-12-31", "2022-01-04", null, 2021, 1, 0, 0)]   // issued in Y, published after it
    [InlineData(ReportFormat.V2021, "2021-12-31", "2022-01-04", null, 2022, 0, 0, 1)]
    [InlineData(ReportFormat.V2021, "2021-12-31", "2021-12-31", null, 2021, 1, 0, 1)]
    [InlineData(ReportFormat.V2021, "2018-05-10", "2018-05-20", "2021-12-31", 2021, 0, 1, 0)] // repealed on 31 Dec
    [InlineData(ReportFormat.V2021, "2018-05-10", "2018-05-20", "2022-01-01", 2021, 0, 0, 1)]
    [InlineData(ReportFormat.V2021, "2018-05-10", "2018-05-20", "2022-01-01", 2022, 0, 1, 0)]
    [InlineData(ReportFormat.V2021, "2021-02-01", null, "2021-09-01", 2021, 1, 1, 0)]   // issued and repealed, never published
    [InlineData(ReportFormat.V2021, "2022-01-01", "2022-01-01", null, 2021, 0, 0, 0)]
    public void FromItems_OneItemAtYearBoundaries_CountsPerColumn(ReportFormat format, string formedOn, string? publishedOn, string? repealedOn, int year, int first, int second, int third)
    {
        var cells = Article20Counts.FromItems([Item(formedOn, publishedOn, repealedOn)], year, format);

        var columns = Article20Counts.Keys(format).Where(k => k.StartsWith("article20.normativeDocuments.", StringComparison.Ordinal)).ToList();
        Assert.Equal([first, second, third], columns.Select(k => (int)cells[k]));
        Assert.All(Article20Counts.Keys(format).Where(k => k.StartsWith("article20.rules.", StringComparison.Ordinal)), k => Assert.Equal(0m, cells[k]));
    }

    [Fact]
    public void FromItems_RulesAndDocuments_CountedInTheirOwnRows()
    {
        RegulatoryItemFact[] items =
        [
            Item("2020-03-01", "2020-03-02", kind: RegulatoryItemKind.Rules),
            Item("2019-03-01", "2019-03-02", kind: RegulatoryItemKind.Rules),
            Item("2020-05-01", "2020-05-09"),
            Item("2020-06-01"),
            Item("2017-06-01", "2017-06-09", "2020-06-30"),
        ];

        var cells = Article20Counts.FromItems(items, 2020, ReportFormat.V2019);

        Assert.Equal(
            new Dictionary<string, decimal>
            {
                ["article20.rules.made"] = 1,
                ["article20.rules.published"] = 1,
                ["article20.rules.total"] = 2,
                ["article20.normativeDocuments.made"] = 2,
                ["article20.normativeDocuments.published"] = 1,
                ["article20.normativeDocuments.total"] = 1,
            },
            cells);
    }

    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Keys_BothFormats_AreTheLayoutsFirstBlock(ReportFormat format)
    {
        var block = ReportLayout.For(format).Cells.Where(c => c.Table.Title == "第二十条第（一）项").Select(c => c.Key.ToString());

        Assert.Equal(block, Article20Counts.Keys(format));
        Assert.Equal(Article20Counts.Keys(format), Article20Counts.FromItems([], 2020, format).Keys);
    }
}
