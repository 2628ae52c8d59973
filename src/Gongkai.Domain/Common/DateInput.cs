using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Common;

/// <summary>
/// A date as people write it into ledgers, forms and command lines: 2021-01-31, 2021-1-31, 2021/1/31, 2021.1.31 and
/// 2021年1月31日, with surrounding spaces and a spreadsheet's " 00:00" or " 00:00:00" after it. The one parser of such
/// text: a real calendar date within <see cref="RecordDates"/> or nothing (2021-02-30 is nothing, 0001-01-01 too).
/// Digits are ASCII, the year has four of them.
/// </summary>
public static partial class DateInput
{
    /// <summary>The forms accepted, as a message can show them.</summary>
    public const string Examples = "2020-09-24、2020/9/24 或 2020年9月24日";

    /// <summary>The record date the text names (within <see cref="RecordDates"/>), or null.</summary>
    public static DateOnly? Parse(string? text) => ParseCalendarDate(text) is { } date && RecordDates.Contains(date) ? date : null;

    /// <summary>
    /// Any real date of years 0001–9999 the text names, or null: for tools about the calendar itself (<c>gongkai
    /// calendar</c> says which years its data covers), never for a record.
    /// </summary>
    public static DateOnly? ParseCalendarDate(string? text)
    {
        var match = DatePattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var year = int.Parse(match.Groups["y"].Value, c);
        var month = int.Parse(match.Groups["m"].Value, c);
        var day = int.Parse(match.Groups["d"].Value, c);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    public static bool TryParse(string? text, out DateOnly date)
    {
        var parsed = Parse(text);
        date = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})|年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日)(?:\s+00:00(?::00)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
