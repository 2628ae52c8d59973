using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Gongkai.Core.Documents;

/// <summary>How a paragraph's lines sit on the text width.</summary>
internal enum PdfAlign
{
    Left,
    Centre,
    Right,
}

/// <summary>A text run at its baseline, or (without text) a ruled rectangle; in points from the page's top left.</summary>
internal sealed record PdfOp(float X, float Y, string? Text = null, PdfFont? Font = null, float Width = 0, float Height = 0);

/// <summary>
/// Text set on 公文 pages (GB/T 9704: A4, margins top 37, bottom 35, left 28, right 26 mm) and drawn into a PDF with
/// Skia, shared by the annual report and the letters: paragraphs broken into lines as Chinese is set, pages added as
/// the text needs, “— 1 —” page numbers, and the PDF with subsets of the shipped faces and text a reader can extract.
/// Pages are lists of drawing operations until <see cref="Render"/>.
/// </summary>
internal class PdfPageFlow
{
    public const float Mm = 72f / 25.4f;

    // A4 and the 公文 margins, in points.
    public const float PageWidth = 210 * Mm;
    public const float PageHeight = 297 * Mm;
    public const float Top = 37 * Mm;
    public const float Bottom = PageHeight - (35 * Mm);
    public const float Left = 28 * Mm;
    public const float Right = PageWidth - (26 * Mm);
    public const float TextWidth = Right - Left;

    public PdfPageFlow()
    {
        Pages.Add([]);
    }

    public List<List<PdfOp>> Pages { get; } = [];

    /// <summary>The characters of the text, by the face that draws them, and those no face has.</summary>
    public PdfCharacters Characters { get; } = new();

    /// <summary>Where the next line's box starts on the current page, in points from the top.</summary>
    protected float Y { get; set; } = Top;

    protected List<PdfOp> Page => Pages[^1];

    /// <summary>GB/T 9704: the number in 四号 between two 一字线, centred 7 mm below the text area.</summary>
    public void NumberPages(PdfFont font)
    {
        for (var p = 0; p < Pages.Count; p++)
        {
            var number = "— " + (p + 1).ToString(CultureInfo.InvariantCulture) + " —";
            Pages[p].Add(new PdfOp((PageWidth - font.Measure(number)) / 2, Bottom + (7 * Mm) + font.Size, number, font));
        }
    }

    public void Space(float height)
    {
        if (Y > Top)
        {
            Y = Math.Min(Y + height, Bottom);
        }
    }

    /// <param name="keepWith">Height that must fit on the page under the first line (a heading's next lines).</param>
    /// <param name="keepLastWith">Height that must fit on the page under the last line (what follows the paragraph).</param>
    /// <param name="rightIndent">Space kept free at the right margin.</param>
    public void Paragraph(string text, PdfFont font, float lineHeight, float indent, PdfAlign align, float keepWith = 0, float keepLastWith = 0, float rightIndent = 0)
    {
        var textWidth = TextWidth - rightIndent;
        var lines = Wrap(text, font, textWidth - indent, textWidth);
        if (align == PdfAlign.Centre)
        {
            // A title over two lines is set in lines of about equal length, not a full line and a stub.
            for (var width = textWidth - font.Size; lines.Count > 1 && width > font.Size; width -= font.Size)
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
            Ensure(lineHeight + (i == lines.Count - 1 ? keepLastWith : 0));
            var width = font.Measure(lines[i]);
            var x = align switch
            {
                PdfAlign.Centre => Left + ((textWidth - width) / 2),
                PdfAlign.Right => Left + textWidth - width,
                _ => Left + (i == 0 ? indent : 0),
            };
            Page.Add(new PdfOp(x, Baseline(Y, lineHeight, font.Size), lines[i], font));
            Y += lineHeight;
        }
    }

    /// <summary>A new page if the height does not fit under what is on this one (a page's first line always fits).</summary>
    protected void Ensure(float height)
    {
        if (Y + height > Bottom && Y > Top)
        {
            NewPage();
        }
    }

    protected void NewPage()
    {
        Pages.Add([]);
        Y = Top;
    }

    /// <summary>The baseline that centres a CJK line (ascent about 0.88 em) in its line box.</summary>
    protected static float Baseline(float top, float lineHeight, float size) => top + ((lineHeight - size) / 2) + (0.88f * size);

    /// <summary>
    /// Breaks text into lines by character, as Chinese is set: closing punctuation never starts a line (it hangs
    /// into the margin), an opening bracket never ends one, and a run of Latin letters or digits (2023, 0.5950)
    /// is not broken unless it is longer than a line.
    /// </summary>
    protected static List<string> Wrap(string text, PdfFont font, float firstWidth, float width)
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

    private const string ClosingPunctuation = "，。、；：？！）》」』”’,.;:?!)]%〕】";

    private const string OpeningPunctuation = "（《「『“‘([〔【";

    /// <summary>The pages as a PDF: each shipped face embedded as a subset of the characters drawn with it.</summary>
    public byte[] Render(string title)
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
        using var fonts = new DrawingFonts(PdfFaces.Get(), Characters);
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        using (var rule = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.75f })
        {
            foreach (var page in Pages)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                foreach (var op in page)
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
}
