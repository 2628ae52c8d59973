using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Documents;
using UglyToad.PdfPig;

namespace Gongkai.Tests;

/// <summary>
/// A rendered letter's text read back as a reader would: the DOCX with the Open XML SDK (one string per paragraph of
/// the body), the PDF with PdfPig (one string per printed line, page by page, top to bottom, page numbers apart).
/// For tests of the letter writers and of what uses them (CLI, site): compare with the LetterDocument's text.
/// </summary>
internal static partial class LetterReadBack
{
    /// <summary>The text of each paragraph of the document's body, empty paragraphs left out.</summary>
    public static List<string> DocxParagraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))
            .Where(t => t.Length > 0)
            .ToList();
    }

    /// <summary>The PDF's pages, each as its lines of text (letters on one baseline, left to right), page numbers included.</summary>
    public static List<List<string>> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<List<string>>();
        foreach (var page in document.GetPages())
        {
            var actual = new PdfActualTexts(page);
            pages.Add(page.Letters
                .Select(l => (Text: actual.Of(l) ?? l.Value, l.StartBaseLine.X, l.StartBaseLine.Y))
                .GroupBy(l => Math.Round(l.Y, 1))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Concat(g.OrderBy(l => l.X).Select(l => l.Text)))
                .ToList());
        }

        return pages;
    }

    /// <summary>All the PDF's text in reading order without the page numbers, and without spaces between words.</summary>
    public static string PdfText(byte[] pdf) =>
        string.Concat(PdfPages(pdf).SelectMany(p => p).Where(l => !IsPageNumber(l)));

    /// <summary>“— 3 —”.</summary>
    public static bool IsPageNumber(string line) => PageNumber().IsMatch(line);

    [GeneratedRegex(@"^—\s*\d+\s*—$")]
    private static partial Regex PageNumber();
}
