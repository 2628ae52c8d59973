using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// The versions of an agency's report for a year, its standing against the Art 49 deadline, and whether every locked
/// version still has the content its hash was taken of.
/// </summary>
public static class ReportHistory
{
    public sealed record Request(Guid AgencyId, int Year);

    public sealed record Response(string Agency, ReportLevel Level, ReportStanding Standing, IReadOnlyList<ReportVersion> Versions)
    {
        /// <summary>Locked versions whose content no longer matches their hash (empty when all is well).</summary>
        public IReadOnlyList<ReportVersion> Tampered => [.. Versions.Where(v => !v.HashMatches)];
    }

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, cancellationToken) is not { } agency)
        {
            return AgencyProblems.NotFound();
        }

        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.AgencyId == agency.Id && v.Year == request.Year).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var level = await LockedReports.LevelOfAsync(db, agency, cancellationToken);
        var standing = ReportStanding.Of(versions, PublicationDeadline.For(request.Year, level), ChinaClock.Today(clock));
        return new Response(agency.Name, level, standing, versions);
    }
}
