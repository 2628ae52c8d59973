using System.Globalization;
using System.Text;
using Gongkai.Domain.AnnualReports;
using SkiaSharp;

namespace Gongkai.Core.Documents;

/// <summary>
/// Writes an annual report as a PDF in the 公文 look (GB/T 9704): A4, the same margins as the DOCX, a 小标宋-class
/// title, 黑体-class headings, 三号 text at a fixed 28pt line, the statutory tables of <see cref="ReportGrid"/> in
/// 五号 with their merged headers, and “— 1 —” page numbers. Drawn with Skia in process: no office suite, a few
/// about 0.1 s a report against 2 s for LibreOffice (BENCHMARKS.md). <see cref="PdfReportReader"/> reads it back to identical cells.
/// </summary>
public static class PdfReportWriter
{
    private const float Mm = 72f / 25.4f;

    // A4 and the 公文 margins (top 37, bottom 35, left 28, right 26 mm), in points.
    private const float PageWidth = 210 * Mm;
    private const float PageHeight = 297 * Mm;
    private const float Top = 37 * Mm;
    private const float Bottom = PageHeight - (35 * Mm);
    private const float Left = 28 * Mm;
    private const float Right = PageWidth - (26 * Mm);
    private const float TextWidth = Right - Left;

    // 二号 title, 三号 text and headings on a fixed 28pt line, 五号 table cells, 四号 page numbers.
    private const float TitleSize = 22;
    private const float TitleLine = 36;
    private const float TextSize = 16;
    private const float TextLine = 28;
    private const float HeadingSpace = 10;
    private const float CellSize = 10.5f;
    private const float CellLine = 14;
    private const float CellPadX = 3;
    private const float CellPadY = 3;
    private const float PageNumberSize = 14;

    public static byte[] Write(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var faces = PdfFaces.Get();
        using var layout = new PdfPageLayout(faces);
        var title = ReportTitles.Title(report);
        foreach (var line in ReportTitles.TitleLines(report, (int)(TextWidth / TitleSize)))
        {
            layout.Paragraph(line, layout.Title, TitleLine, indent: 0, centred: true);
        }

        layout.Space(TextLine);
        foreach (var section in report.Layout.Sections)
        {
            var grids = section.Number is >= 2 and <= 4 ? ReportGrid.ForSection(report, section.Number).Select(layout.Measure).ToList() : [];
            var paragraphs = section.TextKey is { } key ? ReportTitles.Paragraphs(report, key).ToList() : [];

            // A heading is never the last line of a page: it goes with two lines of text or a table's first rows.
            var next = grids.Count > 0 ? grids[0].FirstBlockHeight : paragraphs.Count > 0 ? 2 * TextLine : 0;
            // The space before a heading also tells PdfReportReader that it starts a new paragraph.
            layout.Space(HeadingSpace);
            layout.Paragraph(section.Title, layout.Heading, TextLine, indent: 0, centred: false, keepWith: next);
            foreach (var paragraph in paragraphs)
            {
                layout.Paragraph(paragraph, layout.Body, TextLine, indent: 2 * TextSize, centred: false);
            }

            foreach (var grid in grids)
            {
                layout.Table(grid);
                layout.Space(CellLine);
            }
        }

        layout.NumberPages();
        if (layout.Characters.Missing.Count > 0)
        {
            throw ReportWriteException.MissingGlyphs(layout.Characters.Missing);
        }

        return Render(layout.Pages, layout.Characters, title);
    }

