using System.Globalization;
using CsCheck;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>Years without a notice (spec/calendar/README.md): the statutory holidays, 补假, and the provisional mark.</summary>
public sealed class ProvisionalCalendarTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Official;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-04", "2027-01-04")] // the spec's example: receipt in December, deadline in a year without notice
    [InlineData("2027-01-25", "2027-02-26")] // across the provisional 春节 and its two days made up
    [InlineData("2026-12-20", "2027-01-18")]
    public void AddWorkingDays_IntoAYearWithoutNotice_ComputedAndProvisional(string received, string due)
    {
        var result = Calendar.AddWorkingDays(D(received), 20);

        Assert.Equal(D(due), result.Value);
        Assert.True(Calendar.IsProvisional(result.Value));
        Assert.Equal("暂按法定节假日计算，待国务院办公厅公布2027年放假安排后更新", Calendar.ProvisionalNote(result.Value));
    }

    [Fact]
    public void AddWorkingDays_WorkedExampleOf2020_Unchanged()
    {
        // regulation-rules.md §12: received 2020-09-24, 20 working days → 2020-10-28, extended by 20 → 2020-11-25.
        Assert.Equal(D("2020-10-28"), Calendar.AddWorkingDays(D("2020-09-24"), 20).Value);
        Assert.Equal(D("2020-11-25"), Calendar.AddWorkingDays(D("2020-10-28"), 20).Value);
        Assert.False(Calendar.IsProvisional(D("2020-10-28")));
        Assert.Null(Calendar.ProvisionalNote(D("2026-12-31")));
    }

    [Fact]
    public void ProvisionalNote_TwoYearsAhead_NamesEveryYearStillWithoutNotice() =>
        Assert.Equal("暂按法定节假日计算，待国务院办公厅公布2027年至2028年放假安排后更新", Calendar.ProvisionalNote(D("2028-03-01")));

    [Fact]
    public void Provisional2027_TheSpecsHolidaysAndMadeUpDays()
    {
        // spec/calendar/README.md: 元旦 Fri 01-01; 春节 Fri 02-05 to Mon 02-08, made up Tue 02-09 and Wed 02-10; 清明 Mon
        // 04-05; 劳动节 Sat 05-01 and Sun 05-02, made up Mon 05-03 and Tue 05-04; 端午 Wed 06-09; 中秋 Wed 09-15; 国庆 Fri
        // 10-01 to Sun 10-03, made up Mon 10-04 and Tue 10-05.
        string[] offOnWeekdays =
        [
            "2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-05", "2027-05-03", "2027-05-04",
            "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-04", "2027-10-05",
        ];
        var weekdaysOff = Enumerable.Range(0, 365).Select(n => new DateOnly(2027, 1, 1).AddDays(n))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Calendar.IsWorkingDay(d).Value)
            .Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(offOnWeekdays, weekdaysOff);
        Assert.Equal("春节补假", Calendar.HolidayName(D("2027-02-10")).Value);
        Assert.Equal([("春节", D("2027-02-09")), ("春节", D("2027-02-10")), ("劳动节", D("2027-05-03")), ("劳动节", D("2027-05-04")), ("国庆节", D("2027-10-04")), ("国庆节", D("2027-10-05"))],
            ProvisionalYear.MadeUpDays(2027));
        Assert.Equal("春节", Calendar.HolidayName(D("2027-02-06")).Value);
        Assert.Equal(DayKind.Holiday, Calendar.KindOf(D("2027-02-06")).Value);
        Assert.Equal(DayKind.Workday, Calendar.KindOf(D("2027-02-11")).Value);
    }

    /// <summary>Every notice gives at least the statutory days off: the lunar and solar-term dates agree with all eight notices.</summary>
    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void StatutoryHolidays_OfANoticeYear_AreDaysOffInItsNotice(int year)
    {
        foreach (var (name, days) in ProvisionalYear.StatutoryHolidays(year))
        {
            foreach (var day in days)
            {
                Assert.True(Calendar.KindOf(day).Value == DayKind.Holiday, $"{name} {day:yyyy-MM-dd} is not a day off in the {year} notice");
            }
        }
    }

    [Theory]
    [InlineData(2024, "2024-02-10", 3)] // 644号: 正月初一 to 初三
    [InlineData(2025, "2025-01-28", 4)] // 795号: from 除夕, 4 days
    [InlineData(2027, "2027-02-05", 4)]
    public void StatutoryHolidays_SpringFestival_ByTheTextInForce(int year, string first, int count)
    {
        var spring = ProvisionalYear.StatutoryHolidays(year).Single(h => h.Name == "春节").Days;

        Assert.Equal(D(first), spring[0]);
        Assert.Equal(count, spring.Count);
    }

    [Theory]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    public void Qingming_KnownYears(int year, string expected) =>
        Assert.Equal(D(expected), SolarTerms.Qingming(year));

    /// <summary>
    /// The 寿星 formula for 清明 in the 21st century, [Y×0.2422+4.81]−[Y/4] with Y the year's last two digits, agrees with
    /// the astronomical computation every year 2001–2099 (a disagreement would flag a term near midnight).
    /// </summary>
    [Fact]
    public void Qingming_AgreesWithTheShouxingFormula()
    {
        for (var year = 2001; year <= 2099; year++)
        {
            var y = year % 100;
            var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
            Assert.Equal(new DateOnly(year, 4, day), SolarTerms.Qingming(year));
        }
    }

    [Fact]
    public void With_The2027Notice_NoLongerProvisional_AndItsDaysReplaceTheRule()
    {
        // A made-up notice that gives 春节 02-05..02-11 and 清明 a working day (as a notice might not).
        var notice = """
            { "format": "cn-holidays/1", "years": [ { "year": 2027,
              "holidays": [ { "date": "2027-02-05", "name": "春节" }, { "date": "2027-02-06", "name": "春节" },
                            { "date": "2027-02-07", "name": "春节" }, { "date": "2027-02-08", "name": "春节" },
                            { "date": "2027-02-09", "name": "春节" }, { "date": "2027-02-10", "name": "春节" },
                            { "date": "2027-02-11", "name": "春节" } ],
              "adjustedWorkdays": [] } ] }
            """;
        var loaded = Calendar.With(notice).Value;

        Assert.False(loaded.IsProvisional(D("2027-06-01")));
        Assert.True(loaded.IsProvisional(D("2028-01-03")));
        Assert.False(loaded.IsWorkingDay(D("2027-02-11")).Value);
        Assert.Equal(DayKind.Weekend, loaded.KindOf(D("2027-02-13")).Value);
        Assert.True(loaded.IsWorkingDay(D("2027-04-05")).Value); // the notice, not the rule, decides 2027 now
        Assert.Equal(D("2027-03-01"), loaded.AddWorkingDays(D("2027-01-25"), 20).Value);
    }

    [Fact]
    public void EndDate_LastComputableYear_ThenAProblem()
    {
        Assert.Equal(new DateOnly(2100, 12, 31), Calendar.EndDate);
        Assert.Equal("calendar.yearNotPublished", Calendar.KindOf(new DateOnly(2101, 1, 1)).Problem.Code);
    }

    /// <summary>
    /// The property of the issue: over provisional years, the days that are not working days between two dates are
    /// exactly the weekends, the statutory holidays and the days made up for them (Art 6), counted from the rule.
    /// </summary>
    [Fact]
    public void WorkingDaysBetween_OverProvisionalYears_NonWorkingDaysAreTheRules()
    {
        var first = Calendar.LastDate.AddDays(1).DayNumber;
        var dates = Gen.Int[first, first + (6 * 365)].Select(DateOnly.FromDayNumber);
        Gen.Select(dates, Gen.Int[0, 400]).Sample((start, span) =>
        {
            var end = start.AddDays(span);
            var expectedOff = 0;
            for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
            {
                if (RuleSaysOff(d))
                {
                    expectedOff++;
                }
            }

            Assert.Equal(span - expectedOff, Calendar.WorkingDaysBetween(start, end).Value);
        }, iter: 500);
    }

    /// <summary>The rule written out again, independently of ProvisionalYear's bookkeeping.</summary>
    private static bool RuleSaysOff(DateOnly date)
    {
        static bool Weekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (Weekend(date))
        {
            return true;
        }

        var holidays = ProvisionalYear.StatutoryHolidays(date.Year);
        var statutory = holidays.SelectMany(h => h.Days).ToHashSet();
        if (statutory.Contains(date))
        {
            return true;
        }

        // Made-up days: each holiday's weekend days, on the next weekdays that are neither holidays nor already made up.
        var madeUp = new HashSet<DateOnly>();
        var counted = new HashSet<DateOnly>();
        foreach (var (_, days) in holidays)
        {
            var owed = days.Count(d => Weekend(d) && counted.Add(d));
            for (var d = days[^1].AddDays(1); owed > 0; d = d.AddDays(1))
            {
                if (!Weekend(d) && !statutory.Contains(d) && madeUp.Add(d))
                {
                    owed--;
                }
            }
        }

        return madeUp.Contains(date);
    }
}
