using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Common;

/// <summary>A date as Chinese official text writes it in messages and letters: 2021年1月31日 (no leading zeros).</summary>
public static class ChineseDate
{
    private const string Digits = "〇一二三四五六七八九";

    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>
    /// The date of issue under a letter's signature as agencies' letters write it (GB/T 9704-1999's form; the 2012
    /// edition allows Arabic numerals): the year digit by digit with 〇, month and day in words — 二〇二六年十二月四日.
    /// </summary>
    public static string Numerals(DateOnly date)
    {
        var text = new StringBuilder();
        foreach (var digit in date.Year.ToString(CultureInfo.InvariantCulture))
        {
            text.Append(Digits[digit - '0']);
        }

        return text.Append('年').Append(Number(date.Month)).Append('月').Append(Number(date.Day)).Append('日').ToString();
    }

    /// <summary>1–31 in words: 四, 十, 十二, 二十, 三十一.</summary>
    private static string Number(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
    };
}
