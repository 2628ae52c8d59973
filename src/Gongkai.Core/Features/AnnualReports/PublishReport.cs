using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// Records that the year's locked report was made public on a day (条例 Art 49: departments by 31 January, the
/// government's report by 31 March of the next year); says whether that was in time.
/// </summary>
public static class PublishReport
{
    public sealed record Request(Guid AgencyId, int Year, DateOnly? On, string Actor);

    public sealed record Response(ReportVersion Version, DateOnly DueOn, bool Late);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, cancellationToken) is not { } agency)
        {
            return AgencyProblems.NotFound();
        }

        var today = ChinaClock.Today(clock);
        var on = request.On ?? today;
        if (on > today)
        {
            return Problem.Invalid("report.publishedInFuture", "公开日期不能晚于今天");
        }

        if (on.Year <= request.Year)
        {
            return Problem.Invalid("report.publishedBeforeYearEnd", $"{request.Year.ToString(CultureInfo.InvariantCulture)}年度报告应在年度结束后公开");
        }

        var versions = await db.ReportVersions.Where(v => v.AgencyId == agency.Id && v.Year == request.Year).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Stage == ReportStage.Locked) is not { } locked)
        {
            return versions.Any(v => v.Stage == ReportStage.Published)
                ? Problem.Conflict("report.alreadyPublished", "该年度报告已公开")
                : Problem.Conflict("report.notLocked", "年度报告须先检查并锁定，才能公开");
        }

        var before = LockedReports.Summary(locked);
        var published = locked.Publish(on);
        if (!published.TryGetValue(out var version))
        {
            return published.Problem;
        }

        LockedReports.Audit(db, clock, request.Actor, "report.published", version, before);
        await db.SaveChangesAsync(cancellationToken);
        var due = PublicationDeadline.For(request.Year, await LockedReports.LevelOfAsync(db, agency, cancellationToken));
        return new Response(version, due, on > due);
    }
}
