using System.Text;
using CsCheck;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Core.Tests.Documents;

/// <summary>Garbage in: a finding or a ReportReadException (exit 2), never a crash.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Read_EmptyFile_ReadException()
    {
        var e = Assert.Throws<ReportReadException>(() => ReportFile.Read([], "empty.txt"));
        Assert.Equal("文件为空", e.Message);
    }

    [Fact]
    public void Read_BinaryBytes_ReadException()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var e = Assert.Throws<ReportReadException>(() => ReportFile.Read(bytes, "report.txt"));
        Assert.Contains("二进制", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenJson_ReadException() =>
        Assert.Throws<ReportReadException>(() => ReportFile.Read("{\"format\": \"2019\", \"cells\": {"u8.ToArray(), "report.json"));

    [Fact]
    public void Read_TruncatedHtml_FindingsNoCrash()
    {
        var html = HtmlReportWriter.Write(new SeedCopy().Parse().Report);
        var cut = html[..(html.IndexOf("（四）无法提供", StringComparison.Ordinal) + 3)];

        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(cut), "cut.html");

        Assert.Equal("北京市东城区对外联络服务办公室", parsed.Report.Agency);
        Assert.Contains(parsed.Findings, f => f.Rule == "P1" && f.Message.Contains("四、政府信息公开行政复议、行政诉讼情况", StringComparison.Ordinal));
        Assert.Contains(parsed.Findings, f => f.Rule == "P1" && f.Message.Contains("缺少行", StringComparison.Ordinal));
        Assert.Equal(1m, parsed.Report.Values["requests.disclosed.naturalPerson"]);
    }

    [Fact]
    public void Read_HtmlTableWithAnExtraColumn_CellsStillRightAndP2()
    {
        var html = HtmlReportWriter.Write(new SeedCopy().Parse().Report)
            .Replace("data-key=\"requests.received.total\">1</td>", "data-key=\"requests.received.total\">1</td><td>99</td>", StringComparison.Ordinal);

        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(html), "extra.html");
        var findings = ConsistencyRules.Check(parsed.Report);

        Assert.Equal(1m, parsed.Report.Values["requests.received.total"]);
        Assert.Equal(0m, parsed.Report.Values["requests.carriedIn.naturalPerson"]);
        var p2 = Assert.Single(parsed.Findings);
        Assert.Equal("P2", p2.Rule);
        Assert.Contains("多出1个单元格", p2.Message, StringComparison.Ordinal);
        Assert.Empty(findings);
    }

    [Fact]
    public void Read_TextThatIsNoReport_P1ErrorsNoCrash()
    {
        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes("会议纪要\n今天讨论了三件事。\n\t1\n\t2\n"), "notes.txt");

        Assert.Null(parsed.Report.Agency);
        Assert.Contains(parsed.Findings, f => f.Rule == "P1" && f.Severity == Severity.Error);
    }

    /// <summary>Random cell and paragraph sequences built from real labels, numbers and junk: the parser never throws.</summary>
    [Fact]
    public void Parse_RandomTokenSoup_NeverThrows()
    {
        var words = ReportLayouts.V2019.Tables.Concat(ReportLayouts.V2021.Tables)
            .SelectMany(t => t.DataRows.Select(r => r.Row.Label).Concat(t.Columns.Select(c => c.Label)).Concat(t.HeaderLabels))
            .Concat(["0", "1", "减4", "-", "", "0.5950", "251000元", "abc", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "2020年政府信息公开工作年度报告", "（三）不予", "公开", "结", "果"])
            .Distinct()
            .ToArray();
        var token = from index in Gen.Int[0, words.Length - 1]
                    let word = words[index]
                    from isCell in Gen.Bool
                    from startsRow in Gen.Bool
                    select new ReportToken(word, isCell ? TokenKind.Cell : TokenKind.Paragraph, startsRow || !isCell);

        token.List[0, 400].Sample(tokens =>
        {
            var parsed = ReportParser.Parse(tokens);
            _ = ConsistencyRules.Check(parsed.Report, parsed.Report);
        }, iter: 300);
    }
}
