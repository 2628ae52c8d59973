using System.Globalization;

namespace Gongkai.Domain.Requests;

/// <summary>How dates and numbers appear in the Chinese messages and event descriptions of the procedure.</summary>
internal static class RequestText
{
    public static string Date(DateOnly date) =>
        Common.ChineseDate.Format(date);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture) + "元";
}
