using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// The annual reports an agency shows the public: for each year its newest locked (or published) version only. A
/// draft is not a fact yet (it changes with the records), so it is never shown, however complete it looks.
/// </summary>
public static class PublicReports
{
    public sealed record Line(int Year, int Version, ReportStage Stage, ReportFormat Format, DateOnly? PublishedOn, DateTimeOffset? LockedAt);

    /// <summary>The years with a locked report, newest first; refused when there is no such agency.</summary>
    public static async Task<Result<IReadOnlyList<Line>>> OfAgencyAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken)
            ? Result.Success(await ListAsync(db, agencyId, cancellationToken))
            : AgencyProblems.NotFound();

    /// <summary>The years with a locked report, newest first.</summary>
    public static async Task<IReadOnlyList<Line>> ListAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var locked = await db.ReportVersions.AsNoTracking()
            .Where(v => v.AgencyId == agencyId && (v.Stage == ReportStage.Locked || v.Stage == ReportStage.Published))
            .Select(v => new Line(v.Year, v.Number, v.Stage, v.Format, v.PublishedOn, v.LockedAt))
            .ToListAsync(cancellationToken);
        return [.. locked.GroupBy(v => v.Year).Select(g => g.MaxBy(v => v.Version)!).OrderByDescending(v => v.Year)];
    }

    /// <summary>The year's newest locked version with its content, or null when the year has none.</summary>
    public static async Task<StoredReport?> GetAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken = default) =>
        (await LockedReports.LatestAsync(db, [agencyId], year, cancellationToken)).GetValueOrDefault(agencyId);
}
