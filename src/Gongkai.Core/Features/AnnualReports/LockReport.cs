using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// Checks the year's draft and locks it: sections 一, 五 and 六 must have text (LockRequirements), the rules run
/// again (R7 against the locked report of the year before), an error refuses, warnings need a reviewer's note, and a
/// draft the records no longer give (a record changed since it was built) is refused rather than locked stale. The
/// locked version keeps its content and its SHA-256 for ever.
/// </summary>
public static class LockReport
{
    public sealed record Request(Guid AgencyId, int Year, string? Acknowledgement, string Actor);

    public sealed record Response(ReportVersion Version, CheckedReport Report);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var found = await LatestDraftAsync(db, request.AgencyId, request.Year, cancellationToken);
        if (!found.TryGetValue(out var draft))
        {
            return found.Problem;
        }

        if (LockRequirements.Check(LockedReports.Read(draft.Latest)) is { } missing)
        {
            return missing;
        }

        var now = clock.GetUtcNow();
        var before = LockedReports.Summary(draft.Latest);
        var checkedDraft = await CheckAsync(db, calendar, clock, draft, request.Acknowledgement, now, cancellationToken);
        if (!checkedDraft.TryGetValue(out var checkedReport))
        {
            return checkedDraft.Problem;
        }

        var locked = draft.Latest.Lock(request.Actor, now);
        if (!locked.TryGetValue(out var version))
        {
            return locked.Problem;
        }

        LockedReports.Audit(db, clock, request.Actor, "report.locked", version, before);
        await db.SaveChangesAsync(cancellationToken);
        return new Response(version, checkedReport);
    }

    /// <summary>An agency's newest version of the year, which must exist and not be locked yet.</summary>
    internal sealed record Draft(Agency Agency, ReportVersion Latest);

    internal static async Task<Result<Draft>> LatestDraftAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken)
    {
        if (await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken) is not { } agency)
        {
            return AgencyProblems.NotFound();
        }

        var text = year.ToString(CultureInfo.InvariantCulture);
        var latest = await db.ReportVersions.Where(v => v.AgencyId == agency.Id && v.Year == year).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return Problem.NotFound("report.noDraft", $"{agency.Name}{text}年度报告还没有草稿，请先生成");
        }

        if (latest.IsLocked)
        {
            return Problem.Conflict("report.alreadyLocked", $"{agency.Name}{text}年度报告第{latest.Number.ToString(CultureInfo.InvariantCulture)}版已锁定；如需更正，请重新生成新版本");
        }

        return new Draft(agency, latest);
    }

    /// <summary>
    /// The check both the lock and <see cref="CheckDraft"/> make: the draft must still be what the records give, then
    /// the rules run; the version records the result (checked, with the reviewer's note for warnings) or refuses.
    /// </summary>
    internal static async Task<Result<CheckedReport>> CheckAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Draft draft,
        string? acknowledgement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (agency, latest) = draft;
        var stored = LockedReports.Read(latest);
        var fresh = await BuildReport.OfRecordAsync(db, calendar, clock, agency, latest.Year, latest.Format, cancellationToken);
        if (!SameCells(stored, fresh.Report))
        {
            return Problem.Conflict("report.stale", "草稿生成后台账记录有变化，草稿中的数字已不是记录给出的数字，请重新生成后再锁定");
        }

        var checkedReport = await ReportCheck.WithPreviousYearAsync(db, agency.Id, SaveDraft.WithTexts(fresh.Report, stored.Texts), cancellationToken);
        var result = latest.Check(checkedReport.ErrorCount, checkedReport.WarningCount, acknowledgement, now);
        return result.IsSuccess ? checkedReport : result.Problem;
    }

    /// <summary>Every figure and every blank the same (the narrative is compared by R8, not here).</summary>
    public static bool SameCells(AnnualReport a, AnnualReport b) =>
        a.Format == b.Format
        && a.Values.Count == b.Values.Count
        && a.Values.All(v => b.Values.TryGetValue(v.Key, out var other) && other == v.Value)
        && a.Blanks.SetEquals(b.Blanks);
}
