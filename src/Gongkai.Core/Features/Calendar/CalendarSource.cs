using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Core.Features.Calendar;

/// <summary>
/// The calendar in force: the official data shipped with Gongkai (2019–2026), plus the years of a newer State
/// Council notice in a cn-holidays/1 JSON file named by <c>GONGKAI_CALENDAR</c>, so a new year's arrangement needs no
/// code change (a year in the file replaces the shipped one).
/// </summary>
public static class CalendarSource
{
    public const string EnvironmentVariable = "GONGKAI_CALENDAR";

    public static Result<WorkCalendar> Load() => Load(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static Result<WorkCalendar> Load(string? extraFile)
    {
        if (string.IsNullOrWhiteSpace(extraFile))
        {
            return WorkCalendar.Official;
        }

        string json;
        try
        {
            json = File.ReadAllText(extraFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Problem("calendar.fileUnreadable", $"无法读取日历文件 {extraFile}（{EnvironmentVariable}）：{e.Message}");
        }

        return WorkCalendar.Official.With(json);
    }
}
