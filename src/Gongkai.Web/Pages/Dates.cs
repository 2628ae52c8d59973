using System.Globalization;

namespace Gongkai.Web.Pages;

/// <summary>How pages print dates: fixed patterns, never the server's culture.</summary>
public static class Dates
{
    /// <summary>2020年3月9日, as documents print them.</summary>
    public static string Written(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>2020-03-09, for lists.</summary>
    public static string Numeric(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
