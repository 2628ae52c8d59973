using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>A year's notice loaded after deadlines were counted over it provisionally (spec/calendar/README.md).</summary>
public sealed class RecalculationTests
{
    private static readonly DateOnly December4 = new(2026, 12, 4);
    private static readonly Actor System = new("system", "系统", ActorRole.System);

    /// <summary>A made-up 2027 notice: 元旦 from 2026-12-31 to 2027-01-03, and 2027-01-09 (Sat) a working day.</summary>
    private static WorkCalendar With2027Notice() => WorkCalendar.Official.With("""
        { "format": "cn-holidays/1", "years": [ { "year": 2027,
          "holidays": [ { "date": "2026-12-31", "name": "元旦" }, { "date": "2027-01-01", "name": "元旦" },
                        { "date": "2027-01-02", "name": "元旦" }, { "date": "2027-01-03", "name": "元旦" } ],
          "adjustedWorkdays": [ { "date": "2027-01-09", "name": "元旦" } ] } ] }
        """).Value;

    private static RecalculateDeadlines Command(DateOnly on) => new(System, on, At(on), "国务院办公厅2027年放假安排已载入");

    [Fact]
    public void RecalculateDeadlines_NoticeMovesTheReplyDeadline_OneStepNamingOldAndNew()
    {
        var request = Received(December4);
        Assert.Equal(new DateOnly(2027, 1, 4), request.ReplyDue);
        Assert.Equal(new DateOnly(2026, 12, 15), request.SupplementNoticeDue);
        var steps = request.Events.Count;

        var e = Ok(request.RecalculateDeadlines(Command(new DateOnly(2026, 12, 10)), With2027Notice()));

        // 12-31 is now a day off and 01-09 a working day: the 20th working day after 12-04 is 01-05 instead of 01-04.
        Assert.Equal(new DateOnly(2027, 1, 5), request.ReplyDue);
        Assert.Equal(new DateOnly(2026, 12, 15), request.SupplementNoticeDue);
        Assert.NotNull(e);
        Assert.Equal(steps + 1, request.Events.Count);
        Assert.Equal((RequestTrigger.RecalculateDeadlines, RequestState.Received, RequestState.Received), (e.Trigger, e.FromState!.Value, e.ToState));
        Assert.Equal(new DateOnly(2027, 1, 5), e.ReplyDue);
        Assert.Equal("国务院办公厅2027年放假安排已载入，期限重新计算：答复期限由2027年1月4日调整为2027年1月5日", e.Description);
    }

    [Fact]
    public void RecalculateDeadlines_SameCalendar_NothingRecorded()
    {
        var request = Received(December4);
        var events = request.Events.ToList();

        Assert.Null(Ok(request.RecalculateDeadlines(Command(December4), WorkCalendar.Official)));
        Assert.Equal(events, request.Events);
    }

    [Fact]
    public void RecalculateDeadlines_ClosedApplication_KeepsItsHistory()
    {
        var request = Processing(December4);
        Ok(request.Apply(new Reply(Staff, December4, At(December4), ReplyOutcome.Disclosed(), ObtainOnline), WorkCalendar.Official));
        var due = request.ReplyDue;

        Assert.Null(Ok(request.RecalculateDeadlines(Command(December4), With2027Notice())));
        Assert.Equal(due, request.ReplyDue);
    }

    [Fact]
    public void RecalculateDeadlines_ExtendedAndConsulted_EveryCountMoves()
    {
        var received = new DateOnly(2026, 11, 20);
        var request = Processing(received);
        var sent = new DateOnly(2026, 12, 14);
        Ok(request.Apply(new StartThirdPartyConsultation(Staff, sent, At(sent), "某公司", new DateOnly(2026, 12, 16)), WorkCalendar.Official));
        Assert.Equal(new DateOnly(2027, 1, 7), request.ConsultationDue);

        var e = Ok(request.RecalculateDeadlines(Command(sent), With2027Notice()));

        Assert.Equal(new DateOnly(2027, 1, 8), request.ConsultationDue);
        Assert.Contains("征求意见期限由2027年1月7日调整为2027年1月8日", e!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void RecalculateDeadlines_FeeDeadline_CountedFromTheNoticeReceipt()
    {
        var request = Processing(December4);
        var sent = new DateOnly(2026, 12, 10);
        Ok(request.Apply(new IssueFeeNotice(Staff, sent, At(sent), 100m, FeeBasis.PerApplication, new DateOnly(2026, 12, 11)), WorkCalendar.Official));
        Assert.Equal(new DateOnly(2027, 1, 11), request.FeeDue);

        Ok(request.RecalculateDeadlines(Command(sent), With2027Notice()));

        Assert.Equal(new DateOnly(2027, 1, 11), request.FeeDue); // 12-31 off, 01-09 on: the count lands on the same day
        Assert.Equal(new DateOnly(2027, 1, 5), request.ReplyDue);
    }
}
