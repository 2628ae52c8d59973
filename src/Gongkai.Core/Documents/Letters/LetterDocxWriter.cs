using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Documents.Letters;

/// <summary>
/// Writes a letter as a Word document in the 公文 look (GB/T 9704), on <see cref="GongwenDocx"/>'s page: A4 with
/// 37/35/28/26 mm margins; the mark (if any) in 三号黑体 flush left above the title; the title in 二号小标宋 centred;
/// the 文号 centred under it; a blank line; the addressee flush left; the body in 三号仿宋 on a fixed 28pt line, each
/// paragraph indented two characters; then the agency's name centred over the date of issue, which is 右空四字
/// (<see cref="LetterLayout"/>), kept on the page of the body's last line.
/// </summary>
public static class LetterDocxWriter
{
    // The title's fixed line: 二号 with some lead, as the PDF sets it.
    private const int TitleLine = 720;

    public static byte[] Write(LetterDocument document)
    {
        var blocks = LetterLayout.Blocks(document);
        var date = blocks[^1].Text;
        var body = new Body();
        for (var i = 0; i < blocks.Count; i++)
        {
            var (part, text) = blocks[i];
            var lastOfBody = part == LetterPart.Body && i + 1 < blocks.Count && blocks[i + 1].Part != LetterPart.Body;
            body.Append(part switch
            {
                LetterPart.Mark => Paragraph(text, GongwenDocx.HeadingFont, GongwenDocx.TextSize, JustificationValues.Left, after: GongwenDocx.Line),
                LetterPart.Title => Paragraph(text, GongwenDocx.TitleFont, GongwenDocx.TitleSize, JustificationValues.Center, line: TitleLine),
                LetterPart.Number => Paragraph(text, GongwenDocx.BodyFont, GongwenDocx.TextSize, JustificationValues.Center, after: GongwenDocx.Line),
                LetterPart.Addressee => Paragraph(text, GongwenDocx.BodyFont, GongwenDocx.TextSize, JustificationValues.Left),
                LetterPart.Body => BodyParagraph(text, keepNext: lastOfBody),
                LetterPart.Signatory => Paragraph(
                    text, GongwenDocx.BodyFont, GongwenDocx.TextSize, JustificationValues.Right,
                    before: LetterLayout.SignatureSpaceLines * GongwenDocx.Line, rightChars: LetterLayout.SignatoryRightIndent(text, date), keepNext: true),
                _ => Paragraph(text, GongwenDocx.BodyFont, GongwenDocx.TextSize, JustificationValues.Right, rightChars: LetterLayout.DateRightIndent),
            });
        }

        return GongwenDocx.Package(body, document.Title + " " + document.Number);
    }

    /// <summary>A body paragraph; the last is kept with the signature (GB/T 9704: no page of signature alone).</summary>
    private static Paragraph BodyParagraph(string text, bool keepNext)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(GongwenDocx.FixedLineSpacing(), GongwenDocx.FirstLineIndent(), new Justification { Val = JustificationValues.Both });
        return new Paragraph(properties, GongwenDocx.TextRun(text, GongwenDocx.BodyFont, GongwenDocx.TextSize, bold: false));
    }

    /// <param name="line">The fixed line, in twentieths of a point.</param>
    /// <param name="before">Space above, in twentieths of a point.</param>
    /// <param name="after">Space below, in twentieths of a point.</param>
    /// <param name="rightChars">Space kept at the right margin, in characters of 三号.</param>
    private static Paragraph Paragraph(
        string text, string font, int halfPoints, JustificationValues justification, int line = GongwenDocx.Line, int before = 0, int after = 0,
        float rightChars = 0, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(new SpacingBetweenLines
        {
            Before = before.ToString(CultureInfo.InvariantCulture),
            After = after.ToString(CultureInfo.InvariantCulture),
            Line = line.ToString(CultureInfo.InvariantCulture),
            LineRule = LineSpacingRuleValues.Exact,
        });
        if (rightChars > 0)
        {
            // Hundredths of a character; Right (twips of 16pt characters) is for programs that ignore RightChars.
            properties.Append(new Indentation
            {
                RightChars = (int)Math.Round(rightChars * 100),
                Right = ((int)Math.Round(rightChars * 320)).ToString(CultureInfo.InvariantCulture),
            });
        }

        properties.Append(new Justification { Val = justification });
        return new Paragraph(properties, GongwenDocx.TextRun(text, font, halfPoints, bold: false));
    }
}
