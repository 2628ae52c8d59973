using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Documents;

/// <summary>
/// Writes an annual report as a Word document in the usual 公文 look (GB/T 9704): A4 with 37/35/28/26 mm margins,
/// 方正小标宋 title, 黑体 headings, 仿宋_GB2312 text at a fixed 28pt line, the statutory tables as printed by
/// <see cref="ReportGrid"/> in 五号, and “— 1 —” page numbers in the footer.
/// </summary>
/// <remarks>The page, fonts and footer are <see cref="GongwenDocx"/>'s, shared with the letters.</remarks>
public static class DocxReportWriter
{
    // 10.5pt (五号) table cells, in half-points.
    private const int CellSize = 21;

    // 22pt characters on the 156 mm line.
    private const int TitleCharactersPerLine = 20;

    public static byte[] Write(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = ReportTitles.Title(report);
        var body = new Body();
        body.Append(TitleParagraph(ReportTitles.TitleLines(report, TitleCharactersPerLine)));
        foreach (var section in report.Layout.Sections)
        {
            body.Append(HeadingParagraph(section.Title));
            if (section.TextKey is { } key && report.Text(key) is { Length: > 0 } text)
            {
                foreach (var line in text.Split('\n'))
                {
                    body.Append(BodyParagraph(line.TrimEnd('\r')));
                }
            }

            if (section.Number is >= 2 and <= 4)
            {
                foreach (var grid in ReportGrid.ForSection(report, section.Number))
                {
                    body.Append(Table(grid));

                    // Word joins two tables with nothing between them into one.
                    body.Append(new Paragraph());
                }
            }
        }

        return GongwenDocx.Package(body, title);
    }

    /// <summary>The title centred, its lines apart by line breaks, and a blank 28pt line below it (GB/T 9704).</summary>
    private static Paragraph TitleParagraph(IReadOnlyList<string> lines)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { After = "560" },
            new Justification { Val = JustificationValues.Center }));
        for (var i = 0; i < lines.Count; i++)
        {
            var run = GongwenDocx.TextRun(lines[i], GongwenDocx.TitleFont, GongwenDocx.TitleSize, bold: false);
            if (i > 0)
            {
                run.InsertAfter(new Break(), run.RunProperties);
            }

            paragraph.Append(run);
        }

        return paragraph;
    }

    // Kept with the next paragraph: a heading never ends a page.
    private static Paragraph HeadingParagraph(string heading) => new(
        new ParagraphProperties(new KeepNext(), GongwenDocx.FixedLineSpacing()),
        GongwenDocx.TextRun(heading, GongwenDocx.HeadingFont, GongwenDocx.TextSize, bold: false));

    private static Paragraph BodyParagraph(string text) => new(
        new ParagraphProperties(
            GongwenDocx.FixedLineSpacing(),
            GongwenDocx.FirstLineIndent()),
        GongwenDocx.TextRun(text, GongwenDocx.BodyFont, GongwenDocx.TextSize, bold: false));

    private static Table Table(ReportGrid grid)
    {
        var widths = ColumnWidths(grid);
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    Border<TopBorder>(),
                    Border<LeftBorder>(),
                    Border<BottomBorder>(),
                    Border<RightBorder>(),
                    Border<InsideHorizontalBorder>(),
                    Border<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        foreach (var row in grid.Rows)
        {
            // A row never breaks over pages (Word and LibreOffice allow it by default); a title or header row
            // stays on the page of the row below it, through its paragraphs' keep-with-next.
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            var keepWithNext = ReportGrid.IsHeaderRow(row);
            var column = 0;
            foreach (var cell in row)
            {
                var span = Math.Max(cell.ColSpan, 1);
                var width = widths.Skip(column).Take(span).Sum();
                column += span;
                tableRow.Append(Cell(cell, span, width, keepWithNext));
            }

            table.Append(tableRow);
        }

        return table;
    }

    private static int[] ColumnWidths(ReportGrid grid)
    {
        var weights = grid.ColumnWeights();
        var unit = GongwenDocx.TextWidth / weights.Sum();
        return [.. weights.Select(w => w * unit)];
    }

    private static T Border<T>()
        where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" };

    private static TableCell Cell(GridCell cell, int span, int width, bool keepWithNext)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (cell.Continuation)
        {
            properties.Append(new VerticalMerge { Val = MergedCellValues.Continue });
        }
        else if (cell.RowSpan > 1)
        {
            properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        // A cell must hold a paragraph even when empty (a blank value or a merged continuation).
        var paragraph = new Paragraph(keepWithNext
            ? new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center })
            : new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        if (!cell.Continuation && cell.Text.Length > 0)
        {
            paragraph.Append(GongwenDocx.TextRun(cell.Text, GongwenDocx.BodyFont, CellSize, cell.Header));
        }

        return new TableCell(properties, paragraph);
    }
}
