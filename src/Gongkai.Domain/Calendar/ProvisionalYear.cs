using System.Collections.Concurrent;
using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// A year the State Council has not arranged yet, computed from the law alone (spec/calendar/README.md, "Years without
/// a notice"): the statutory holidays of 《全国年节及纪念日放假办法》, and for each of their days that falls on a
/// Saturday or Sunday a day made up on the first working day after the holiday (Art 6: "全体公民放假的假日，如果适逢
/// 周六、周日，应当在工作日补假"; which day is the project's decision, as the notices do it). No weekend 调休 working
/// days are assumed: Art 7 lets the notice move days either way, so every date computed over such a year is provisional.
/// </summary>
public static class ProvisionalYear
{
    /// <summary>The first year the 2013 text (国务院令第644号, in force 2014-01-01) applies; earlier years are not computed.</summary>
    public const int FirstComputableYear = 2014;

    /// <summary>The last year .NET's Chinese lunisolar calendar covers whole.</summary>
    public const int LastComputableYear = 2100;

    // 国务院令第795号 (2024-11-10), in force 2025-01-01: 春节 from 除夕, 4 days; 劳动节 2 days.
    private const int Amendment2024 = 2025;

    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly ConcurrentDictionary<int, NoticeYear> Cache = new();

    public static bool IsComputable(int year) => year is >= FirstComputableYear and <= LastComputableYear;

    /// <summary>The year's days off: the statutory holidays and the days made up for those on a weekend.</summary>
    internal static NoticeYear For(int year)
    {
        if (!IsComputable(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Provisional years are computed for {FirstComputableYear}–{LastComputableYear}.");
        }

        return Cache.GetOrAdd(year, Compute);
    }

    /// <summary>The statutory holidays of the year by name, in date order (Art 2 of the 办法 as in force that year).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<DateOnly> Days)> StatutoryHolidays(int year)
    {
        var springFestival = LunarDate(year, 1, 1);
        return
        [
            ("元旦", [new DateOnly(year, 1, 1)]),
            ("春节", year >= Amendment2024
                ? Run(springFestival.AddDays(-1), 4)   // 农历除夕、正月初一至初三
                : Run(springFestival, 3)),             // 农历正月初一、初二、初三
            ("清明节", [SolarTerms.Qingming(year)]),
            ("劳动节", year >= Amendment2024 ? Run(new DateOnly(year, 5, 1), 2) : [new DateOnly(year, 5, 1)]),
            ("端午节", [LunarDate(year, 5, 5)]),
            ("中秋节", [LunarDate(year, 8, 15)]),
            ("国庆节", Run(new DateOnly(year, 10, 1), 3)),
        ];
    }

    /// <summary>The days made up (补假) for statutory holidays on a weekend, by the holiday they make up for.</summary>
    public static IReadOnlyList<(string Holiday, DateOnly Date)> MadeUpDays(int year) =>
        [.. For(year).Holidays.Where(d => d.Name.EndsWith(MadeUp, StringComparison.Ordinal)).Select(d => (d.Name[..^MadeUp.Length], d.Date))];

    private const string MadeUp = "补假";

    private static NoticeYear Compute(int year)
    {
        var days = new List<NoticeDay>();
        var taken = new HashSet<DateOnly>();
        var statutory = StatutoryHolidays(year);
        foreach (var (_, holidayDays) in statutory)
        {
            taken.UnionWith(holidayDays);
        }

        foreach (var (name, holidayDays) in statutory)
        {
            foreach (var day in holidayDays.Where(d => days.All(n => n.Date != d)))
            {
                days.Add(new NoticeDay(day, name));
            }

            // A day that is two holidays at once (中秋 on 国庆) is one day off: only the first holiday makes it up.
            var onWeekend = holidayDays.Count(d => IsWeekend(d) && days.Any(n => n.Date == d && n.Name == name));
            var next = holidayDays[^1].AddDays(1);
            while (onWeekend > 0)
            {
                if (!IsWeekend(next) && taken.Add(next))
                {
                    days.Add(new NoticeDay(next, name + MadeUp));
                    onWeekend--;
                }

                next = next.AddDays(1);
            }
        }

        // Only the year's own dates: a make-up day pushed past 31 December (元旦 can't be) would belong to next year.
        return new NoticeYear(year, [.. days.Where(d => d.Date.Year == year).OrderBy(d => d.Date)], []);
    }

    private static DateOnly[] Run(DateOnly first, int count) =>
        [.. Enumerable.Range(0, count).Select(first.AddDays)];

    /// <summary>The Gregorian date of a lunar month and day in the lunar year that begins in <paramref name="year"/>.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        // The calendar numbers months through the year, a leap month included: after 闰四月, 五月 is month 6.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
