using System.Net;
using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Tests.RealReports;

/// <summary>
/// Issue 15's corpus test: each real report's tables written out again as agencies and readers copy them — rows of
/// cells separated by tabs, by runs of spaces, by “|” (a Markdown table), and as an HTML page with &lt;table&gt; rows —
/// reads to the same cells (values and blanks) as the report itself; so does one cell a line. The renderings come from
/// the report's own token stream (what its reader made of the file).
/// </summary>
public sealed class RealReportRenderingsTests
{
    public enum Rendering
    {
        Tabs,
        Spaces,
        Pipes,
        Html,

        /// <summary>Each cell on a line of its own (empty cells left out: an empty line ends a row).</summary>
        OnePerLine,
    }

    public static TheoryData<string, Rendering> Cases()
    {
        var cases = new TheoryData<string, Rendering>();
        foreach (var name in RealReportFiles.Names)
        {
            foreach (var rendering in Enum.GetValues<Rendering>())
            {
                cases.Add(name, rendering);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_RenderedAgain_SameCells(string name, Rendering rendering)
    {
        var path = RealReportFiles.PathOf(name);
        var original = ReportFile.Read(path).Report;
        var rows = Rows(Tokens(path));
        var (text, fileName) = rendering switch
        {
            Rendering.Tabs => (Lines(rows, cells => string.Join('\t', cells)), "rendered.txt"),
            Rendering.Spaces => (Lines(rows, SpaceRow), "rendered.txt"),
            Rendering.Pipes => (Markdown(rows), "rendered.txt"),
            Rendering.OnePerLine => (Lines(rows, cells => string.Join('\n', cells.Select(c => c.Trim()).Where(c => c.Length > 0))), "rendered.txt"),
            _ => (Html(rows), "rendered.html"),
        };

        var again = ReportFile.Read(new UTF8Encoding(false).GetBytes(text), fileName).Report;

        var problems = new List<string>();
        foreach (var key in original.Values.Keys.Union(again.Values.Keys).Order(StringComparer.Ordinal))
        {
            var before = original.Values.TryGetValue(key, out var b) ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(none)";
            var after = again.Values.TryGetValue(key, out var a) ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(none)";
            if (before != after)
            {
                problems.Add($"{key}: {before} read as {after}");
            }
        }

        problems.AddRange(original.Blanks.Except(again.Blanks).Select(k => $"{k}: blank no longer blank"));
        problems.AddRange(again.Blanks.Except(original.Blanks).Select(k => $"{k}: read blank"));
        Assert.True(original.Values.Count > 100, $"{name}: only {original.Values.Count} cells read from the report itself");
        Assert.True(problems.Count == 0, $"{name} as {rendering}: {problems.Count} cells differ from the report's own reading:\n" + string.Join('\n', problems));
    }

    /// <summary>The report's tokens as <c>gongkai check</c>'s reader makes them.</summary>
    private static List<ReportToken> Tokens(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? PdfReportReader.Read(bytes) : TextReportReader.Read(TextDecoding.Decode(bytes));
    }

    /// <summary>A paragraph (null cells) or a table row's cells, in reading order.</summary>
    private static List<(string? Paragraph, List<string> Cells)> Rows(List<ReportToken> tokens)
    {
        var rows = new List<(string? Paragraph, List<string> Cells)>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Paragraph)
            {
                rows.Add((token.Text, []));
            }
            else if (token.StartsRow || rows.Count == 0 || rows[^1].Paragraph is not null)
            {
                rows.Add((null, [token.Text]));
            }
            else
            {
                rows[^1].Cells.Add(token.Text);
            }
        }

        return rows;
    }

    private static string Lines(List<(string? Paragraph, List<string> Cells)> rows, Func<List<string>, string> row) =>
        string.Join('\n', rows.Select(r => r.Paragraph ?? row(r.Cells))) + "\n";

    /// <summary>Cells apart by two spaces; a run of spaces cannot hold an empty cell, so it is left out.</summary>
    private static string SpaceRow(List<string> cells) =>
        string.Join("  ", cells.Select(c => string.Join(' ', c.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(c => c.Length > 0));

    /// <summary>Every run of rows a Markdown table with outer pipes, its first row the header with the |---| line under it.</summary>
    private static string Markdown(List<(string? Paragraph, List<string> Cells)> rows)
    {
        var text = new StringBuilder();
        var inTable = false;
        foreach (var (paragraph, cells) in rows)
        {
            if (paragraph is not null)
            {
                text.Append(paragraph).Append('\n');
                inTable = false;
                continue;
            }

            text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            if (!inTable)
            {
                text.Append('|').Append(string.Concat(cells.Select(_ => "---|"))).Append('\n');
                inTable = true;
            }
        }

        return text.ToString();
    }

    private static string Html(List<(string? Paragraph, List<string> Cells)> rows)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n");
        var inTable = false;
        foreach (var (paragraph, cells) in rows)
        {
            if (paragraph is not null)
            {
                html.Append(inTable ? "</table>\n" : "").Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
                inTable = false;
                continue;
            }

            html.Append(inTable ? "" : "<table>\n").Append("<tr>").Append(string.Concat(cells.Select(c => "<td>" + WebUtility.HtmlEncode(c) + "</td>"))).Append("</tr>\n");
            inTable = true;
        }

        return html.Append(inTable ? "</table>\n" : "").Append("</body></html>\n").ToString();
    }
}
