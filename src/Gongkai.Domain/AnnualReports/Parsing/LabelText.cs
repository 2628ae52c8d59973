using System.Globalization;
using System.Text;

namespace Gongkai.Domain.AnnualReports.Parsing;

/// <summary>
/// The comparison form of a label: NFKC (full-width to half-width, Kangxi radicals to ideographs), without
/// white space, punctuation or quotation marks. "（三）不予\n公开", "(三)不予公开" and "（三） 不予公开" all
/// become "三不予公开"; "总 计" becomes "总计"; "商业 企业" becomes "商业企业".
/// </summary>
public static class LabelText
{
    /// <summary>
    /// NFKC of any text a file may hold: the framework refuses U+FFFE, U+FFFF and unpaired surrogates with an
    /// ArgumentException (a text file holding U+FFFE crashed <c>check</c> and the imports, issue 16, 7), so they become
    /// U+FFFD, the replacement character decoders put for what they cannot read (Unicode §5.22).
    /// </summary>
    public static string Nfkc(string text)
    {
        var bad = false;
        for (var i = 0; i < text.Length && !bad; i++)
        {
            bad = Invalid(text, i, out var pair);
            i += pair ? 1 : 0;
        }

        if (bad)
        {
            text = string.Create(text.Length, text, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    var invalid = Invalid(source, i, out var pair);
                    span[i] = invalid ? '\uFFFD' : source[i];
                    if (pair)
                    {
                        span[++i] = source[i];
                    }
                }
            });
        }

        return text.Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Whether the character at <paramref name="i"/> cannot be normalised; <paramref name="pair"/>: it starts a valid surrogate pair.</summary>
    private static bool Invalid(string text, int i, out bool pair)
    {
        var c = text[i];
        pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        return c is '\uFFFE' or '\uFFFF' || (char.IsSurrogate(c) && !pair);
    }

    public static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        if (NeedsCompatibilityNormalization(text))
        {
            text = Nfkc(text);
        }

        var keep = 0;
        foreach (var c in text)
        {
            if (Keeps(Narrow(c)))
            {
                keep++;
            }
        }

        if (keep == text.Length && !HasFullWidth(text))
        {
            return text;
        }

        return string.Create(keep, text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                var narrow = Narrow(c);
                if (Keeps(narrow))
                {
                    span[i++] = narrow;
                }
            }
        });
    }

    /// <summary>
    /// The text as NFKC gives it for full-width forms, radicals, compatibility ideographs and enclosed numbers, without
    /// white space (a title or signature line to match): NFKC itself only where one of those blocks occurs.
    /// </summary>
    public static string Compact(string text)
    {
        if (NeedsCompatibilityNormalization(text))
        {
            text = Nfkc(text);
        }

        var drop = 0;
        var narrow = false;
        foreach (var c in text)
        {
            drop += char.IsWhiteSpace(c) ? 1 : 0;
            narrow |= c is >= '\uFF01' and <= '\uFF5E';
        }

        return drop == 0 && !narrow ? text : string.Create(text.Length - drop, text, static (span, source) =>
        {
            var n = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c))
                {
                    span[n++] = Narrow(c);
                }
            }
        });
    }

    /// <summary>Full-width ASCII (U+FF01–FF5E) to ASCII, as NFKC would, without the cost of NFKC.</summary>
    private static char Narrow(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    private static bool HasFullWidth(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The label without its leading numbering: 一、 （一） 1. become nothing.</summary>
    public static string StripNumbering(string normalized)
    {
        var i = 0;
        while (i < normalized.Length && IsNumberingChar(normalized[i]))
        {
            i++;
        }

        return i > 0 && i < normalized.Length ? normalized[i..] : normalized;
    }

    private static bool IsNumberingChar(char c) => char.IsAsciiDigit(c) || "一二三四五六七八九十".Contains(c, StringComparison.Ordinal);

    private static bool Keeps(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        var category = char.GetUnicodeCategory(c);
        return category is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation);
    }

    /// <summary>True when NFKC may change the text: full-width forms, radicals, compatibility ideographs, enclosed numbers.</summary>
    private static bool NeedsCompatibilityNormalization(string text)
    {
        foreach (var c in text)
        {
            // Full-width ASCII (U+FF01–FF5E) is mapped by Narrow; the rest of these blocks needs NFKC.
            if (c is '\uFF00' or (>= '\uFF5F' and <= '\uFFEF') or (>= '\u2E80' and <= '\u2FDF') or (>= '\uF900' and <= '\uFAFF')
                or (>= '\u2460' and <= '\u24FF') or (>= '\u3200' and <= '\u33FF') or (>= '\u2150' and <= '\u218F'))
            {
                return true;
            }
        }

        return false;
    }
}
