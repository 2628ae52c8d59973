using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Documents;

/// <summary>
/// Writes a report as a self-contained, accessible HTML page: the statutory tables with their merged headers,
/// <c>th</c> with scopes for screen readers, and each number cell carrying its key in <c>data-key</c>.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font-family:"FangSong","仿宋","Noto Serif CJK SC",serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.8;color:#111;background:#fff}
        h1{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;text-align:center;font-size:1.6rem}
        h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:1.2rem;margin-top:2rem}
        p{text-indent:2em;margin:.4rem 0}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}
        th,td{border:1px solid #333;padding:.25rem .4rem;text-align:center;vertical-align:middle}
        th{font-weight:600;background:#f3f3f3}
        th[scope=row]{text-align:left}
        th[scope=col]{min-width:3.5em}
        """;

    public static string Write(AnnualReport report)
    {
        var title = ReportTitles.Title(report);
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Gongkai\">\n")
            .Append(CultureInfo.InvariantCulture, $"<meta name=\"report-format\" content=\"{report.Format.Code()}\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n")
            .Append(Body(report))
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The title (<c>h1</c>) and the sections with their tables, without a page around them or any style: the web
    /// portal puts this inside its own page (its CSP allows no inline style), so both print the same tables.
    /// </summary>
    /// <param name="cellClasses">A CSS class for some cells by key (the staff page marks the cells of each finding).</param>
    public static string Body(AnnualReport report, IReadOnlyDictionary<string, string>? cellClasses = null)
    {
        var html = new StringBuilder(32 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(ReportTitles.Title(report))}</h1>\n");
        foreach (var section in report.Layout.Sections)
        {
            var id = "section-" + section.Number.ToString(CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{Encode(section.Title)}</h2>\n");
            if (section.TextKey is { } key)
            {
                foreach (var paragraph in ReportTitles.Paragraphs(report, key))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(paragraph)}</p>\n");
                }
            }

            foreach (var grid in ReportGrid.ForSection(report, section.Number))
            {
                WriteTable(html, grid, cellClasses);
            }

            html.Append("</section>\n");
        }

        return html.ToString();
    }

    private static void WriteTable(StringBuilder html, ReportGrid grid, IReadOnlyDictionary<string, string>? cellClasses)
    {
        html.Append("<div class=\"table-wrap\">\n<table>\n");
        var inBody = false;
        html.Append("<thead>\n");
        foreach (var row in grid.Rows)
        {
            var isHeaderRow = row.All(c => c.Header || c.Continuation);
            if (!isHeaderRow && !inBody)
            {
                html.Append("</thead>\n<tbody>\n");
                inBody = true;
            }

            html.Append("<tr>");
            foreach (var cell in row.Where(c => !c.Continuation))
            {
                var span = (cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan.ToString(CultureInfo.InvariantCulture)}\"" : "")
                    + (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan.ToString(CultureInfo.InvariantCulture)}\"" : "");
                if (cell.Header)
                {
                    var scope = isHeaderRow ? (cell.ColSpan > 1 ? "colgroup" : "col") : (cell.RowSpan > 1 ? "rowgroup" : "row");
                    html.Append(CultureInfo.InvariantCulture, $"<th scope=\"{scope}\"{span}>{Encode(cell.Text)}</th>");
                }
                else
                {
                    var css = cell.Key is { } key && cellClasses?.GetValueOrDefault(key) is { } c ? $" class=\"{Encode(c)}\"" : "";
                    html.Append(CultureInfo.InvariantCulture, $"<td{span}{css} data-key=\"{cell.Key}\">{Encode(cell.Text)}</td>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append(inBody ? "</tbody>\n" : "</thead>\n").Append("</table>\n</div>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
