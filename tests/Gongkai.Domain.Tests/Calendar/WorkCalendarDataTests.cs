using System.Globalization;
using System.Text.Json;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>
/// Every date the embedded cn-holidays.json lists, read here independently of the calendar's own reader, gives
/// the answer the working-day rule of spec/calendar/README.md says it must.
/// </summary>
public sealed class WorkCalendarDataTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Official;

    private static readonly Lazy<JsonDocument> Data = new(() =>
    {
        using var stream = typeof(WorkCalendar).Assembly.GetManifestResourceStream("Gongkai.Domain.Calendar.cn-holidays.json")!;
        return JsonDocument.Parse(stream);
    });

    /// <summary>(date, name) of one list, 2019–2026 dates only (the 2019 notice also lists 2018-12-29..31, outside the whole-year range).</summary>
    private static TheoryData<string, string> Listed(string list)
    {
        var rows = new TheoryData<string, string>();
        foreach (var year in Data.Value.RootElement.GetProperty("years").EnumerateArray())
        {
            foreach (var day in year.GetProperty(list).EnumerateArray())
            {
                var date = day.GetProperty("date").GetString()!;
                if (string.CompareOrdinal(date, "2019-01-01") >= 0)
                {
                    rows.Add(date, day.GetProperty("name").GetString()!);
                }
            }
        }

        return rows;
    }

    public static TheoryData<string, string> Holidays => Listed("holidays");

    public static TheoryData<string, string> AdjustedWorkdays => Listed("adjustedWorkdays");

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Holidays))]
    public void IsWorkingDay_ListedHoliday_FalseWithItsName(string date, string name)
    {
        Assert.False(Calendar.IsWorkingDay(Date(date)).Value);
        Assert.Equal(DayKind.Holiday, Calendar.KindOf(Date(date)).Value);
        Assert.Equal(name, Calendar.HolidayName(Date(date)).Value);
    }

    [Theory]
    [MemberData(nameof(AdjustedWorkdays))]
    public void IsWorkingDay_ListedAdjustedWorkday_TrueOnAWeekendWithItsName(string date, string name)
    {
        Assert.True(Calendar.IsWorkingDay(Date(date)).Value);
        Assert.Equal(DayKind.AdjustedWorkday, Calendar.KindOf(Date(date)).Value);
        Assert.Equal(name, Calendar.HolidayName(Date(date)).Value);
        Assert.True(Date(date).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void Listed_EmbeddedData_HasEveryNoticeYearAndAllItsDates()
    {
        // Guards the two theories above against silently running on an empty or truncated list.
        Assert.Equal(230, Holidays.Count);
        Assert.Equal(52, AdjustedWorkdays.Count);
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], Calendar.Years);
    }

    [Fact]
    public void IsWorkingDay_EveryUnlistedDate_MondayToFridayOnly()
    {
        var listed = Holidays.Select(r => r.Data.Item1).Concat(AdjustedWorkdays.Select(r => r.Data.Item1)).ToHashSet(StringComparer.Ordinal);
        for (var date = Calendar.FirstDate; date <= Calendar.LastDate; date = date.AddDays(1))
        {
            if (listed.Contains(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            {
                continue;
            }

            var weekday = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            Assert.Equal(weekday, Calendar.IsWorkingDay(date).Value);
            Assert.Equal(weekday ? DayKind.Workday : DayKind.Weekend, Calendar.KindOf(date).Value);
            Assert.Null(Calendar.HolidayName(date).Value);
        }
    }

    [Theory]
    [InlineData(2019, 250)]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void WorkingDaysBetween_WholeYear_CountComputedIndependently(int year, int expected)
    {
        // Counted with a separate script over the JSON (spec/calendar/cn-holidays.json), day by day.
        // (1 January, 31 December] plus 1 January itself when it is a working day.
        var first = new DateOnly(year, 1, 1);
        var count = Calendar.WorkingDaysBetween(first, new DateOnly(year, 12, 31)).Value + (Calendar.IsWorkingDay(first).Value ? 1 : 0);

        Assert.Equal(expected, count);
    }
}
