using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// An agency's open applications by deadline: the binding date (the latest of the Art 33 deadline, its extension and
/// an Art 35 delayed-reply date) and the working days left until it on the official calendar. Overdue when the day
/// has passed; due soon within <see cref="DueSoonWorkingDays"/> working days. An application still waiting for its
/// receipt to be confirmed (Art 31) has no deadline yet and comes last.
/// </summary>
public static class Worklist
{
    public const int DueSoonWorkingDays = 3;

    public sealed record Request(Guid AgencyId);

    public enum Urgency
    {
        None,
        Running,
        DueSoon,
        Overdue,
    }

    /// <summary>One open application; <paramref name="WorkingDaysLeft"/> is negative when overdue, null without a deadline.</summary>
    public sealed record Line(Guid Id, string TrackingNumber, RequestState State, DateOnly SubmittedOn, DateOnly? ReceivedOn, DateOnly? Due, int? WorkingDaysLeft, Urgency Urgency);

    public static async Task<IReadOnlyList<Line>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var open = await db.Requests.AsNoTracking()
            .Where(r => r.AgencyId == request.AgencyId && r.State < RequestState.Replied)
            .Select(r => new { r.Id, r.TrackingNumber, r.State, r.SubmittedOn, r.ReceivedOn, r.ReplyDue, r.ExtendedDue, r.DelayedReplyDue })
            .ToListAsync(cancellationToken);
        var today = ChinaClock.Today(clock);
        return [.. open
            .Select(r =>
            {
                var due = Latest(Latest(r.ReplyDue, r.ExtendedDue), r.DelayedReplyDue);
                var (left, urgency) = Standing(due, today, calendar);
                return new Line(r.Id, r.TrackingNumber, r.State, r.SubmittedOn, r.ReceivedOn, due, left, urgency);
            })
            .OrderBy(l => l.Due is null)
            .ThenBy(l => l.Due)
            .ThenBy(l => l.TrackingNumber, StringComparer.Ordinal)];
    }

    /// <summary>Working days from today to the deadline: 0 on the day itself; overdue once the day is past.</summary>
    public static (int? Left, Urgency Urgency) Standing(DateOnly? due, DateOnly today, WorkCalendar calendar)
    {
        if (due is not { } d)
        {
            return (null, Urgency.None);
        }

        var between = calendar.WorkingDaysBetween(today, d);
        int? left = between.TryGetValue(out var n) ? n : null;
        if (d < today)
        {
            return (left, Urgency.Overdue);
        }

        return (left, left is { } l && l <= DueSoonWorkingDays ? Urgency.DueSoon : Urgency.Running);
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
