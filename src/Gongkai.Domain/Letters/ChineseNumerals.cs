namespace Gongkai.Domain.Letters;

/// <summary>Small numbers in Chinese words as statutes number their articles and items: 四, 十四, 三十六, 四十二.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>1–99 in words (the 条例 has 56 articles; a letter lists a handful of parts).</summary>
    public static string Of(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        return n switch
        {
            < 10 => Digits[n].ToString(),
            10 => "十",
            < 20 => "十" + Digits[n % 10],
            _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        };
    }
}
