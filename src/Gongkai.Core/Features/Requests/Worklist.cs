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

    /// <summary>A page of an agency's worklist: 1-based; a page past the end gives the last page.</summary>
    public sealed record Request(Guid AgencyId, int Page = 1, int PageSize = DefaultPageSize);

    public const int DefaultPageSize = 50;

    public enum Urgency
    {
        None,
        Running,
        DueSoon,
        Overdue,
    }

    /// <summary>One open application; <paramref name="WorkingDaysLeft"/> is negative when overdue, null without a deadline.</summary>
    public sealed record Line(Guid Id, string TrackingNumber, RequestState State, DateOnly SubmittedOn, DateOnly? ReceivedOn, DateOnly? Due, int? WorkingDaysLeft, Urgency Urgency);

    /// <summary>One page of lines, and how many open applications there are in all.</summary>
    public sealed record Page(IReadOnlyList<Line> Lines, int Total, int PageNumber, int PageSize)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>An agency's open applications, overdue ones and those due within <see cref="DueSoonWorkingDays"/> working days.</summary>
    public sealed record Counts(int Open, int Overdue, int DueSoon);

    /// <summary>
    /// The page, sorted and cut in the database (an agency with 100,000 applications reads 50 rows, not its open
    /// ones all): by the binding deadline, those without one last, then by number and id so pages never overlap.
    /// </summary>
    public static async Task<Page> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(request.PageSize, 1, 500);
        var open = OpenWithDue(db, request.AgencyId);
        var total = await open.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var rows = await open
            .OrderBy(r => r.Due == null)
            .ThenBy(r => r.Due)
            .ThenBy(r => r.TrackingNumber)
            .ThenBy(r => r.Id)
            .Skip((page - 1) * size)
            .Take(size)
            .ToListAsync(cancellationToken);
        var today = ChinaClock.Today(clock);
        var lines = rows.ConvertAll(r =>
        {
            var (left, urgency) = Standing(r.Due, today, calendar);
            return new Line(r.Id, r.TrackingNumber, r.State, r.SubmittedOn, r.ReceivedOn, r.Due, left, urgency);
        });
        return new Page(lines, total, page, size);
    }

    /// <summary>The counts in one grouped query: the same standing as each line's, decided on dates in SQL.</summary>
    public static async Task<Counts> CountAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var today = ChinaClock.Today(clock);

        // Due soon: at most DueSoonWorkingDays working days left, i.e. before the (DueSoonWorkingDays + 1)th working day
        // after today (WorkingDaysBetween is the largest n with AddWorkingDays(today, n) ≤ due). Past the calendar's
        // end no line can say how many days are left, so none is due soon (as Standing says).
        var soonBefore = calendar.AddWorkingDays(today, DueSoonWorkingDays + 1).TryGetValue(out var limit) ? limit : today;
        var counts = await OpenWithDue(db, agencyId)
            .GroupBy(_ => 1)
            .Select(g => new Counts(g.Count(), g.Count(r => r.Due < today), g.Count(r => r.Due >= today && r.Due < soonBefore)))
            .SingleOrDefaultAsync(cancellationToken);
        return counts ?? new Counts(0, 0, 0);
    }

    /// <summary>A member-initialised row (not a constructor): EF orders and filters by its members in SQL.</summary>
    private sealed class OpenRow
    {
        public Guid Id { get; init; }

        public string TrackingNumber { get; init; } = "";

        public RequestState State { get; init; }

        public DateOnly SubmittedOn { get; init; }

        public DateOnly? ReceivedOn { get; init; }

        public DateOnly? Due { get; init; }
    }

    /// <summary>
    /// The agency's open applications with the binding date computed in SQL: the latest of the Art 33 deadline, its
    /// extension and an Art 35 delayed-reply date (DisclosureRequest.CurrentDue, which the database cannot call).
    /// </summary>
    private static IQueryable<OpenRow> OpenWithDue(GongkaiDbContext db, Guid agencyId) =>
        db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.State < RequestState.Replied)
            .Select(r => new OpenRow
            {
                Id = r.Id,
                TrackingNumber = r.TrackingNumber,
                State = r.State,
                SubmittedOn = r.SubmittedOn,
                ReceivedOn = r.ReceivedOn,
                Due = r.DelayedReplyDue != null && (r.ExtendedDue == null || r.DelayedReplyDue > r.ExtendedDue) && (r.ReplyDue == null || r.DelayedReplyDue > r.ReplyDue)
                    ? r.DelayedReplyDue
                    : r.ExtendedDue != null && (r.ReplyDue == null || r.ExtendedDue > r.ReplyDue) ? r.ExtendedDue : r.ReplyDue,
            });

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
}
