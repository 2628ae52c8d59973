using UglyToad.PdfPig.Content;

namespace Gongkai.Core.Documents;

/// <summary>
/// The /ActualText of a page's marked content, by letter: what the writer says the letters stand for, where the font's
/// text map would give another character (Noto CJK shares one glyph among 户 and 戶; Skia marks each such glyph). The
/// first letter of a span carries its whole text and the others none. Read by the report reader and by the tests that
/// read letters back.
/// </summary>
public sealed class PdfActualTexts
{
    private readonly Dictionary<(double X, double Y, string Value), string> _texts = [];

    public PdfActualTexts(Page page)
    {
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
                    _texts[Key(element.Letters[i])] = i == 0 ? text : "";
                }
            }
        }
    }

    /// <summary>What the letter stands for when the writer said so; null otherwise (the letter's own value holds).</summary>
    public string? Of(Letter letter) => _texts.TryGetValue(Key(letter), out var text) ? text : null;

    private static (double X, double Y, string Value) Key(Letter letter) =>
        (Math.Round(letter.StartBaseLine.X, 2), Math.Round(letter.StartBaseLine.Y, 2), letter.Value);
}
