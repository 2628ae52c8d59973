using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Documents.Letters;

/// <summary>The parts of a printed letter, top to bottom.</summary>
internal enum LetterPart
{
    Mark,
    Title,
    Number,
    Addressee,
    Body,
    Signatory,
    Date,
}

/// <summary>One printed paragraph of a letter.</summary>
internal readonly record struct LetterBlock(LetterPart Part, string Text);

/// <summary>
/// What the three renderers of a letter (DOCX, PDF, print view) agree on: the paragraphs in print order and where
/// the signature goes, after GB/T 9704-2012 (7.3.5.1: the date of issue 右空四字, the agency's name centred over it,
/// the seal pressing on both and reaching up to within a line of the body).
/// </summary>
internal static class LetterLayout
{
    /// <summary>Characters kept free right of the date of issue (GB/T 9704-2012 7.3.5.1: 右空四字).</summary>
    public const float DateRightIndent = 4;

    /// <summary>Blank lines between the body and the signature: room for the top of the seal.</summary>
    public const int SignatureSpaceLines = 2;

    /// <summary>
    /// The letter's paragraphs in print order: the mark (if any), title, 文号, addressee, the body's paragraphs, the
    /// agency and the date in Chinese numerals. A body paragraph holding line breaks prints as one paragraph per
    /// line; empty ones are left out.
    /// </summary>
    public static List<LetterBlock> Blocks(LetterDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = new List<LetterBlock>(document.Paragraphs.Count + 6);
        Add(blocks, LetterPart.Mark, document.Mark);
        Add(blocks, LetterPart.Title, document.Title);
        Add(blocks, LetterPart.Number, document.Number);
        Add(blocks, LetterPart.Addressee, document.Addressee);
        foreach (var paragraph in document.Paragraphs)
        {
            foreach (var line in paragraph.Split('\n'))
            {
                Add(blocks, LetterPart.Body, line);
            }
        }

        Add(blocks, LetterPart.Signatory, document.Signatory);
        Add(blocks, LetterPart.Date, ChineseDate.Numerals(document.IssuedOn));
        return blocks;
    }

    /// <summary>
    /// The agency's name centred over the date of issue: its space from the right margin, in characters of the body
    /// size; none when the name is too long to be centred there (it then ends at the margin).
    /// </summary>
    public static float SignatoryRightIndent(string signatory, string date) =>
        Math.Max(0, DateRightIndent + ((Characters(date) - Characters(signatory)) / 2));

    /// <summary>The width of the text in characters of the body size: Chinese a full character, ASCII half.</summary>
    private static float Characters(string text)
    {
        var width = 0f;
        foreach (var c in text)
        {
            width += c < 0x80 ? 0.5f : char.IsLowSurrogate(c) ? 0 : 1;
        }

        return width;
    }

    private static void Add(List<LetterBlock> blocks, LetterPart part, string? text)
    {
        var trimmed = text?.Trim('\r', ' ', '\u3000') ?? "";
        if (trimmed.Length > 0)
        {
            blocks.Add(new LetterBlock(part, part == LetterPart.Body ? text!.TrimEnd('\r') : trimmed));
        }
    }
}
