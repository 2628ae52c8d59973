using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.Documents;

public sealed class HtmlReportTests
{
    /// <summary>
    /// A report the way government sites publish them: the page inside a layout table with navigation, all
    /// 第二十条 blocks in one table, data rows without the header's colspans, labels broken by &lt;br&gt; and
    /// spaces, numbers wrapped in p/span, some full-width, and the file in GB18030.
    /// </summary>
    private static string PublishedStyle(AnnualReport report)
    {
        var html = new StringBuilder();
        html.Append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>年报</title>")
            .Append("<script>var x = '<table><tr><td>1</td></tr></table>';</script></head><body>")
            .Append("<table width=\"100%\"><tr><td>首页 &gt; 政务公开 &gt; 年度报告</td></tr><tr><td>")
            .Append(CultureInfo.InvariantCulture, $"<div align=\"center\"><strong><span>{WebUtility.HtmlEncode(ReportTitles.Title(report))}</span></strong></div>");
        var cell = 0;
        foreach (var section in report.Layout.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"text-indent:2em\"><strong>{section.Title}</strong></p>");
            if (section.TextKey is { } key)
            {
                foreach (var paragraph in ReportTitles.Paragraphs(report, key))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p>&nbsp;&nbsp;&nbsp;&nbsp;{WebUtility.HtmlEncode(paragraph)}</p>");
                }
            }

            var grids = ReportGrid.ForSection(report, section.Number).ToList();
            if (grids.Count == 0)
            {
                continue;
            }

            html.Append("<table border=\"1\" cellspacing=\"0\"><tbody>");
            foreach (var row in grids.SelectMany(g => g.Rows))
            {
                var isHeaderRow = row.All(c => c.Header || c.Continuation);
                html.Append("<tr>");
                foreach (var c in row.Where(c => !c.Continuation))
                {
                    if (c.Header)
                    {
                        var label = c.Text.Length > 4 ? c.Text[..2] + "<br/>" + c.Text[2..] : c.Text.Length == 4 ? c.Text[..2] + " " + c.Text[2..] : c.Text;
                        var span = isHeaderRow && c.ColSpan > 1 ? $" colspan=\"{c.ColSpan.ToString(CultureInfo.InvariantCulture)}\"" : "";
                        var rowSpan = c.RowSpan > 1 ? $" rowspan=\"{c.RowSpan.ToString(CultureInfo.InvariantCulture)}\"" : "";
                        html.Append(CultureInfo.InvariantCulture, $"<td{span}{rowSpan} style=\"width:80px\"><p align=\"center\"><span>{label}</span></p></td>");
                    }
                    else
                    {
                        var text = c.Text.Length == 0 ? "&nbsp;" : cell++ % 3 == 0 ? ToFullWidth(c.Text) : c.Text;
                        html.Append(CultureInfo.InvariantCulture, $"<td><p><span style=\"font-family:仿宋\">{text}</span></p></td>");
                    }
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</td></tr></table></body></html>").ToString();
    }

    private static string ToFullWidth(string text) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c == '.' ? '．' : c));

    [Fact]
    public void Read_PublishedStyle2021InGb18030_EveryCellByLabel()
    {
        var example = ExampleReports.V2021Example();
        var bytes = TextDecoding.Gb18030.GetBytes(PublishedStyle(example));

        var parsed = ReportFile.Read(bytes, "2023.htm");

        Assert.Equal(ReportText.Cells(example), ReportText.Cells(parsed.Report));
        Assert.Equal("示例市示例区数据局", parsed.Report.Agency);
        Assert.Equal(2023, parsed.Report.Year);
        Assert.Equal(ReportFormat.V2021, parsed.Report.Format);
        Assert.Empty(parsed.Findings);
    }

    [Fact]
    public void Read_PublishedStyleSeedWithBlanks_BlanksAreNotZero()
    {
        var seed = new SeedCopy().Cell(SeedCopy.ReceivedCommercialEnterprise, "").Cell(SeedCopy.ReconsiderationTotal, "-").Parse().Report;

        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(PublishedStyle(seed)), "seed.html");

        Assert.Equal(ReportText.Cells(seed), ReportText.Cells(parsed.Report));
        Assert.Contains("requests.received.commercialEnterprise", parsed.Report.Blanks);
        Assert.Contains("appeals.reconsideration.total", parsed.Report.Blanks);
    }

    [Fact]
    public void Write_Seed_AccessibleTablesWithKeys()
    {
        var html = HtmlReportWriter.Write(new SeedCopy().Parse().Report);

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>北京市东城区对外联络服务办公室2020年政府信息公开工作年度报告</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"rowgroup\" rowspan=\"20\">三、本年度办理结果</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-key=\"article20.procurement.amount\">0.5950</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"colgroup\" colspan=\"10\">行政诉讼</th>", html, StringComparison.Ordinal);
        Assert.Equal(6, html.Split("<h2 ").Length - 1);
    }

    [Fact]
    public void Write_Example2021_OtherHandlingSpansThreeRows()
    {
        var html = HtmlReportWriter.Write(ExampleReports.V2021Example());

        Assert.Contains("<th scope=\"rowgroup\" rowspan=\"22\">三、本年度办理结果</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"rowgroup\" rowspan=\"3\">（六）其他处理</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("第二十条第（九）项", html, StringComparison.Ordinal);
    }
}
