using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The desk: an agency's applications, open and concluded, filtered, searched, sorted and paged in the database. The
/// binding date of an open one is the latest of the Art 33 deadline, its extension and an Art 35 delayed-reply date,
/// with the working days left until it on the official calendar: overdue when the day has passed; due soon within
/// <see cref="DueSoonWorkingDays"/> working days. An application still waiting for its receipt to be confirmed
/// (Art 31) has no deadline yet and comes last. Applicants' names are masked unless the reader needs them
/// (<see cref="Request.FullNames"/>, decided by the host from the reader's role).
/// </summary>
public static class Worklist
{
    public const int DueSoonWorkingDays = 3;

    public const int DefaultPageSize = 50;

    /// <summary>How much of the content a line shows: enough to recognise a case, not the whole text.</summary>
    public const int ContentStartLength = 30;

    /// <summary>The longest search text taken (longer is cut): a search is words, not a document.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>A page of an agency's worklist: 1-based; a page past the end gives the last page.</summary>
    /// <param name="FullNames">Applicants' names in full (the agency's own handler, reviewer, admin); masked otherwise,
    /// and then a search does not look at names either (a hit would tell the name).</param>
    public sealed record Request(Guid AgencyId, int Page = 1, int PageSize = DefaultPageSize, Filter? Filter = null, bool FullNames = false)
    {
        /// <summary>How many of a search's matches are read in order at once (20 pages of 50); more are counted apart.</summary>
        internal int SearchWindow { get; init; } = 1_000;
    }

    /// <summary>Which cases: open (not concluded, the default), concluded, or both.</summary>
    public enum Scope
    {
        Open,
        Concluded,
        All,
    }

    public enum Order
    {
        /// <summary>By the binding deadline, earliest (most overdue) first, those without one last.</summary>
        Deadline,

        /// <summary>By the receipt date, latest first.</summary>
        ReceivedNewest,

        /// <summary>By the receipt date, earliest first.</summary>
        ReceivedOldest,
    }

    /// <summary>
    /// What to list. Dates are inclusive. <see cref="Overdue"/>: open and past the binding deadline. <see cref="Search"/>:
    /// every word (separated by spaces) in the 申请编号, the applicant's name or the content (SQL LIKE; % and _ are
    /// taken literally). 答复日期 is the day the case was concluded (replied, withdrawn, deemed withdrawn …).
    /// </summary>
    public sealed record Filter
    {
        public Scope Scope { get; init; }

        public RequestState? State { get; init; }

        public Channel? Channel { get; init; }

        public Outcome? Outcome { get; init; }

        public ApplicantKind? Kind { get; init; }

        public DateOnly? ReceivedFrom { get; init; }

        public DateOnly? ReceivedTo { get; init; }

        public DateOnly? RepliedFrom { get; init; }

        public DateOnly? RepliedTo { get; init; }

        public bool Overdue { get; init; }

        public string? Search { get; init; }

        public Order Order { get; init; }

