using CsCheck;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>Laws of the working-day index over random dates of the official calendar and counts 0..200.</summary>
public sealed class WorkCalendarPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly WorkCalendar Calendar = WorkCalendar.Official;

    private static readonly Gen<DateOnly> Dates =
        Gen.Int[Calendar.FirstDate.DayNumber, Calendar.EndDate.DayNumber].Select(DateOnly.FromDayNumber);

    private static readonly Gen<int> Counts = Gen.Int[0, 200];

    /// <summary>The reference model: walk day by day, as the §12 table does by hand.</summary>
    private static DateOnly? CountDayByDay(DateOnly start, int days)
    {
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (date > Calendar.EndDate)
            {
                return null;
            }

            if (Calendar.IsWorkingDay(date).Value)
            {
                counted++;
            }
        }

        return date;
    }

    [Fact]
    public void WorkingDaysBetween_OfAddWorkingDays_GivesTheCountBack() =>
        Gen.Select(Dates, Counts).Sample((start, days) =>
        {
            var end = Calendar.AddWorkingDays(start, days);
            if (end.TryGetValue(out var date))
            {
                Assert.Equal(days, Calendar.WorkingDaysBetween(start, date).Value);
            }
            else
            {
                // Only a count that runs past the end may fail.
                Assert.Equal("calendar.yearNotPublished", end.Problem.Code);
                Assert.True(Calendar.WorkingDaysBetween(start, Calendar.EndDate).Value < days);
            }
        }, iter: Iterations);

    [Fact]
    public void AddWorkingDays_RandomStartAndCount_MatchesDayByDayCount() =>
        Gen.Select(Dates, Counts).Sample((start, days) =>
        {
            var expected = CountDayByDay(start, days);
            var actual = Calendar.AddWorkingDays(start, days);
            Assert.Equal(expected, actual.IsSuccess ? actual.Value : null);
        }, iter: Iterations);

    [Fact]
    public void AddWorkingDays_PositiveCount_WorkingDayAfterStart() =>
        Gen.Select(Dates, Gen.Int[1, 200]).Sample((start, days) =>
        {
            if (Calendar.AddWorkingDays(start, days).TryGetValue(out var date))
            {
                Assert.True(date > start);
                Assert.True(Calendar.IsWorkingDay(date).Value);
            }
        }, iter: Iterations);

    [Fact]
    public void AddWorkingDays_MoreDays_StrictlyLaterDate() =>
        Gen.Select(Dates, Counts, Gen.Int[1, 50]).Sample((start, days, more) =>
        {
            if (Calendar.AddWorkingDays(start, days + more).TryGetValue(out var later))
            {
                Assert.True(Calendar.AddWorkingDays(start, days).Value < later);
            }
        }, iter: Iterations);

    [Fact]
    public void AddWorkingDays_LaterStart_NeverEarlierResult() =>
        Gen.Select(Dates, Gen.Int[0, 60], Counts).Sample((start, gap, days) =>
        {
            var laterStart = start.AddDays(gap);
            if (laterStart <= Calendar.EndDate && Calendar.AddWorkingDays(laterStart, days).TryGetValue(out var fromLater))
            {
                Assert.True(Calendar.AddWorkingDays(start, days).Value <= fromLater);
            }
        }, iter: Iterations);

    [Fact]
    public void WorkingDaysBetween_SwappedDates_NegatedCount() =>
        Gen.Select(Dates, Dates).Sample((a, b) =>
            Assert.Equal(-Calendar.WorkingDaysBetween(a, b).Value, Calendar.WorkingDaysBetween(b, a).Value), iter: Iterations);

    [Fact]
    public void WorkingDaysBetween_LaterEnd_NeverSmallerCount() =>
        Gen.Select(Dates, Dates, Gen.Int[0, 60]).Sample((start, end, gap) =>
        {
            var laterEnd = end.AddDays(gap);
            if (laterEnd <= Calendar.EndDate)
            {
                Assert.True(Calendar.WorkingDaysBetween(start, end).Value <= Calendar.WorkingDaysBetween(start, laterEnd).Value);
            }
        }, iter: Iterations);
}
