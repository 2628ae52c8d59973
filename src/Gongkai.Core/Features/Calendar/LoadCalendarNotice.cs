using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Calendar;

/// <summary>
/// Loads a year's State Council notice (spec/calendar/README.md, "Years without a notice"): checks it (a
/// <c>cn-holidays/1</c> document: every 调休 day a weekend, every day named, years contiguous with the calendar),
/// stores each year as a new version, and counts again every running deadline of an open application that could
/// reach into the year: each one that moves gets a step in its history and an entry in the 台账. All in one
/// SaveChanges: a failure leaves the calendar and the deadlines as they were. Loading the same days again changes
/// nothing.
/// </summary>
public static class LoadCalendarNotice
{
    public sealed record Request(string Json, string Source, string? DocumentNumber, string UserId, string UserName);

    /// <summary>One application whose deadlines moved: its number and the step that says how.</summary>
    public sealed record MovedDeadline(Guid AgencyId, Guid RequestId, string TrackingNumber, string Description);

    public sealed record Response(IReadOnlyList<(int Year, int Version)> Loaded, IReadOnlyList<int> Unchanged, IReadOnlyList<MovedDeadline> Moved, WorkCalendar Calendar);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DocumentNumber is { Length: > CalendarNotice.MaxDocumentNumberLength })
        {
            return new Problem(NoticeEntry.Invalid, $"文号不能超过{CalendarNotice.MaxDocumentNumberLength.ToString(CultureInfo.InvariantCulture)}个字符");
        }

        var current = await CalendarSource.LoadAsync(db, cancellationToken);
        if (!current.TryGetValue(out var before))
        {
            return current.Problem;
        }

        var checkedCalendar = before.With(request.Json);
        if (!checkedCalendar.TryGetValue(out var after))
        {
            return checkedCalendar.Problem;
        }

        var latest = (await CalendarSource.LatestNoticesAsync(db, cancellationToken)).ToDictionary(n => n.Year);
        var loaded = new List<(int, int)>();
        var unchanged = new List<int>();
        var now = clock.GetUtcNow();
        var years = SplitByYear(request.Json);
        foreach (var (year, json) in years)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            if (latest.TryGetValue(year, out var stored) && stored.Sha256 == hash)
            {
                unchanged.Add(year);
                continue;
            }

            var notice = new CalendarNotice
            {
                Id = Guid.NewGuid(),
                Year = year,
                Version = (stored?.Version ?? 0) + 1,
                DocumentNumber = string.IsNullOrWhiteSpace(request.DocumentNumber) ? null : request.DocumentNumber.Trim(),
                Json = json,
                Sha256 = hash,
                Source = request.Source,
                LoadedBy = request.UserId,
                LoadedAt = now,
            };
            db.CalendarNotices.Add(notice);
            AuditTrail.Record(db, clock, request.UserId, "calendar.load", nameof(CalendarNotice), notice.Id.ToString("D"), null, null,
                JsonSerializer.Serialize(new { notice.Year, notice.Version, notice.DocumentNumber, notice.Sha256, notice.Source }, AuditTrail.Json));
            loaded.Add((year, notice.Version));
        }

        if (loaded.Count == 0)
        {
            return new Response([], unchanged, [], before);
        }

        var moved = await RecalculateAsync(db, clock, after, request, [.. years.Select(y => y.Year)], cancellationToken);
        // One SaveChanges, one transaction: the versions, the moved deadlines and their 台账 entries, or nothing.
        await db.SaveChangesAsync(cancellationToken);
        return new Response(loaded, unchanged, moved, after);
    }

    /// <summary>
    /// Open applications with a deadline from 1 December of the year before the first loaded year on: only those can
    /// have counted over days the notice decides (a notice reaches back into late December at most).
    /// </summary>
    private static async Task<List<MovedDeadline>> RecalculateAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Request request, IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var from = new DateOnly(years.Min() - 1, 12, 1);
        var open = Enum.GetValues<RequestState>().Where(s => !s.IsTerminal()).ToList();
        var candidates = await db.Requests
            .Where(r => open.Contains(r.State)
                && (r.ReplyDue >= from || r.ExtendedDue >= from || r.SupplementNoticeDue >= from || r.ConsultationDue >= from || r.FeeDue >= from))
            .ToListAsync(cancellationToken);

        var named = string.Join("、", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        var reason = $"国务院办公厅{named}年放假安排已载入" + (string.IsNullOrWhiteSpace(request.DocumentNumber) ? "" : $"（{request.DocumentNumber.Trim()}）");
        var actor = new Actor(request.UserId, request.UserName, ActorRole.System);
        var today = ChinaClock.Today(clock);
        var moved = new List<MovedDeadline>();
        foreach (var application in candidates)
        {
            var snapshot = ApplyStep.Snapshot(application);
            var step = application.RecalculateDeadlines(new RecalculateDeadlines(actor, today, clock.GetUtcNow(), reason), calendar);
            if (!step.TryGetValue(out var e))
            {
                // Only a deadline past 2100 could fail here; that application keeps its dates and says so.
                moved.Add(new MovedDeadline(application.AgencyId, application.Id, application.TrackingNumber, "未能重新计算：" + step.Problem.Message));
                continue;
            }

            if (e is null)
            {
                continue;
            }

            AuditTrail.Record(db, clock, request.UserId, "request." + e.Trigger, nameof(DisclosureRequest), application.Id.ToString("D"),
                application.AgencyId, snapshot, ApplyStep.Snapshot(application));
            moved.Add(new MovedDeadline(application.AgencyId, application.Id, application.TrackingNumber, e.Description));
        }

        return moved;
    }

    /// <summary>Each year of a valid cn-holidays/1 document as a document of its own (the unit that is versioned).</summary>
    private static List<(int Year, string Json)> SplitByYear(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("years").EnumerateArray().Select(year =>
            (year.GetProperty("year").GetInt32(), $$"""{"format":"cn-holidays/1","years":[{{year.GetRawText()}}]}"""))];
    }
}
