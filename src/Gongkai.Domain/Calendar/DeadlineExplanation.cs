using Gongkai.Domain.Common;

namespace Gongkai.Domain.Calendar;

/// <summary>One day of a working-day count, as the worked example of regulation-rules.md §12 tabulates it.</summary>
/// <param name="WorkingDayNumber">1 for the first working day after the start, and so on; null for the start date
/// (never counted, 民法典 Art 201) and for every day that is not a working day.</param>
/// <param name="HolidayName">The notice's name for a holiday or an adjusted working day; null otherwise.</param>
public sealed record CountedDay(DateOnly Date, DayKind Kind, int? WorkingDayNumber, string? HolidayName)
{
    public DayOfWeek Weekday => Date.DayOfWeek;
}

/// <summary>
/// How a deadline of N working days from a start date is reached, day by day: every date from the start
/// (inclusive, not counted) to the deadline (inclusive, working day N). For the CLI's <c>--explain</c> and for
/// letters that show their arithmetic.
/// </summary>
public sealed record DeadlineExplanation(DateOnly Start, int WorkingDays, DateOnly Deadline, IReadOnlyList<CountedDay> Days)
{
    public static Result<DeadlineExplanation> Explain(WorkCalendar calendar, DateOnly start, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var deadline = calendar.AddWorkingDays(start, workingDays);
        if (!deadline.TryGetValue(out var end))
        {
            return deadline.Problem;
        }

        // Every date below lies in start..end, which AddWorkingDays has just shown to be covered.
        var days = new List<CountedDay>(end.DayNumber - start.DayNumber + 1);
        var number = 0;
        for (var date = start; date <= end; date = date.AddDays(1))
        {
            var kind = calendar.KindOf(date).Value;
            int? counted = null;
            if (date > start && kind is DayKind.Workday or DayKind.AdjustedWorkday)
            {
                counted = ++number;
            }

            days.Add(new CountedDay(date, kind, counted, calendar.HolidayName(date).Value));
        }

        return new DeadlineExplanation(start, workingDays, end, days);
    }
}
