using System.Globalization;

namespace Gongkai.Domain.Common;

/// <summary>A date as Chinese official text writes it in messages and letters: 2021年1月31日 (no leading zeros).</summary>
public static class ChineseDate
{
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
