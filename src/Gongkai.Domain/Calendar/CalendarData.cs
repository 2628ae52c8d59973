using System.Globalization;
using System.Text.Json;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Calendar;

/// <summary>A day a notice names: a day off (放假) or a weekend day declared a working day (调休上班).</summary>
internal readonly record struct NoticeDay(DateOnly Date, string Name);

/// <summary>One year's arrangement as the State Council's notice(s) for that year fix it.</summary>
/// <param name="Year">The year the notice arranges (its title), not the calendar year of every date: the 2019 notice
/// also fixes 2018-12-29..31.</param>
internal sealed record NoticeYear(int Year, IReadOnlyList<NoticeDay> Holidays, IReadOnlyList<NoticeDay> AdjustedWorkdays);

/// <summary>
/// Reads the <c>cn-holidays/1</c> format (spec/calendar/README.md) strictly: every structural error is a
/// <c>calendar.invalidData</c> problem naming the JSON path, because a silently skipped entry would move a
/// statutory deadline.
/// </summary>
internal static class CalendarData
{
    public const string Format = "cn-holidays/1";
    public const string InvalidData = "calendar.invalidData";
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    private static readonly string[] WeekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static Result<IReadOnlyList<NoticeYear>> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return Invalid($"不是有效的 JSON，第{line.ToString(CultureInfo.InvariantCulture)}行第{column.ToString(CultureInfo.InvariantCulture)}个字节附近出错（{e.Message}）");
        }

        using (document)
        {
            return ParseRoot(document.RootElement);
        }
    }

    public static Problem Invalid(string message) => new(InvalidData, "日历数据无效：" + message);

    private static Result<IReadOnlyList<NoticeYear>> ParseRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid($"顶层应为 JSON 对象，实际为 {root.ValueKind}");
        }

        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
        {
            return Invalid($"缺少字符串字段 format（应为「{Format}」）");
        }

        if (!string.Equals(format.GetString(), Format, StringComparison.Ordinal))
        {
            return Invalid($"format 应为「{Format}」，实际为「{format.GetString()}」");
        }

        if (!root.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Array)
        {
            return Invalid("缺少数组字段 years");
        }

        if (years.GetArrayLength() == 0)
        {
            return Invalid("years 是空数组，没有任何年份的安排");
        }

        var result = new List<NoticeYear>();
        var index = 0;
        foreach (var element in years.EnumerateArray())
        {
            var year = ParseYear(element, $"years[{index.ToString(CultureInfo.InvariantCulture)}]");
            if (!year.TryGetValue(out var notice))
            {
                return year.Problem;
            }

            if (result.Any(y => y.Year == notice.Year))
            {
                return Invalid($"years 里{Year(notice.Year)}年出现了不止一次");
            }

            result.Add(notice);
            index++;
        }

        return CheckCoverageYears(root, result);
    }

    /// <summary>The optional <c>coverage.years</c> must list exactly the years present: a mismatch means a truncated or hand-edited file.</summary>
    private static Result<IReadOnlyList<NoticeYear>> CheckCoverageYears(JsonElement root, List<NoticeYear> years)
    {
        if (!root.TryGetProperty("coverage", out var coverage) || coverage.ValueKind != JsonValueKind.Object
            || !coverage.TryGetProperty("years", out var listed))
        {
            return years;
        }

        if (listed.ValueKind != JsonValueKind.Array || listed.EnumerateArray().Any(y => y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out _)))
        {
            return Invalid("coverage.years 应为整数数组");
        }

        var declared = listed.EnumerateArray().Select(y => y.GetInt32()).Order().ToList();
        var present = years.Select(y => y.Year).Order().ToList();
        return declared.SequenceEqual(present)
            ? years
            : Invalid($"coverage.years（{string.Join("、", declared.Select(Year))}）与 years 里的年份（{string.Join("、", present.Select(Year))}）不一致");
    }

    private static Result<NoticeYear> ParseYear(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Invalid($"{path} 应为 JSON 对象");
        }

        if (!element.TryGetProperty("year", out var yearElement) || yearElement.ValueKind != JsonValueKind.Number
            || !yearElement.TryGetInt32(out var year))
        {
            return Invalid($"{path}.year 缺少或不是整数");
        }

        if (year is < MinYear or > MaxYear)
        {
            return Invalid($"{path}.year 为{Year(year)}，超出可接受的范围（{Year(MinYear)}至{Year(MaxYear)}）");
        }

        var seen = new Dictionary<DateOnly, string>();
        var holidays = ParseDays(element, path, "holidays", year, seen);
        if (!holidays.TryGetValue(out var holidayList))
        {
            return holidays.Problem;
        }

        var adjusted = ParseDays(element, path, "adjustedWorkdays", year, seen);
        if (!adjusted.TryGetValue(out var adjustedList))
        {
            return adjusted.Problem;
        }

        return new NoticeYear(year, holidayList, adjustedList);
    }

    private static Result<IReadOnlyList<NoticeDay>> ParseDays(JsonElement yearElement, string yearPath, string listName, int year, Dictionary<DateOnly, string> seen)
    {
        var listPath = $"{yearPath}.{listName}";
        if (!yearElement.TryGetProperty(listName, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return Invalid($"缺少数组字段 {listPath}（没有这类日期时写空数组 []）");
        }

        var days = new List<NoticeDay>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var path = $"{listPath}[{index.ToString(CultureInfo.InvariantCulture)}]";
            var day = ParseDay(entry, path, listName, year);
            if (!day.TryGetValue(out var parsed))
            {
                return day.Problem;
            }

            if (seen.TryGetValue(parsed.Date, out var earlier))
            {
                return Invalid($"{path}：{Iso(parsed.Date)} 在{Year(year)}年的安排里重复出现（已见于 {earlier}）");
            }

            seen.Add(parsed.Date, path);
            days.Add(parsed);
            index++;
        }

        return days;
    }

    private static Result<NoticeDay> ParseDay(JsonElement entry, string path, string listName, int year)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return Invalid($"{path} 应为 JSON 对象");
        }

        if (!entry.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String)
        {
            return Invalid($"{path}.date 缺少或不是字符串");
        }

        var text = dateElement.GetString();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Invalid($"{path}.date「{text}」不是 YYYY-MM-DD 格式的有效日期");
        }

        // A notice arranges its own year and, for 元旦, may reach back into late December of the year before.
        if (date.Year != year && !(date.Year == year - 1 && date.Month == 12))
        {
            return Invalid($"{path}.date {Iso(date)} 不属于{Year(year)}年的通知（只能是{Year(year)}年或{Year(year - 1)}年12月的日期）");
        }

        if (!entry.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            return Invalid($"{path}.name 缺少或为空（应为节日名称，如「春节」）");
        }

        var weekday = WeekdayNames[(int)date.DayOfWeek];
        if (entry.TryGetProperty("weekday", out var weekdayElement)
            && (weekdayElement.ValueKind != JsonValueKind.String || !string.Equals(weekdayElement.GetString(), weekday, StringComparison.Ordinal)))
        {
            return Invalid($"{path}.weekday「{weekdayElement}」与日期不符：{Iso(date)} 是 {weekday}");
        }

        if (listName == "adjustedWorkdays" && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            return Invalid($"{path}：{Iso(date)} 是 {weekday}，调休上班日只能是星期六或星期日");
        }

        return new NoticeDay(date, nameElement.GetString()!.Trim());
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
