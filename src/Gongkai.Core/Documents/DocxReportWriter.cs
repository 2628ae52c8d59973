using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Documents;

/// <summary>
/// Writes an annual report as a Word document in the usual 公文 look (GB/T 9704): A4 with 37/35/28/26 mm margins,
/// 方正小标宋 title, 黑体 headings, 仿宋_GB2312 text at a fixed 28pt line, the statutory tables as printed by
/// <see cref="ReportGrid"/> in 五号, and “— 1 —” page numbers in the footer.
/// </summary>
/// <remarks>
/// Fonts: runs name the fonts a government PC has (方正小标宋简体, 黑体, 仿宋_GB2312), so Word there prints the
/// document as offices expect; every run is tagged zh-CN. The font table gives each font its class (roman/swiss),
/// the GB2312 charset and, as w:altName, the free face of the same class (Noto Serif/Sans CJK SC), for programs
/// that substitute by these. LibreOffice on our server ignores them and substitutes the first CJK face it finds,
/// so <see cref="LibreOfficePdf"/> gives it the same pairs as its font replacement table.
/// </remarks>
public static class DocxReportWriter
{
    private const string TitleFont = "方正小标宋简体";
    private const string HeadingFont = "黑体";
    private const string BodyFont = "仿宋_GB2312";
    private const string LatinFont = "Times New Roman";

    /// <summary>Each font the runs name, with the installed face that stands in for it and its class.</summary>
    private static readonly (string Name, string AltName, FontFamilyValues Family)[] Fonts =
    [
        (TitleFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
        (HeadingFont, "Noto Sans CJK SC", FontFamilyValues.Swiss),
        (BodyFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
        (LatinFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
    ];

    // Sizes in half-points (w:sz): 22pt (二号) title, 16pt (三号) text and headings, 10.5pt (五号) table cells,
    // 14pt (四号) page numbers.
    private const int TitleSize = 44;
    private const int TextSize = 32;
    private const int CellSize = 21;
    private const int PageNumberSize = 28;

    // 22pt characters on the 156 mm line.
    private const int TitleCharactersPerLine = 20;

    // A4 and the 公文 margins (GB/T 9704), in twips.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 2098;
    private const int MarginBottom = 1984;
    private const int MarginLeft = 1588;
    private const int MarginRight = 1474;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;

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

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            body.Append(PageSetup(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            document.PackageProperties.Title = title;
        }

        return stream.ToArray();
    }

    /// <summary>The title centred, its lines apart by line breaks, and a blank 28pt line below it (GB/T 9704).</summary>
    private static Paragraph TitleParagraph(IReadOnlyList<string> lines)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { After = "560" },
            new Justification { Val = JustificationValues.Center }));
        for (var i = 0; i < lines.Count; i++)
        {
            var run = TextRun(lines[i], TitleFont, TitleSize, bold: false);
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
        new ParagraphProperties(new KeepNext(), FixedLineSpacing()),
        TextRun(heading, HeadingFont, TextSize, bold: false));

    private static Paragraph BodyParagraph(string text) => new(
        new ParagraphProperties(
            FixedLineSpacing(),

            // Two characters of 16pt; FirstLine is for programs that ignore FirstLineChars.
            new Indentation { FirstLineChars = 200, FirstLine = "640" }),
        TextRun(text, BodyFont, TextSize, bold: false));

    private static SpacingBetweenLines FixedLineSpacing() => new() { Line = "560", LineRule = LineSpacingRuleValues.Exact };

    private static Run TextRun(string text, string eastAsiaFont, int halfPoints, bool bold)
    {
        var size = halfPoints.ToString(CultureInfo.InvariantCulture);
        var properties = new RunProperties(new RunFonts
        {
            Hint = FontTypeHintValues.EastAsia,
            Ascii = LatinFont,
            HighAnsi = LatinFont,
            EastAsia = eastAsiaFont,
        });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size }, new Languages { EastAsia = "zh-CN" });
        return new Run(properties, new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

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
        var unit = TextWidth / weights.Sum();
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
            paragraph.Append(TextRun(cell.Text, BodyFont, CellSize, cell.Header));
        }

        return new TableCell(properties, paragraph);
    }

    private static Fonts FontTable() => new(Fonts.Select(f => new Font(
        new AltName { Val = f.AltName },
        new FontCharSet { Val = f.Name == LatinFont ? "00" : "86" },
        new FontFamily { Val = f.Family })
    {
        Name = f.Name,
    }));

    /// <summary>GB/T 9704: the page number in 四号 between two 一字线; Word fills the PAGE field.</summary>
    private static Footer PageNumberFooter()
    {
        Run Text(string text) => TextRun(text, BodyFont, PageNumberSize, bold: false);
        return new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Text("— "),
            new SimpleField(Text("1")) { Instruction = " PAGE " },
            Text(" —")));
    }

    private static SectionProperties PageSetup(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin
        {
            Top = MarginTop,
            Right = MarginRight,
            Bottom = MarginBottom,
            Left = MarginLeft,
            Header = 851,
            Footer = 992,
            Gutter = 0,
        });

    /// <summary>The text without characters XML cannot hold (control characters left over from extraction).</summary>
    private static string XmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
