using System.Globalization;

namespace Gongkai.Domain.Proactive;

/// <summary>Numbers and dates in the Chinese messages and descriptions, culture-independent.</summary>
internal static class ProactiveText
{
    public static string Date(DateOnly date) =>
        Common.ChineseDate.Format(date);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
