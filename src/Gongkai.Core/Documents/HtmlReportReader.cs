using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>
/// Reads a report published as an HTML page with a real HTML5 parser (AngleSharp): running text becomes
/// paragraphs, each <c>td</c>/<c>th</c> a cell in document order (rowspan and colspan need no grid: the parser
/// aligns by labels). Labels split by <c>&lt;br&gt;</c> or spaces are joined; <c>&amp;nbsp;</c> cells are blank.
/// A table whose cells hold other tables is page layout, and is read as running text.
/// </summary>
public static class HtmlReportReader
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "noscript", "template", "svg", "select", "button", "iframe", "object",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "footer",
        "main", "center", "blockquote", "pre", "dl", "dt", "dd", "form", "fieldset", "address", "figure",
        "figcaption", "nav", "aside", "hr", "tr", "td", "th", "caption", "body", "html",
    };

    /// <summary>Elements that never hold others, or whose end tag may be left out (HTML §13.1.2.4): their start tags add no depth.</summary>
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "caption",
        "html", "head", "body",
    };

    /// <summary>Elements whose text is not markup: their content is skipped to the end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "noscript" };

    public static List<ReportToken> Read(string html)
    {
        CheckShape(html);
        var document = Parser.ParseDocument(html);
        var walker = new Walker();
        walker.Walk(document.Body ?? (INode)document.DocumentElement);
        walker.Flush();
        if (PageTitle(document.Title) is { } title && !PrintedNearTop(walker.Tokens, title))
        {
            // Some portals print the report's title only in <title> (annual-report-format.md §9): pass it on.
            walker.Tokens.Insert(0, ReportToken.Paragraph(title));
        }

        return walker.Tokens;
    }

    /// <summary>
    /// Refuses a page nested deeper than <see cref="ReadLimits.MaxDepth"/> or of more than
    /// <see cref="ReadLimits.MaxHtmlElements"/> elements, from its tags alone, before the parser runs: the parser's
    /// work grows with elements times depth (100,000 nested div took 37 s, issue 16, 9) and the walk below recurses
    /// per level. Tags whose end may be left out are not counted, so a sloppy page is not taken for a deep one.
    /// </summary>
    private static void CheckShape(string html)
    {
        var flat = Flat.GetAlternateLookup<ReadOnlySpan<char>>();
        var raw = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
        var depth = 0;
        var elements = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var n = start;
            while (n < html.Length && char.IsAsciiLetterOrDigit(html[n]))
            {
                n++;
            }

            i = Math.Max(n, i + 1);
            if (n == start || !char.IsAsciiLetter(html[start]))
            {
                continue;
            }

            var name = html.AsSpan(start, n - start);
            elements += closing ? 0 : 1;
            if (elements > ReadLimits.MaxHtmlElements)
            {
                throw ReadLimits.Refuse($"HTML元素超过{ReadLimits.MaxHtmlElements.ToString(CultureInfo.InvariantCulture)}个", $"The HTML has more than {ReadLimits.MaxHtmlElements} elements.");
            }

            if (!closing && raw.Contains(name))
            {
                var end = html.IndexOf("</" + name.ToString(), n, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (flat.Contains(name))
            {
                continue;
            }

            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > ReadLimits.MaxDepth)
            {
                throw ReadLimits.Refuse($"HTML元素嵌套超过{ReadLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)}层", $"The HTML nests elements deeper than {ReadLimits.MaxDepth}.");
            }
        }
    }

    /// <summary>The report's title from a page title such as “XX局2020年政府信息公开工作年度报告_XX网”, or null for another.</summary>
    private static string? PageTitle(string? pageTitle)
    {
        var compact = Compact(pageTitle ?? "");
        var end = compact.IndexOf("年度报告", StringComparison.Ordinal);
        return end < 0 ? null : compact[..(end + "年度报告".Length)];
    }

    /// <summary>Whether the body prints the title itself (on one line or broken over several) before its sections.</summary>
    private static bool PrintedNearTop(List<ReportToken> tokens, string title) =>
        string.Concat(tokens.Take(40).Where(t => t.Kind == TokenKind.Paragraph).Select(t => Compact(t.Text))).Contains(title, StringComparison.Ordinal);

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private sealed class Walker
    {
        private readonly StringBuilder _paragraph = new();
        private int _tables;

        public List<ReportToken> Tokens { get; } = new(capacity: 512);

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        _paragraph.Append(text.Data);
                        break;
                    case IHtmlTableElement table:
                        Flush();
                        if (IsLayout(table))
                        {
                            Walk(table);
                        }
                        else
                        {
                            ReadTable(table);
                        }

                        Flush();
                        break;
                    case IElement element when Skipped.Contains(element.LocalName):
                        break;
                    case IElement { LocalName: "br" }:
                        Flush();
                        break;
                    case IElement element when Blocks.Contains(element.LocalName):
                        Flush();
                        Walk(element);
                        Flush();
                        break;
                    case IElement element:
                        Walk(element);
                        break;
                }
            }
        }

        public void Flush()
        {
            if (_paragraph.Length == 0)
            {
                return;
            }

            foreach (var line in _paragraph.ToString().Split('\n'))
            {
                var text = line.Trim();
                if (text.Length > 0)
                {
                    Tokens.Add(ReportToken.Paragraph(text));
                }
            }

            _paragraph.Clear();
        }

        private void ReadTable(IHtmlTableElement table)
        {
            var number = ++_tables;
            var rowNumber = 0;
            foreach (var row in table.Rows)
            {
                rowNumber++;
                var column = 0;
                foreach (var cell in row.Cells)
                {
                    column++;
                    Tokens.Add(new ReportToken(CellText(cell), TokenKind.Cell, column == 1, Table: number, Row: rowNumber, Column: column));
                }
            }
        }

        /// <summary>A cell's text with line breaks and markup dropped: "结果&lt;br&gt;维持" is one label.</summary>
        private static string CellText(IElement cell)
        {
            var text = new StringBuilder();
            Append(cell, text);
            return text.ToString();
        }

        private static void Append(INode node, StringBuilder text)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    text.Append(t.Data);
                }
                else if (child is IElement element && !Skipped.Contains(element.LocalName))
                {
                    Append(element, text);
                }
            }
        }

        /// <summary>A table holding another table lays out the page; a statutory table holds none.</summary>
        private static bool IsLayout(IHtmlTableElement table) => table.GetElementsByTagName("table").Length > 0;
    }
}
