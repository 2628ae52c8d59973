using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class DeadlineExplanationTests
{
    private static readonly DateOnly Received = new(2020, 9, 24);

    // regulation-rules.md §12, base 20-working-day table: date, kind, working-day number, holiday name.
    public static TheoryData<string, DayKind, int?, string?> WorkedExampleRows => new()
    {
        { "2020-09-24", DayKind.Workday, null, null },                 // receipt date, not counted
        { "2020-09-25", DayKind.Workday, 1, null },
        { "2020-09-26", DayKind.Weekend, null, null },
        { "2020-09-27", DayKind.AdjustedWorkday, 2, "国庆节、中秋节" },
        { "2020-09-30", DayKind.Workday, 5, null },
        { "2020-10-01", DayKind.Holiday, null, "国庆节、中秋节" },
        { "2020-10-04", DayKind.Holiday, null, "国庆节、中秋节" },        // Sunday inside the holiday
        { "2020-10-08", DayKind.Holiday, null, "国庆节、中秋节" },
        { "2020-10-09", DayKind.Workday, 6, null },
        { "2020-10-10", DayKind.AdjustedWorkday, 7, "国庆节、中秋节" },
        { "2020-10-11", DayKind.Weekend, null, null },
        { "2020-10-16", DayKind.Workday, 12, null },
        { "2020-10-26", DayKind.Workday, 18, null },
        { "2020-10-28", DayKind.Workday, 20, null },                   // reply deadline
    };

    [Theory]
    [MemberData(nameof(WorkedExampleRows))]
    public void Explain_WorkedExample_RowAsInTheSpecTable(string date, DayKind kind, int? number, string? name)
    {
        var explanation = DeadlineExplanation.Explain(WorkCalendar.Official, Received, 20).Value;

        var row = Assert.Single(explanation.Days, d => d.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new CountedDay(row.Date, kind, number, name), row);
    }

    [Fact]
    public void Explain_WorkedExample_EveryDayFromReceiptToDeadline()
    {
        var explanation = DeadlineExplanation.Explain(WorkCalendar.Official, Received, 20).Value;

        Assert.Equal(new DateOnly(2020, 10, 28), explanation.Deadline);
        Assert.Equal(35, explanation.Days.Count);
        Assert.Equal(Received, explanation.Days[0].Date);
        Assert.Equal(explanation.Deadline, explanation.Days[^1].Date);
        Assert.Equal(Enumerable.Range(1, 20).Cast<int?>(), explanation.Days.Where(d => d.WorkingDayNumber is not null).Select(d => d.WorkingDayNumber));
        Assert.Equal(DayOfWeek.Thursday, explanation.Days[0].Weekday);
    }

    [Fact]
    public void Explain_ZeroDays_StartOnly()
    {
        var explanation = DeadlineExplanation.Explain(WorkCalendar.Official, Received, 0).Value;

        Assert.Equal(Received, explanation.Deadline);
        Assert.Equal([new CountedDay(Received, DayKind.Workday, null, null)], explanation.Days);
    }

    [Fact]
    public void Explain_PastTheCalendar_YearNotPublished() =>
        Assert.Equal("calendar.yearNotPublished", DeadlineExplanation.Explain(WorkCalendar.Official, new DateOnly(2100, 12, 20), 20).Problem.Code);
}
