using Gongkai.Domain.Letters;

namespace Gongkai.Core.Documents.Letters;

/// <summary>
/// Writes a letter as a PDF in the layout of <see cref="LetterDocxWriter"/>, drawn with Skia in process on
/// <see cref="PdfPageFlow"/>'s 公文 pages, with the shipped faces (Documents/Fonts): the title in the 小标宋-class face,
/// the mark in the 黑体-class face, the rest in the 宋体-class face standing in for 仿宋. Pages are added as the text
/// needs; a letter of more than one page has “— 1 —” page numbers. The text is extractable (PdfPig, pdftotext).
/// A character no face has stops the letter with <see cref="ReportWriteException"/> naming it, never an empty box.
/// </summary>
public static class LetterPdfWriter
{
    // 二号 title on a 36pt line, 三号 text on a fixed 28pt line, 四号 page numbers.
    private const float TitleSize = 22;
    private const float TitleLine = 36;
    private const float TextSize = 16;
    private const float TextLine = 28;
    private const float PageNumberSize = 14;

    public static byte[] Write(LetterDocument document)
    {
        var blocks = LetterLayout.Blocks(document);
        var date = blocks[^1].Text;
        var faces = PdfFaces.Get();
        var flow = new PdfPageFlow();
        using var mark = new PdfFont(faces, faces.Sans, TextSize, flow.Characters);
        using var title = new PdfFont(faces, faces.SerifBold, TitleSize, flow.Characters);
        using var text = new PdfFont(faces, faces.Serif, TextSize, flow.Characters);
        using var pageNumber = new PdfFont(faces, faces.Serif, PageNumberSize, flow.Characters);

        // The signature block: the blank lines left for the seal, the agency and the date.
        const float signature = (LetterLayout.SignatureSpaceLines + 2) * TextLine;
        for (var i = 0; i < blocks.Count; i++)
        {
            var (part, value) = blocks[i];
            switch (part)
            {
                case LetterPart.Mark:
                    flow.Paragraph(value, mark, TextLine, indent: 0, PdfAlign.Left);
                    flow.Space(TextLine);
                    break;
                case LetterPart.Title:
                    flow.Paragraph(value, title, TitleLine, indent: 0, PdfAlign.Centre);
                    break;
                case LetterPart.Number:
                    flow.Paragraph(value, text, TextLine, indent: 0, PdfAlign.Centre);
                    flow.Space(TextLine);
                    break;
                case LetterPart.Addressee:
                    flow.Paragraph(value, text, TextLine, indent: 0, PdfAlign.Left);
                    break;
                case LetterPart.Body:
                    // The body's last line goes onto the page of the signature (GB/T 9704: never a page of signature alone).
                    var last = i + 1 < blocks.Count && blocks[i + 1].Part != LetterPart.Body;
                    flow.Paragraph(value, text, TextLine, indent: 2 * TextSize, PdfAlign.Left, keepLastWith: last ? signature : 0);
                    break;
                case LetterPart.Signatory:
                    flow.Space(LetterLayout.SignatureSpaceLines * TextLine);
                    flow.Paragraph(value, text, TextLine, indent: 0, PdfAlign.Right, keepLastWith: TextLine,
                        rightIndent: LetterLayout.SignatoryRightIndent(value, date) * TextSize);
                    break;
                default:
                    flow.Paragraph(value, text, TextLine, indent: 0, PdfAlign.Right, rightIndent: LetterLayout.DateRightIndent * TextSize);
                    break;
            }
        }

        if (flow.Pages.Count > 1)
        {
            flow.NumberPages(pageNumber);
        }

        if (flow.Characters.Missing.Count > 0)
        {
            throw ReportWriteException.MissingGlyphs(flow.Characters.Missing, "文书");
        }

        return flow.Render(document.Title + " " + document.Number);
    }
}
