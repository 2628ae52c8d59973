using System.Buffers;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>
/// Reads a report as plain text, in the forms reports are copied and published in (annual-report-format.md §9):
/// <list type="bullet">
/// <item>Word's text (the seed): a table cell is a line starting with a tab, rows are separated by blank lines.</item>
/// <item>One row a line, its cells separated by tabs, by “|” (a web table copied, a Markdown table with its
/// <c>|---|</c> line and outer pipes) or by runs of two or more spaces.</item>
/// <item>One cell a line: a line that is only a number (or a dash) continues the row of the label above it.</item>
/// </list>
/// Any other line is a paragraph (or the rest of a cell whose text Word broke over lines, which the parser joins by
/// label).
/// </summary>
public static class TextReportReader
{
    /// <summary>Longest field of a space-separated line without numbers that is still read as a header cell.</summary>
    private const int MaxHeaderField = 16;

    /// <summary>Longest line tried as a number alone (“24,252.311082万元”): longer lines are running text.</summary>
    private const int MaxNumberLength = 32;

    public static List<ReportToken> Read(string text)
    {
        var tokens = new List<ReportToken>(capacity: 512);
        var rowStart = true;
        var lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            // Past the limit the file is refused (ReadLimits.Tokens) whatever follows: stop reading it now.
            if (tokens.Count > ReadLimits.MaxTokens)
            {
                break;
            }

            lineNumber++;
            var line = rawLine;
            if (line.IsWhiteSpace() && !line.Contains('\t'))
            {
                rowStart = true;
                continue;
            }

            if (line[0] == '\t')
            {
                // Word's cell line: continues the row until a blank line.
                AddTabCells(tokens, line[1..], rowStart, lineNumber);
                rowStart = false;
                continue;
            }

            if (line.Contains('\t'))
            {
                AddTabCells(tokens, line, true, lineNumber);
                rowStart = false;
                continue;
            }

            var trimmed = line.Trim().ToString();
            if (IsMarkdownRule(trimmed))
            {
                continue;
            }

            if (SplitRow(trimmed) is { } cells)
            {
                AddCells(tokens, cells, true, lineNumber);
                rowStart = false;
            }
            else if (MayBeValue(trimmed) && CellText.Read(trimmed).IsValue)
            {
                // A number alone on its line: the next cell of the row whose label (or cell) came before.
                tokens.Add(new ReportToken(trimmed, TokenKind.Cell, rowStart, lineNumber));
                rowStart = false;
            }
            else
            {
                tokens.Add(ReportToken.Paragraph(trimmed, lineNumber));
                rowStart = true;
            }
        }

        return tokens;
    }

    private static void AddCells(List<ReportToken> tokens, IEnumerable<string> cells, bool startsRow, int lineNumber)
    {
        foreach (var cell in cells)
        {
            tokens.Add(new ReportToken(cell, TokenKind.Cell, startsRow, lineNumber));
            startsRow = false;
        }
    }

    /// <summary>Cells separated by tabs, each kept as printed (an empty one is a blank cell).</summary>
    private static void AddTabCells(List<ReportToken> tokens, ReadOnlySpan<char> line, bool startsRow, int lineNumber)
    {
        foreach (var range in line.Split('\t'))
        {
            tokens.Add(new ReportToken(line[range].ToString(), TokenKind.Cell, startsRow, lineNumber));
            startsRow = false;
        }
    }

    /// <summary>
    /// Whether a line may be a number or a dash alone (“24,252.311082”, “减4”, “－”): cheap, so running text is not
    /// normalised just to be refused.
    /// </summary>
    private static bool MayBeValue(string trimmed) =>
        trimmed.Length <= MaxNumberLength && (char.IsDigit(trimmed[0]) || "-−－+＋减增—–/\\／无空".Contains(trimmed[0], StringComparison.Ordinal));

    /// <summary>The cells of a line without tabs that is a whole table row, or null for a paragraph.</summary>
    private static string[]? SplitRow(string trimmed)
    {
        if (trimmed.AsSpan().IndexOfAny('|', '｜') >= 0)
        {
            return SplitPipes(trimmed);
        }

        if (!HasSpaceRun(trimmed))
        {
            return null;
        }

        var fields = SplitSpaces(trimmed);
        return LooksLikeRow(fields) ? [.. fields] : null;
    }

    /// <summary>“a | b | c”, “| a | b |”: one outer pipe each side is the table's edge, not an empty cell.</summary>
    private static string[] SplitPipes(string trimmed)
    {
        var inner = trimmed.AsSpan();
        if (inner[0] is '|' or '｜')
        {
            inner = inner[1..];
        }

        if (inner.Length > 0 && inner[^1] is '|' or '｜')
        {
            inner = inner[..^1];
        }

        return inner.ToString().Split(['|', '｜']).Select(c => c.Trim()).ToArray();
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> holds, for a vectorised search through running text.</summary>
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    private static bool HasSpaceRun(string trimmed)
    {
        var rest = trimmed.AsSpan();
        for (var i = rest.IndexOfAny(WhiteSpace); i >= 0 && i + 1 < rest.Length; i = rest.IndexOfAny(WhiteSpace))
        {
            if (char.IsWhiteSpace(rest[i + 1]))
            {
                return true;
            }

            rest = rest[(i + 1)..];
        }

        return false;
    }

    /// <summary>The line cut at every run of two or more white-space characters (a single space stays in its cell).</summary>
    private static List<string> SplitSpaces(string trimmed)
    {
        var fields = new List<string>();
        var start = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (char.IsWhiteSpace(trimmed[i]) && i + 1 < trimmed.Length && char.IsWhiteSpace(trimmed[i + 1]))
            {
                fields.Add(trimmed[start..i]);
                while (i < trimmed.Length && char.IsWhiteSpace(trimmed[i]))
                {
                    i++;
                }

                start = i;
            }
        }

        fields.Add(trimmed[start..]);
        return fields;
    }

    /// <summary>
    /// Running text may hold a double space too: a space-separated line is a row when cells after the first are
    /// numbers (a data row), or when every field is a short label without figures (a header row). A sentence, or a
    /// signature “机关  2025年1月20日”, stays a paragraph.
    /// </summary>
    private static bool LooksLikeRow(List<string> fields)
    {
        if (fields.Any(f => f.EndsWith('。') || f.EndsWith('；')))
        {
            return false;
        }

        return fields.Skip(1).Any(f => CellText.Read(f).IsValue)
            || fields.All(f => f.Length <= MaxHeaderField && !f.Any(char.IsDigit));
    }

    /// <summary>Markdown's line under a table's header: |---|:---:| (only dashes, colons, pipes and spaces).</summary>
    private static bool IsMarkdownRule(string trimmed) =>
        trimmed.Contains("---", StringComparison.Ordinal) && trimmed.AsSpan().IndexOfAny('|', '｜') >= 0
        && trimmed.All(c => c is '-' or ':' or '|' or '｜' or ' ' or '\t');
}
