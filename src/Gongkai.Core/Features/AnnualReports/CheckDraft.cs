using Gongkai.Core.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// Checks the year's draft without locking it (已检查): the same check as the lock (the draft is still what the records
/// give; no error; warnings accepted with a reviewer's note), recorded with its date, so the 政务公开办 sees a report
/// that passed the check before it is 定稿. Editing the text or rebuilding takes it back to draft.
/// </summary>
public static class CheckDraft
{
    public sealed record Request(Guid AgencyId, int Year, string? Acknowledgement, string Actor);

    public sealed record Response(ReportVersion Version, CheckedReport Report);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var found = await LockReport.LatestDraftAsync(db, request.AgencyId, request.Year, cancellationToken);
        if (!found.TryGetValue(out var draft))
        {
            return found.Problem;
        }

        var before = LockedReports.Summary(draft.Latest);
        var checkedDraft = await LockReport.CheckAsync(db, calendar, clock, draft, request.Acknowledgement, clock.GetUtcNow(), cancellationToken);
        if (!checkedDraft.TryGetValue(out var report))
        {
            return checkedDraft.Problem;
        }

        LockedReports.Audit(db, clock, request.Actor, "report.checked", draft.Latest, before);
        await db.SaveChangesAsync(cancellationToken);
        return new Response(draft.Latest, report);
    }
}
