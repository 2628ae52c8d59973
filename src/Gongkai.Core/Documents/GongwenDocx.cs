using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Core.Documents;

/// <summary>
/// The pieces of a Word document in the usual 公文 look (GB/T 9704) that the annual report and the letters share:
/// A4 with 37/35/28/26 mm margins, the fonts a government PC has, runs tagged zh-CN, a fixed 28pt line, and “— 1 —”
/// page numbers in the footer.
/// </summary>
/// <remarks>
/// Fonts: runs name the fonts a government PC has (方正小标宋简体, 黑体, 仿宋_GB2312), so Word there prints the
/// document as offices expect; every run is tagged zh-CN. The font table gives each font its class (roman/swiss),
/// the GB2312 charset and, as w:altName, the free face of the same class (Noto Serif/Sans CJK SC), for programs
/// that substitute by these. LibreOffice on our server ignores them and substitutes the first CJK face it finds,
/// so <see cref="LibreOfficePdf"/> gives it the same pairs as its font replacement table.
/// </remarks>
internal static class GongwenDocx
{
    public const string TitleFont = "方正小标宋简体";
    public const string HeadingFont = "黑体";
    public const string BodyFont = "仿宋_GB2312";
    public const string LatinFont = "Times New Roman";

    /// <summary>Each font the runs name, with the installed face that stands in for it and its class.</summary>
    private static readonly (string Name, string AltName, FontFamilyValues Family)[] Fonts =
    [
        (TitleFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
        (HeadingFont, "Noto Sans CJK SC", FontFamilyValues.Swiss),
        (BodyFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
        (LatinFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
    ];

    // Sizes in half-points (w:sz): 22pt (二号) title, 16pt (三号) text and headings, 14pt (四号) page numbers.
    public const int TitleSize = 44;
    public const int TextSize = 32;
    private const int PageNumberSize = 28;

    /// <summary>The fixed line of 三号 text, 28pt, in twentieths of a point; also one blank line.</summary>
    public const int Line = 560;

    // A4 and the 公文 margins (GB/T 9704: top 37, bottom 35, left 28, right 26 mm), in twips.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 2098;
    public const int MarginBottom = 1984;
    public const int MarginLeft = 1588;
    public const int MarginRight = 1474;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>The document's package: the body with the page set up, the font table and the page-number footer.</summary>
    public static byte[] Package(Body body, string title)
    {
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

    public static SpacingBetweenLines FixedLineSpacing() => new() { Line = Line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact };

    /// <summary>Two characters of 16pt; FirstLine is for programs that ignore FirstLineChars.</summary>
    public static Indentation FirstLineIndent() => new() { FirstLineChars = 200, FirstLine = "640" };

    public static Run TextRun(string text, string eastAsiaFont, int halfPoints, bool bold)
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
