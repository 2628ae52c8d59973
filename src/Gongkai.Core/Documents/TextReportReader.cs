using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>
/// Reads the plain text that Word gives for a report (the seed's layout): a table cell is a line starting with
/// a tab, rows are separated by blank lines, a line without a tab is a paragraph (or the rest of a cell whose
/// text Word broke over lines, which the parser joins by label). A line with tabs inside is a whole row.
/// </summary>
public static class TextReportReader
{
    public static List<ReportToken> Read(string text)
    {
        var tokens = new List<ReportToken>(capacity: 512);
        var rowStart = true;
        var lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine;
            if (line.IsWhiteSpace() && !line.Contains('\t'))
            {
                rowStart = true;
                continue;
            }

            var isCell = line[0] == '\t';
            if (!isCell && !line.Contains('\t'))
            {
                tokens.Add(ReportToken.Paragraph(line.Trim().ToString(), lineNumber));
                rowStart = true;
                continue;
            }

            if (isCell)
            {
                line = line[1..];
            }
            else
            {
                rowStart = true;
            }

            foreach (var range in line.Split('\t'))
            {
                tokens.Add(new ReportToken(line[range].ToString(), TokenKind.Cell, rowStart, lineNumber));
                rowStart = false;
            }
        }

        return tokens;
    }
}