        /// <summary>The search's words, each at most <see cref="MaxSearchLength"/> in all.</summary>
        public IReadOnlyList<string> Words()
        {
            var text = (Search ?? "").Trim();
            if (text.Length > MaxSearchLength)
            {
                text = text[..MaxSearchLength];
            }

            return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    public enum Urgency
    {
        None,
        Running,
        DueSoon,
        Overdue,
    }

    /// <summary>
    /// One application; <paramref name="WorkingDaysLeft"/> is negative when overdue, null without a deadline or once
    /// concluded (<see cref="Urgency.None"/>).
    /// </summary>
    public sealed record Line(Guid Id, string TrackingNumber, RequestState State, DateOnly SubmittedOn, DateOnly? ReceivedOn, DateOnly? Due, int? WorkingDaysLeft, Urgency Urgency)
    {
        public ApplicantKind ApplicantKind { get; init; }

        /// <summary>The name in full or masked, as <see cref="Request.FullNames"/> asked.</summary>
        public string Applicant { get; init; } = "";

        public Channel Channel { get; init; }

        /// <summary>The first <see cref="ContentStartLength"/> characters of the content, with … when there is more.</summary>
        public string ContentStart { get; init; } = "";

        public ReplyOutcome? Outcome { get; init; }

        /// <summary>The day the case was concluded; null while open.</summary>
        public DateOnly? ClosedOn { get; init; }
    }

    /// <summary>One page of lines, and how many applications match in all.</summary>
    public sealed record Page(IReadOnlyList<Line> Lines, int Total, int PageNumber, int PageSize)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>An agency's open applications, overdue ones and those due within <see cref="DueSoonWorkingDays"/> working days.</summary>
    public sealed record Counts(int Open, int Overdue, int DueSoon);

    /// <summary>
    /// The page, filtered, sorted and cut in the database (an agency with 100,000 applications reads 50 rows, not all
    /// that match): in the order asked, then by number and id so pages never overlap.
    /// </summary>
    public static async Task<Page> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(request.PageSize, 1, 500);
        var today = ChinaClock.Today(clock);
        var filter = request.Filter ?? new Filter();
        var found = Find(db, request.AgencyId, filter, today, request.FullNames);

        // A search reads every row the filter keeps (LIKE '%…%' has no index), so it reads them once: the matches' ids
        // in the page order, at most SearchWindow of them, counted there; only more matches take a COUNT of their own.
        var ordered = filter.Words().Count > 0
            ? await Sorted(found, filter.Order).Select(r => r.Id).Take(request.SearchWindow + 1).ToListAsync(cancellationToken)
            : null;
        var total = ordered is not null && ordered.Count <= request.SearchWindow ? ordered.Count : await found.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var skip = (page - 1) * size;
        List<Row> rows;
        if (ordered is not null && (ordered.Count == total || skip + size <= ordered.Count))
        {
            // By the primary key alone: the ids are the agency's, and an agency condition next to them lets a planner
            // without statistics read the agency's whole range of an index instead.
            var ids = ordered.Skip(skip).Take(size).ToList();
            var byId = (await Shown(Rows(db.Requests.Where(r => ids.Contains(r.Id)))).ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
            rows = [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
        }
        else
        {
            rows = await Shown(Sorted(found, filter.Order).Skip(skip).Take(size)).ToListAsync(cancellationToken);
        }

        var lines = rows.ConvertAll(r =>
        {
            var (left, urgency) = r.ClosedOn is null ? Standing(r.Due, today, calendar) : (null, Urgency.None);
            return new Line(r.Id, r.TrackingNumber, r.State, r.SubmittedOn, r.ReceivedOn, r.Due, left, urgency)
            {
                ApplicantKind = r.Kind,
                Applicant = request.FullNames ? r.Name : ApplicantNames.Mask(r.Name),
                Channel = r.Channel,
                ContentStart = r.Content.Length > ContentStartLength ? r.Content[..ContentStartLength] + "…" : r.Content,
                Outcome = OutcomeOf(r.OutcomeKind, r.Withholding, r.CannotProvide, r.NotProcessed, r.OtherGround),
                ClosedOn = r.ClosedOn,
            };
        });
        return new Page(lines, total, page, size);
    }

    /// <summary>What a line shows, read in SQL: the content only as far as the line shows it.</summary>
    private static IQueryable<Row> Shown(IQueryable<Row> rows) => rows.Select(r => new Row
    {
        Id = r.Id,
        TrackingNumber = r.TrackingNumber,
        State = r.State,
        SubmittedOn = r.SubmittedOn,
        ReceivedOn = r.ReceivedOn,
        Due = r.Due,
        ClosedOn = r.ClosedOn,
        Kind = r.Kind,
        Name = r.Name,
        Channel = r.Channel,
        Content = r.Content.Substring(0, ContentStartLength + 1),
        OutcomeKind = r.OutcomeKind,
        Withholding = r.Withholding,
        CannotProvide = r.CannotProvide,
        NotProcessed = r.NotProcessed,
        OtherGround = r.OtherGround,
    });

    /// <summary>The counts in one grouped query: the same standing as each line's, decided on dates in SQL.</summary>
    public static async Task<Counts> CountAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var today = ChinaClock.Today(clock);

        // Due soon: at most DueSoonWorkingDays working days left, i.e. before the (DueSoonWorkingDays + 1)th working day
        // after today (WorkingDaysBetween is the largest n with AddWorkingDays(today, n) ≤ due). Past the calendar's
        // end no line can say how many days are left, so none is due soon (as Standing says).
        var soonBefore = calendar.AddWorkingDays(today, DueSoonWorkingDays + 1).TryGetValue(out var limit) ? limit : today;
        var counts = await Rows(db, agencyId).Where(r => r.State < RequestState.Replied)
            .GroupBy(_ => 1)
            .Select(g => new Counts(g.Count(), g.Count(r => r.Due < today), g.Count(r => r.Due >= today && r.Due < soonBefore)))
            .SingleOrDefaultAsync(cancellationToken);
        return counts ?? new Counts(0, 0, 0);
    }

    /// <summary>A member-initialised row (not a constructor): EF orders and filters by its members in SQL.</summary>
    internal sealed class Row
    {
        public Guid Id { get; init; }

        public Guid AgencyId { get; init; }

        public string TrackingNumber { get; init; } = "";

        public RequestState State { get; init; }

        public DateOnly SubmittedOn { get; init; }

        public DateOnly? ReceivedOn { get; init; }

        public DateOnly? FirstReceivedOn { get; init; }

        public DateOnly? Due { get; init; }

        public DateOnly? ClosedOn { get; init; }

        public ApplicantKind Kind { get; init; }

        public string Name { get; init; } = "";

        public Channel Channel { get; init; }

        public string Content { get; init; } = "";

        /// <summary>The outcome column as stored, for the filter: a plain column, so its index serves it.</summary>
        public Outcome? StoredOutcome { get; init; }

        /// <summary>The outcome's columns one by one (a projected optional complex type comes back non-null for a row without one).</summary>
        public Outcome? OutcomeKind { get; init; }

        public WithholdingGround? Withholding { get; init; }

        public CannotProvideGround? CannotProvide { get; init; }

        public NotProcessedGround? NotProcessed { get; init; }

        public OtherHandlingGround? OtherGround { get; init; }
    }

    /// <summary>The reply's outcome from its columns; null without a reply.</summary>
    internal static ReplyOutcome? OutcomeOf(Outcome? kind, WithholdingGround? withholding, CannotProvideGround? cannotProvide, NotProcessedGround? notProcessed,
        OtherHandlingGround? other) =>
        kind is { } k && ReplyOutcome.Create(k, withholding, cannotProvide, notProcessed, other).TryGetValue(out var outcome) ? outcome : null;

    /// <summary>
    /// The agency's applications with the binding date computed in SQL: the latest of the Art 33 deadline, its
    /// extension and an Art 35 delayed-reply date (DisclosureRequest.CurrentDue, which the database cannot call).
    /// </summary>
    internal static IQueryable<Row> Rows(GongkaiDbContext db, Guid agencyId) => Rows(db.Requests.Where(r => r.AgencyId == agencyId));

    private static IQueryable<Row> Rows(IQueryable<DisclosureRequest> requests) =>
        requests.AsNoTracking().IgnoreAutoIncludes()
            .Select(r => new Row
            {
                Id = r.Id,
                AgencyId = r.AgencyId,
                TrackingNumber = r.TrackingNumber,
                State = r.State,
                SubmittedOn = r.SubmittedOn,
                ReceivedOn = r.ReceivedOn,
                FirstReceivedOn = EF.Property<DateOnly?>(r, RequestMapping.FirstReceivedOn),
                Due = r.DelayedReplyDue != null && (r.ExtendedDue == null || r.DelayedReplyDue > r.ExtendedDue) && (r.ReplyDue == null || r.DelayedReplyDue > r.ReplyDue)
                    ? r.DelayedReplyDue
                    : r.ExtendedDue != null && (r.ReplyDue == null || r.ExtendedDue > r.ReplyDue) ? r.ExtendedDue : r.ReplyDue,
                ClosedOn = r.ClosedOn,
                Kind = r.Applicant.Kind,
                Name = r.Applicant.Name,
                Channel = r.Channel,
                Content = r.Content,
                // Only a concluded case has an outcome: a bulk import (BulkInsert) stores an open case's absent
                // outcome as 0 (予以公开) in the outcome column, so the column alone cannot say.
                StoredOutcome = (Outcome?)r.Outcome!.Outcome,
                OutcomeKind = r.State < RequestState.Replied || r.Outcome == null ? null : r.Outcome.Outcome,
                Withholding = r.Outcome == null ? null : r.Outcome.WithholdingGround,
                CannotProvide = r.Outcome == null ? null : r.Outcome.CannotProvideGround,
                NotProcessed = r.Outcome == null ? null : r.Outcome.NotProcessedGround,
                OtherGround = r.Outcome == null ? null : r.Outcome.OtherHandlingGround,
            });

    /// <summary>The agency's applications the filter keeps; each condition a column of one of the agency's indexes (RequestMapping).</summary>
    internal static IQueryable<Row> Find(GongkaiDbContext db, Guid agencyId, Filter filter, DateOnly today, bool fullNames)
    {
        var rows = Rows(db, agencyId);
        rows = filter.Scope switch
        {
            Scope.Open => rows.Where(r => r.State < RequestState.Replied),
            Scope.Concluded => rows.Where(r => r.State >= RequestState.Replied),
            _ => rows,
        };
        if (filter.State is { } state)
        {
            rows = rows.Where(r => r.State == state);
        }

        if (filter.Channel is { } channel)
        {
            rows = rows.Where(r => r.Channel == channel);
        }

        if (filter.Outcome is { } outcome)
        {
            rows = rows.Where(r => r.State >= RequestState.Replied && r.StoredOutcome == outcome);
        }

        if (filter.Kind is { } kind)
        {
            rows = rows.Where(r => r.Kind == kind);
        }

        if (filter.ReceivedFrom is { } receivedFrom)
        {
            rows = rows.Where(r => r.ReceivedOn >= receivedFrom);
        }

        if (filter.ReceivedTo is { } receivedTo)
        {
            rows = rows.Where(r => r.ReceivedOn <= receivedTo);
        }

        if (filter.RepliedFrom is { } repliedFrom)
        {
            rows = rows.Where(r => r.ClosedOn >= repliedFrom);
        }

        if (filter.RepliedTo is { } repliedTo)
        {
            rows = rows.Where(r => r.ClosedOn <= repliedTo);
        }

        if (filter.Overdue)
        {
            rows = rows.Where(r => r.State < RequestState.Replied && r.Due < today);
        }

        foreach (var word in filter.Words())
        {
            var pattern = "%" + EscapeLike(word) + "%";
            rows = fullNames
                ? rows.Where(r => EF.Functions.Like(r.TrackingNumber, pattern, LikeEscape) || EF.Functions.Like(r.Name, pattern, LikeEscape)
                    || EF.Functions.Like(r.Content, pattern, LikeEscape))
                : rows.Where(r => EF.Functions.Like(r.TrackingNumber, pattern, LikeEscape) || EF.Functions.Like(r.Content, pattern, LikeEscape));
        }

        return rows;
    }

    internal static IQueryable<Row> Sorted(IQueryable<Row> rows, Order order) => order switch
    {
        Order.ReceivedNewest => rows.OrderBy(r => r.ReceivedOn == null).ThenByDescending(r => r.ReceivedOn).ThenByDescending(r => r.TrackingNumber).ThenBy(r => r.Id),
        Order.ReceivedOldest => rows.OrderBy(r => r.ReceivedOn == null).ThenBy(r => r.ReceivedOn).ThenBy(r => r.TrackingNumber).ThenBy(r => r.Id),
        _ => rows.OrderBy(r => r.Due == null).ThenBy(r => r.Due).ThenBy(r => r.TrackingNumber).ThenBy(r => r.Id),
    };

    private const string LikeEscape = "\\";

    /// <summary>A word taken literally by LIKE: the escape character, % and _ escaped.</summary>
    internal static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

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
