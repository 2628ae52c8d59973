using System.Text;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Documents;

/// <summary>
/// Writes a report in the plain-text layout Word gives (the seed's): paragraphs as lines, each table cell on a
/// line of its own after a tab, an empty cell where Word merged rows, a blank line after each row.
/// </summary>
public static class TextReportWriter
{
    public static string Write(AnnualReport report)
    {
        var text = new StringBuilder(16 * 1024);
        text.Append(ReportTitles.Title(report)).Append("\n\n");
        foreach (var section in report.Layout.Sections)
        {
            text.Append(section.Title).Append("\n\n");
            if (section.TextKey is { } key)
            {
                foreach (var paragraph in ReportTitles.Paragraphs(report, key))
                {
                    // A leading or inner tab would make the line a table cell.
                    text.Append(paragraph.Replace('\t', ' ')).Append('\n');
                }

                text.Append('\n');
            }

            foreach (var grid in ReportGrid.ForSection(report, section.Number))
            {
                foreach (var row in grid.Rows)
                {
                    foreach (var cell in row)
                    {
                        text.Append('\t').Append(cell.Continuation ? "" : cell.Text).Append('\n');
                    }

                    text.Append('\n');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
