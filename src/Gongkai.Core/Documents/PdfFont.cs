using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Gongkai.Core.Documents;

/// <summary>
/// A font of the PDF report (a face at a size) with the faces that stand in for the characters it lacks
/// (<see cref="PdfFaces.For"/>). Text is measured and cut into runs by face here only, so the layout measures
/// exactly what the writer draws. Each character is noted in <see cref="PdfCharacters"/>: under the face that draws
/// it (the writer embeds a subset of those), or as missing, and then neither measured nor drawn: the writer refuses
/// the whole PDF rather than print an empty box.
/// </summary>
internal sealed class PdfFont : IDisposable
{
    private readonly PdfFaces _faces;
    private readonly SKTypeface _face;
    private readonly PdfCharacters _characters;
    private readonly Dictionary<SKTypeface, SKFont> _fonts = [];
    private readonly Dictionary<int, (SKFont? Font, float Width)> _known = [];

    public PdfFont(PdfFaces faces, SKTypeface face, float size, PdfCharacters characters)
    {
        _faces = faces;
        _face = face;
        _characters = characters;
        Size = size;
    }

    public float Size { get; }

    public float Measure(string text)
    {
        var width = 0f;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Character(rune).Width;
        }

        return width;
    }

    /// <summary>The text cut where the face changes, each run with its font and width; characters no face has are left out.</summary>
    public List<(string Text, SKFont Font, float Width)> Runs(string text)
    {
        var runs = new List<(string Text, SKFont Font, float Width)>();
        var run = new StringBuilder();
        SKFont? current = null;
        var width = 0f;
        foreach (var rune in text.EnumerateRunes())
        {
            var (font, advance) = Character(rune);
            if (font is null)
            {
                continue;
            }

            if (font != current && run.Length > 0)
            {
                runs.Add((run.ToString(), current!, width));
                run.Clear();
                width = 0;
            }

            current = font;
            run.Append(rune.ToString());
            width += advance;
        }

        if (run.Length > 0)
        {
            runs.Add((run.ToString(), current!, width));
        }

        return runs;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }

    private (SKFont? Font, float Width) Character(Rune rune)
    {
        if (_known.TryGetValue(rune.Value, out var known))
        {
            return known;
        }

        (SKFont? Font, float Width) found = (null, 0);
        if (!Ignorable(rune))
        {
            if (_faces.For(_face, rune.Value) is { } face)
            {
                if (!_fonts.TryGetValue(face, out var font))
                {
                    font = new SKFont(face, Size);
                    _fonts[face] = font;
                }

                found = (font, font.MeasureText(rune.ToString()));
                _characters.Use(face, rune.Value);
            }
            else
            {
                _characters.Missing.Add(rune.Value);
            }
        }

        _known[rune.Value] = found;
        return found;
    }

    /// <summary>Controls, format characters (zero-width space, BOM) and variation selectors: nothing to print, so not missing.</summary>
    private static bool Ignorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        || rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);
}

/// <summary>The characters the text of one PDF needs: those each face draws, and those no face has.</summary>
internal sealed class PdfCharacters
{
    public SortedSet<int> Missing { get; } = [];

    public Dictionary<SKTypeface, SortedSet<int>> Used { get; } = [];

    public void Use(SKTypeface face, int codePoint)
    {
        if (!Used.TryGetValue(face, out var used))
        {
            used = [];
            Used[face] = used;
        }

        used.Add(codePoint);
    }
}
