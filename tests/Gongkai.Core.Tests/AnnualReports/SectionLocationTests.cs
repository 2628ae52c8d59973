using System.Text;
using Gongkai.Core.Documents;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>Tables are found by their labels when headings are missing, and notes between tables are not cells.</summary>
public sealed class SectionLocationTests
{
    [Fact]
    public void Read_OnlyTableThreeNoHeadingsNoTitle_CellsReadAndMissingPartsReported()
    {
        var html = HtmlReportWriter.Write(new SeedCopy().Parse().Report);
        var start = html.IndexOf("<div class=\"table-wrap\">", html.IndexOf("三、收到和处理", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal) + 6;
        var onlyTable = "<html><body>" + html[start..end] + "</body></html>";

        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(onlyTable), "t.html");

        Assert.Equal(1m, parsed.Report.Values["requests.received.naturalPerson"]);
        Assert.True(23 * 7 == parsed.Report.Values.Count, string.Join("\n", parsed.Findings.Select(f => f.Message)));
        Assert.Contains(parsed.Findings, f => f.Rule == "P1" && f.Message.Contains("已按表格标签定位", StringComparison.Ordinal));
        Assert.Contains(parsed.Findings, f => f.Rule == "P1" && f.Message.Contains("二、主动公开政府信息情况", StringComparison.Ordinal));
        Assert.Contains(parsed.Findings, f => f.Rule == "P1" && f.Message.Contains("报告标题", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NoteBetweenTables_NoFinding()
    {
        var parsed = new SeedCopy().InsertLines(110, "注：本表数据截至2020年12月31日。").Parse();

        Assert.Empty(parsed.Findings);
    }
}
