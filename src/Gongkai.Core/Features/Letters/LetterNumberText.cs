using System.Globalization;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The 文号 as text (spec/letters.md §2): prefix + kind code + 〔year〕 + 第N号, e.g. 东外联依申复〔2026〕第3号.
/// A stand-in for the Domain's LetterNumber value object (issue 14, written in parallel): the merge replaces this.
/// </summary>
internal static class LetterNumberText
{
    public static string Format(string prefix, string kindCode, int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{kindCode}〔{year}〕第{serial}号");
}
