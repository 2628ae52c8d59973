using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

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
            var actual = ActualTexts(page);
            pages.Add(page.Letters
                .Select(l => (Text: actual.TryGetValue(Key(l), out var text) ? text : l.Value, l.StartBaseLine.X, l.StartBaseLine.Y))
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

    /// <summary>
    /// The /ActualText Skia writes where its text map would give another character than the one drawn (Noto CJK shares
    /// a glyph among 户 and 戶): the first letter of a marked span carries its text, the others none.
    /// </summary>
    private static Dictionary<(double X, double Y, string Value), string> ActualTexts(Page page)
    {
        var texts = new Dictionary<(double X, double Y, string Value), string>();
        var pending = new Stack<MarkedContentElement>(page.GetMarkedContents());
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            foreach (var child in element.Children)
            {
                pending.Push(child);
            }

            if (element.ActualText is { } text && element.Letters.Count > 0)
            {
                for (var i = 0; i < element.Letters.Count; i++)
                {
                    texts[Key(element.Letters[i])] = i == 0 ? text : "";
                }
            }
        }

        return texts;
    }

    private static (double X, double Y, string Value) Key(Letter letter) =>
        (Math.Round(letter.StartBaseLine.X, 2), Math.Round(letter.StartBaseLine.Y, 2), letter.Value);
}
