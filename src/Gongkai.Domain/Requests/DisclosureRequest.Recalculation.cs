using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// Deadlines counted again when the calendar changes: a year that was provisional (spec/calendar/README.md) gets its
/// State Council notice, so a deadline counted over it may move (either way: 补假 and 调休 are the notice's).
/// </summary>
public sealed partial class DisclosureRequest
{
    /// <summary>
    /// Counts every running deadline of an open application again, from the dates it was counted from, on
    /// <paramref name="calendar"/>: the reply deadline and the extended one (Art 33, with the consultation days already
    /// excluded), the 补正 notice deadline (Art 30), the consulted party's 15 days (Arts 32, 34) and the days to pay
    /// (Art 42). Dates the agency fixed itself (Art 35, the 补正 period) are not counts and stay. When nothing moves,
    /// nothing is recorded and the result is null; otherwise one <see cref="RequestTrigger.RecalculateDeadlines"/>
    /// step names each change, old and new, so the handler sees it in the application's history. A closed
    /// application keeps its deadlines: they are history.
    /// </summary>
    public Result<RequestEvent?> RecalculateDeadlines(RecalculateDeadlines command, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        if (State.IsTerminal())
        {
            return (RequestEvent?)null;
        }

        DateOnly? replyDue = ReplyDue, extendedDue = ExtendedDue;
        if (ReplyDue is not null && ReceivedOn is not null)
        {
            var deadlines = ComputeDeadlines(ExcludedWorkingDays, ExtensionWorkingDays, calendar);
            if (!deadlines.TryGetValue(out var d))
            {
                return deadlines.Problem;
            }

            (replyDue, extendedDue) = d;
        }

        var supplementNoticeDue = Recount(SupplementNoticeDue, ReceivedOn, StatutoryDeadline.SupplementNotice, calendar);
        var consultationDue = Recount(ConsultationDue, ConsultationLetterReceivedOn, StatutoryDeadline.Consultation, calendar);
        var feeDue = Recount(FeeDue, FeeNoticeReceivedOn, StatutoryDeadline.FeePayment, calendar);
        foreach (var recounted in new[] { supplementNoticeDue, consultationDue, feeDue })
        {
            if (!recounted.IsSuccess)
            {
                return recounted.Problem;
            }
        }

        var changes = new List<string>();
        Compare("答复期限", ReplyDue, replyDue, calendar, changes);
        Compare("延长后的答复期限", ExtendedDue, extendedDue, calendar, changes);
        Compare("补正告知期限", SupplementNoticeDue, supplementNoticeDue.Value, calendar, changes);
        Compare("征求意见期限", ConsultationDue, consultationDue.Value, calendar, changes);
        Compare("缴费期限", FeeDue, feeDue.Value, calendar, changes);
        if (changes.Count == 0)
        {
            return (RequestEvent?)null;
        }

        (ReplyDue, ExtendedDue, SupplementNoticeDue, ConsultationDue, FeeDue) =
            (replyDue, extendedDue, supplementNoticeDue.Value, consultationDue.Value, feeDue.Value);

        // The step is recorded on the day it is made, but never before the last step (the history stays in order).
        var date = command.Date < _events[^1].Date ? _events[^1].Date : command.Date;
        return Record(command with { Date = date }, State, State, $"{command.Reason}，期限重新计算：{string.Join("；", changes)}");
    }

    private static Result<DateOnly?> Recount(DateOnly? due, DateOnly? from, StatutoryDeadline period, WorkCalendar calendar)
    {
        if (due is null || from is not { } start)
        {
            return due;
        }

        return period.CountFrom(calendar, start).Map(d => (DateOnly?)d);
    }

    private static void Compare(string name, DateOnly? before, DateOnly? after, WorkCalendar calendar, List<string> changes)
    {
        if (before is { } b && after is { } a && a != b)
        {
            changes.Add($"{name}由{RequestText.Date(b)}调整为{RequestText.Due(a, calendar)}");
        }
    }
}
