using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Domain.Common;
using SkiaSharp;

namespace Gongkai.Core.Features.Demo;

/// <summary>
/// The full text of a demo item as the file an office attaches (条例 Art 23: published through the site, downloadable):
/// one A4 page in the 公文 look of the report writer — title, 文号, date and the body — drawn with Skia in the report's
/// faces. Where the faces are missing (<see cref="PdfFaces.Get"/> throws until the fonts are shipped with Core), a
/// plain-text file says the same, so the demo never fails on fonts.
/// </summary>
internal static class ItemAttachments
{
    private const float Mm = 72f / 25.4f;

    // A4 and its text area inside the 公文 margins (GB/T 9704: left 28, top 37, right 26, bottom 35 mm), in points.
    private static readonly SKSize Page = new(210 * Mm, 297 * Mm);
    private static readonly SKRect Area = new(28 * Mm, 37 * Mm, (210 - 26) * Mm, (297 - 35) * Mm);

    // 二号 title, 四号 for 文号 and date, 三号 text on a fixed 28pt line.
    private const float TitleSize = 22;
    private const float TitleLine = 36;
    private const float NoteSize = 14;
    private const float TextSize = 16;
    private const float TextLine = 28;

    /// <summary>The file named after the item's title: <c>.pdf</c> when the faces load, else <c>.txt</c>.</summary>
    public static (string FileName, byte[] Bytes) Render(string agency, string title, string documentNumber, DateOnly publishedOn, string body) =>
        Render(Faces(), agency, title, documentNumber, publishedOn, body);

    /// <param name="faces">The report's faces; null for the text file.</param>
    internal static (string FileName, byte[] Bytes) Render(PdfFaces? faces, string agency, string title, string documentNumber, DateOnly publishedOn, string body)
    {
        var notes = new List<string> { agency };
        if (documentNumber.Length > 0)
        {
            notes.Add(documentNumber);
        }

        notes.Add(ChineseDate.Format(publishedOn));
        return faces is not null
            ? (title + ".pdf", Pdf(faces, title, notes, body, publishedOn))
            : (title + ".txt", Encoding.UTF8.GetBytes($"{title}\n\n{string.Join('\n', notes)}\n\n{body}\n"));
    }

    /// <summary>The report's faces, or null when this machine has none (the only failure <see cref="PdfFaces.Get"/> has).</summary>
    internal static PdfFaces? Faces()
    {
        try
        {
            return PdfFaces.Get();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[] Pdf(PdfFaces faces, string title, IReadOnlyList<string> notes, string body, DateOnly publishedOn)
    {
        using var stream = new MemoryStream();
        // Fixed dates: the same item gives the same file, so the store keeps it once.
        var date = publishedOn.ToDateTime(TimeOnly.MinValue);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "Gongkai",
            Producer = "Gongkai (Skia)",
            Creation = date,
            Modified = date,
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };
        // Skia embeds a face whole (3 MB): each face is cut down to the characters it draws, as the report writer does.
        using var titleFace = Subset(faces, faces.SerifBold, title);
        using var noteFace = Subset(faces, faces.Sans, string.Join("　", notes));
        using var textFace = Subset(faces, faces.Serif, "　" + body);
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        using (var titleFont = new SKFont(titleFace, TitleSize))
        using (var noteFont = new SKFont(noteFace, NoteSize))
        using (var textFont = new SKFont(textFace, TextSize))
        {
            var canvas = document.BeginPage(Page.Width, Page.Height);
            var y = Area.Top;
            foreach (var line in Lines(title, titleFont, Area.Width))
            {
                canvas.DrawText(line, Area.MidX, y + TitleSize, SKTextAlign.Center, titleFont, ink);
                y += TitleLine;
            }

            canvas.DrawText(string.Join("　", notes), Area.MidX, y + NoteSize, SKTextAlign.Center, noteFont, ink);
            y += 2 * TextLine;
            foreach (var paragraph in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // 公文 paragraphs start two characters in.
                foreach (var line in Lines("　　" + paragraph, textFont, Area.Width))
                {
                    if (y + TextLine > Area.Bottom)
                    {
                        break; // one page: a demo body is a few sentences
                    }

                    canvas.DrawText(line, Area.Left, y + TextSize, SKTextAlign.Left, textFont, ink);
                    y += TextLine;
                }
            }

            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    private static SKTypeface Subset(PdfFaces faces, SKTypeface face, string text)
    {
        var codePoints = new SortedSet<int>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            codePoints.Add(char.ConvertToUtf32(text, i));
        }

        // The shipped faces always have their file to cut from; a null would mean a system face, never passed here.
        return faces.Subset(face, codePoints) ?? throw new InvalidOperationException("Only the shipped faces are subset here.");
    }

    /// <summary>The text broken into lines no wider than <paramref name="width"/>; Chinese breaks between any two characters.</summary>
    private static List<string> Lines(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var c in text)
        {
            if (line.Length > 0 && font.MeasureText(line.ToString() + c) > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(c);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