    private static byte[] Render(List<List<PdfOp>> pages, PdfCharacters characters, string title)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "Gongkai",
            Producer = "Gongkai (Skia)",
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };
        // Outlives the document: Skia writes the fonts out when the document closes.
        using var fonts = new DrawingFonts(PdfFaces.Get(), characters);
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        using (var rule = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.75f })
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                foreach (var op in pages[p])
                {
                    if (op.Text is { } text)
                    {
                        using var blob = TextBlob(text, op.Font!, fonts, op.X, op.Y);
                        if (blob is not null)
                        {
                            canvas.DrawText(blob, 0, 0, ink);
                        }
                    }
                    else
                    {
                        canvas.DrawRect(op.X, op.Y, op.Width, op.Height, rule);
                    }
                }

                document.EndPage();
            }

            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The line as one run per face (<see cref="PdfFont.Runs"/>), each placed at the width measured for the layout;
    /// null when nothing in it can be drawn.
    /// </summary>
    private static SKTextBlob? TextBlob(string text, PdfFont font, DrawingFonts fonts, float x, float y)
    {
        using var builder = new SKTextBlobBuilder();
        foreach (var run in font.Runs(text))
        {
            AddRun(builder, run.Text, fonts.For(run.Font), x, y);
            x += run.Width;
        }

        return builder.Build();
    }

    /// <summary>
    /// The run with its text and a cluster per glyph. Noto CJK shares one glyph among several code points (户 and 戶,
    /// 民 and the radical ⺠); Skia's text map names only one of them, so without the text a reader gets the wrong
    /// character. With it, Skia writes the right one as /ActualText wherever the map would mislead.
    /// </summary>
    private static void AddRun(SKTextBlobBuilder builder, string text, SKFont font, float x, float y)
    {
        var glyphs = font.GetGlyphs(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var clusters = new uint[glyphs.Length];
        var offset = 0;
        var glyph = 0;
        for (var i = 0; i < text.Length && glyph < clusters.Length; i++)
        {
            clusters[glyph++] = (uint)offset;
            var surrogatePair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length;
            offset += Encoding.UTF8.GetByteCount(text.AsSpan(i, surrogatePair ? 2 : 1));
            if (surrogatePair)
            {
                i++;
            }
        }

        var run = builder.AllocateTextRun(font, glyphs.Length, x, y, utf8.Length);
        run.SetGlyphs(glyphs);
        run.SetText(utf8);
        run.SetClusters(clusters);
    }

    /// <summary>
    /// The fonts Render draws with: each shipped face cut down to the characters of this PDF (Skia would embed the
    /// whole 2–3 MB face), at the size the layout measured; a system face as it is. The glyphs and advances are the
    /// same, so the text lands where it was measured.
    /// </summary>
    private sealed class DrawingFonts(PdfFaces faces, PdfCharacters characters) : IDisposable
    {
        private readonly Dictionary<SKTypeface, SKTypeface?> _subsets = [];
        private readonly Dictionary<(SKTypeface Face, float Size), SKFont> _fonts = [];

        public SKFont For(SKFont measured)
        {
            if (!_subsets.TryGetValue(measured.Typeface, out var subset))
            {
                subset = faces.Subset(measured.Typeface, characters.Used[measured.Typeface]);
                _subsets[measured.Typeface] = subset;
            }

            if (subset is null)
            {
                return measured;
            }

            if (!_fonts.TryGetValue((subset, measured.Size), out var font))
            {
                font = new SKFont(subset, measured.Size);
                _fonts[(subset, measured.Size)] = font;
            }

            return font;
        }

        public void Dispose()
        {
            foreach (var font in _fonts.Values)
            {
                font.Dispose();
            }

            foreach (var subset in _subsets.Values)
            {
                subset?.Dispose();
            }
        }
    }

    /// <summary>A text run at its baseline, or (without text) a ruled rectangle; in points from the page's top left.</summary>
    private sealed record PdfOp(float X, float Y, string? Text = null, PdfFont? Font = null, float Width = 0, float Height = 0);

    /// <summary>A table measured before it is placed: row heights, and the rows that must stay on one page.</summary>
    private sealed record MeasuredGrid(ReportGrid Grid, float[] ColumnX, float[] RowHeights, List<PlacedCell> Cells, int[] BlockEnds)
    {
        public float FirstBlockHeight => RowHeights.Take(BlockEnds[0]).Sum();
    }

    /// <summary>A cell of the grid with its place: first row and column, spans, wrapped lines.</summary>
    private sealed record PlacedCell(GridCell Cell, int Row, int Column, int RowSpan, int ColSpan, List<string> Lines)
    {
        public float TextHeight => (Lines.Count * CellLine) + (2 * CellPadY);
    }

    /// <summary>Lays paragraphs and tables out on pages; pages are lists of drawing operations, drawn by Render.</summary>
    private sealed class PdfPageLayout : IDisposable
    {
        private float _y = Top;

        public PdfPageLayout(PdfFaces faces)
        {
            Title = new PdfFont(faces, faces.SerifBold, TitleSize, Characters);
            Heading = new PdfFont(faces, faces.Sans, TextSize, Characters);
            Body = new PdfFont(faces, faces.Serif, TextSize, Characters);
            Cell = new PdfFont(faces, faces.Serif, CellSize, Characters);
            HeaderCell = new PdfFont(faces, faces.SerifBold, CellSize, Characters);
            PageNumber = new PdfFont(faces, faces.Serif, PageNumberSize, Characters);
            Pages.Add([]);
        }

        public PdfFont Title { get; }

        public PdfFont Heading { get; }

        public PdfFont Body { get; }

        public PdfFont Cell { get; }

        public PdfFont HeaderCell { get; }

        public PdfFont PageNumber { get; }

        public List<List<PdfOp>> Pages { get; } = [];

        /// <summary>The characters of the text, by the face that draws them, and those no face has.</summary>
        public PdfCharacters Characters { get; } = new();

        public void Dispose()
        {
            Title.Dispose();
            Heading.Dispose();
            Body.Dispose();
            Cell.Dispose();
            HeaderCell.Dispose();
            PageNumber.Dispose();
        }

        private List<PdfOp> Page => Pages[^1];

        /// <summary>GB/T 9704: the number in 四号 between two 一字线, centred 7 mm below the text area.</summary>
        public void NumberPages()
        {
            for (var p = 0; p < Pages.Count; p++)
            {
                var number = "— " + (p + 1).ToString(CultureInfo.InvariantCulture) + " —";
                Pages[p].Add(new PdfOp((PageWidth - PageNumber.Measure(number)) / 2, Bottom + (7 * Mm) + PageNumberSize, number, PageNumber));
            }
        }

        public void Space(float height)
        {
            if (_y > Top)
            {
                _y = Math.Min(_y + height, Bottom);
            }
        }

        public void Paragraph(string text, PdfFont font, float lineHeight, float indent, bool centred, float keepWith = 0)
        {
            var lines = Wrap(text, font, TextWidth - indent, TextWidth);
            if (centred)
            {
                // A title over two lines is set in lines of about equal length, not a full line and a stub.
                for (var width = TextWidth - font.Size; lines.Count > 1 && width > font.Size; width -= font.Size)
                {
                    var narrower = Wrap(text, font, width, width);
                    if (narrower.Count > lines.Count)
                    {
                        break;
                    }

                    lines = narrower;
                }
            }

            Ensure(lineHeight + keepWith);
            for (var i = 0; i < lines.Count; i++)
            {
                Ensure(lineHeight);
                var width = font.Measure(lines[i]);
                var x = centred ? Left + ((TextWidth - width) / 2) : Left + (i == 0 ? indent : 0);
                Page.Add(new PdfOp(x, Baseline(_y, lineHeight, font.Size), lines[i], font));
                _y += lineHeight;
            }
        }

        public MeasuredGrid Measure(ReportGrid grid)
        {
            var weights = grid.ColumnWeights();
            var unit = TextWidth / weights.Sum();
            var columnX = new float[weights.Length + 1];
            for (var i = 0; i < weights.Length; i++)
            {
                columnX[i + 1] = columnX[i] + (weights[i] * unit);
            }

            var cells = new List<PlacedCell>();
            var heights = new float[grid.Rows.Count];
            for (var r = 0; r < grid.Rows.Count; r++)
            {
                var column = 0;
                heights[r] = CellLine + (2 * CellPadY);
                foreach (var cell in grid.Rows[r])
                {
                    var span = Math.Max(cell.ColSpan, 1);
                    if (!cell.Continuation)
                    {
                        var width = columnX[column + span] - columnX[column] - (2 * CellPadX);
                        var font = cell.Header ? HeaderCell : Cell;
                        var placed = new PlacedCell(cell, r, column, Math.Max(cell.RowSpan, 1), span, cell.Text.Length == 0 ? [] : Wrap(cell.Text, font, width, width));
                        cells.Add(placed);
                        if (placed.RowSpan == 1)
                        {
                            heights[r] = Math.Max(heights[r], placed.TextHeight);
                        }
                    }

                    column += span;
                }
            }

            // A merged cell taller than its rows makes its last row taller.
            foreach (var cell in cells.Where(c => c.RowSpan > 1))
            {
                var spanned = heights.Skip(cell.Row).Take(cell.RowSpan).Sum();
                if (spanned < cell.TextHeight)
                {
                    heights[cell.Row + cell.RowSpan - 1] += cell.TextHeight - spanned;
                }
            }

            return new MeasuredGrid(grid, columnX, heights, cells, BlockEnds(grid, cells, heights));
        }

        /// <summary>
        /// For each row, the end (exclusive) of the rows that go onto a page with it: a row is never split; a title or
        /// header row goes with the row below; a merged cell goes with as many of its rows as its text needs.
        /// </summary>
        private static int[] BlockEnds(ReportGrid grid, List<PlacedCell> cells, float[] heights)
        {
            var ends = new int[grid.Rows.Count];
            for (var r = 0; r < grid.Rows.Count; r++)
            {
                var end = r + 1;
                var changed = true;
                while (changed)
                {
                    changed = false;
                    if (end < grid.Rows.Count && ReportGrid.IsHeaderRow(grid.Rows[end - 1]))
                    {
                        end++;
                        changed = true;
                    }

                    foreach (var cell in cells.Where(c => c.Row >= r && c.Row < end && c.RowSpan > 1))
                    {
                        var needed = cell.Row + 1;
                        while (needed < cell.Row + cell.RowSpan && heights.Skip(cell.Row).Take(needed - cell.Row).Sum() < cell.TextHeight)
                        {
                            needed++;
                        }

                        if (needed > end)
                        {
                            end = needed;
                            changed = true;
                        }
                    }
                }

                ends[r] = end;
            }

            return ends;
        }

        public void Table(MeasuredGrid table)
        {
            var rows = table.RowHeights.Length;
            var r = 0;
            while (r < rows)
            {
                Ensure(table.RowHeights.Skip(r).Take(table.BlockEnds[r] - r).Sum());
                var first = r;
                var rowTop = new float[rows + 1];
                rowTop[r] = _y;
                while (r < rows)
                {
                    var end = table.BlockEnds[r];
                    var height = table.RowHeights.Skip(r).Take(end - r).Sum();
                    if (r > first && _y + height > Bottom)
                    {
                        break;
                    }

                    for (; r < end; r++)
                    {
                        _y += table.RowHeights[r];
                        rowTop[r + 1] = _y;
                    }
                }

                DrawFragment(table, first, r, rowTop);
                if (r < rows)
                {
                    NewPage();
                }
            }
        }

        /// <summary>Rows [first, end) of a table on this page; a merged cell cut by the page break is boxed on each page.</summary>
        private void DrawFragment(MeasuredGrid table, int first, int end, float[] rowTop)
        {
            foreach (var cell in table.Cells.Where(c => c.Row < end && c.Row + c.RowSpan > first))
            {
                var x = Left + table.ColumnX[cell.Column];
                var width = table.ColumnX[cell.Column + cell.ColSpan] - table.ColumnX[cell.Column];
                var top = rowTop[Math.Max(cell.Row, first)];
                var bottom = rowTop[Math.Min(cell.Row + cell.RowSpan, end)];
                Page.Add(new PdfOp(x, top, Width: width, Height: bottom - top));
                if (cell.Row < first || cell.Lines.Count == 0)
                {
                    continue;
                }

                // Centred both ways, as Word prints the DOCX.
                var font = cell.Cell.Header ? HeaderCell : Cell;
                var lineTop = top + ((bottom - top - (cell.Lines.Count * CellLine)) / 2);
                foreach (var line in cell.Lines)
                {
                    var lineX = x + ((width - font.Measure(line)) / 2);
                    Page.Add(new PdfOp(lineX, Baseline(lineTop, CellLine, CellSize), line, font));
                    lineTop += CellLine;
                }
            }
        }

        private void Ensure(float height)
        {
            if (_y + height > Bottom && _y > Top)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            Pages.Add([]);
            _y = Top;
        }

        /// <summary>The baseline that centres a CJK line (ascent about 0.88 em) in its line box.</summary>
        private static float Baseline(float top, float lineHeight, float size) => top + ((lineHeight - size) / 2) + (0.88f * size);

        /// <summary>
        /// Breaks text into lines by character, as Chinese is set: closing punctuation never starts a line (it hangs
        /// into the margin), an opening bracket never ends one, and a run of Latin letters or digits (2023, 0.5950)
        /// is not broken unless it is longer than a line.
        /// </summary>
        private static List<string> Wrap(string text, PdfFont font, float firstWidth, float width)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            var lineWidth = 0f;
            var limit = firstWidth;
            var i = 0;
            while (i < text.Length)
            {
                var unit = NextUnit(text, i);
                var unitWidth = font.Measure(unit);
                var hangs = unit.Length == 1 && ClosingPunctuation.Contains(unit[0], StringComparison.Ordinal);
                if (line.Length > 0 && lineWidth + unitWidth > limit && !hangs)
                {
                    var carried = "";
                    if (OpeningPunctuation.Contains(line[^1], StringComparison.Ordinal) && line.Length > 1)
                    {
                        carried = line[^1].ToString();
                        line.Length--;
                    }

                    lines.Add(line.ToString());
                    line.Clear().Append(carried);
                    lineWidth = font.Measure(carried);
                    limit = width;
                }

                if (unitWidth > limit && unit.Length > 1)
                {
                    // A Latin run longer than a line: set it character by character.
                    unit = unit[..1];
                    unitWidth = font.Measure(unit);
                }

                line.Append(unit);
                lineWidth += unitWidth;
                i += unit.Length;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }

        private static string NextUnit(string text, int start)
        {
            var end = start + 1;
            if (char.IsHighSurrogate(text[start]) && end < text.Length)
            {
                return text.Substring(start, 2);
            }

            while (end < text.Length && IsLatin(text[start]) && IsLatin(text[end]))
            {
                end++;
            }

            return text[start..end];
        }

        private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '%' or '-' or '+';

        private const string ClosingPunctuation = "，。、；：？！）》」』”’,.;:?!)]%";

        private const string OpeningPunctuation = "（《「『“‘([";
    }
}
