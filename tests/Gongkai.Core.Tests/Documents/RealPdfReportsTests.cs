using System.Text;
using System.Text.Json;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Core.Tests.Documents;

/// <summary>
/// The two real PDFs of samples/reports/real as their agencies published them, against the cells read by hand in
/// their expected files: every cell read, no error (both reports are correct: want_exit 0). 洪泽区 prints the typo
/// “2.其他法律行政止公开” and keeps the 2019 single row （六）其他处理; 淮安市 splits “（四）无法提供” over a page break.
/// </summary>
public sealed class RealPdfReportsTests
{
    public static TheoryData<string> Names => ["huaian_city_gov_2024", "huaian_hongze_district_gov_2024"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_RealPdf_EveryExpectedCellNoBlankNoError(string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(RealReportFiles.PathOf($"{name}.expected.json")));
        var root = expected.RootElement;

        var parsed = ReportFile.Read(RealReportFiles.PathOf($"{name}.pdf"));
        var findings = parsed.Findings.Concat(ConsistencyRules.Check(parsed.Report)).ToList();

        Assert.Equal(root.GetProperty("year").GetInt32(), parsed.Report.Year);
        Assert.Equal(root.GetProperty("format").GetString(), parsed.Report.Format == ReportFormat.V2019 ? "2019" : "2021");
        var cells = root.GetProperty("cells").EnumerateObject().ToList();
        Assert.NotEmpty(cells);
        var wrong = cells.Where(c => !parsed.Report.Values.TryGetValue(c.Name, out var v) || v != c.Value.GetDecimal()).Select(c => c.Name).ToList();
        Assert.Empty(wrong);
        Assert.Empty(parsed.Report.Blanks);
        Assert.Equal(0, root.GetProperty("want_exit").GetInt32());
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Read_HongzeTypoAndSingleOtherRow_WarnedNotLost()
    {
        var parsed = ReportFile.Read(RealReportFiles.PathOf("huaian_hongze_district_gov_2024.pdf"));

        var p2 = Assert.Single(parsed.Findings, f => f.Rule == RuleIds.P2);
        Assert.Contains("2.其他法律行政止公开", p2.Message, StringComparison.Ordinal);
        var p1 = Assert.Single(parsed.Findings, f => f.Rule == RuleIds.P1);
        Assert.Equal(Severity.Warning, p1.Severity);
        Assert.Contains("其他处理", p1.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Report.Values.Keys, k => k.StartsWith("requests.other.noSupplement", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_HongzeSingleOtherRow_ReadBackWithoutFindings()
    {
        var parsed = ReportFile.Read(RealReportFiles.PathOf("huaian_hongze_district_gov_2024.pdf"));
        var json = ReportJson.Write(new CheckedReport(parsed.Report, []));

        var back = ReportFile.Read(Encoding.UTF8.GetBytes(json), "hongze.json");

        Assert.Contains("\"requests.other.total\": 0", json, StringComparison.Ordinal);
        Assert.Empty(back.Findings);
        Assert.Equal(parsed.Report.Values.OrderBy(v => v.Key), back.Report.Values.OrderBy(v => v.Key));
        Assert.DoesNotContain(ConsistencyRules.Check(back.Report), f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Read_CityLabelSplitByPageBreak_JoinedWithoutFindings()
    {
        var parsed = ReportFile.Read(RealReportFiles.PathOf("huaian_city_gov_2024.pdf"));

        Assert.DoesNotContain(parsed.Findings, f => f.Rule is RuleIds.P1 or RuleIds.P2 or RuleIds.P3);
        Assert.Equal(769m, parsed.Report.Values["requests.cannotProvide.notHeld.total"]);
        Assert.Equal(11m, parsed.Report.Values["requests.cannotProvide.needsCreation.total"]);
    }

    /// <summary>The reader itself joins the cut label by its cells' places: one table over the break, the label one cell.</summary>
    [Fact]
    public void Read_CityLabelSplitByPageBreak_OneCellInOneTable()
    {
        var tokens = PdfReportReader.Read(File.ReadAllBytes(RealReportFiles.PathOf("huaian_city_gov_2024.pdf")));

        var label = Assert.Single(tokens, t => t.Text.Replace(" ", "", StringComparison.Ordinal) == "（四）无法提供");
        Assert.Equal(TokenKind.Cell, label.Kind);
        var split = tokens.Where(t => t.Kind == TokenKind.Cell && t.Table == label.Table).Select(t => t.Page).Distinct().ToList();
        Assert.True(split.Count > 1, $"table {label.Table} lies on pages {string.Join(",", split)}");
        Assert.DoesNotContain(tokens, t => t.Text == "法提供");
        Assert.All(tokens, t => Assert.InRange(t.Page, 1, 20));
    }
}
