using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>A stored version with its content read back as a report.</summary>
public sealed record StoredReport(ReportVersion Version, AnnualReport Report);

/// <summary>
/// The stored versions of annual reports: their content (report-json.md text), the newest locked one of a year
/// (what R7 compares against and what a district sums), the Art 49 level of an agency, and the audit entry of a step.
/// </summary>
public static class LockedReports
{
    public static string Content(CheckedReport report) => ReportJson.Write(report);

    public static AnnualReport Read(ReportVersion version) => ReportJson.Read(version.Content, version.Format).Report;

    /// <summary>The newest locked (or published) version of each agency for <paramref name="year"/>, if any.</summary>
    public static async Task<Dictionary<Guid, StoredReport>> LatestAsync(GongkaiDbContext db, IReadOnlyCollection<Guid> agencyIds, int year, CancellationToken cancellationToken = default)
    {
        var locked = await db.ReportVersions.AsNoTracking()
            .Where(v => v.Year == year && agencyIds.Contains(v.AgencyId) && (v.Stage == ReportStage.Locked || v.Stage == ReportStage.Published))
            .ToListAsync(cancellationToken);
        return Latest(locked);
    }

    /// <summary>Of versions already loaded, the newest locked (or published) one of each agency, read back.</summary>
    public static Dictionary<Guid, StoredReport> Latest(IEnumerable<ReportVersion> versions) =>
        versions.Where(v => v.IsLocked)
            .GroupBy(v => v.AgencyId)
            .Select(g => g.MaxBy(v => v.Number)!)
            .ToDictionary(v => v.AgencyId, v => new StoredReport(v, Read(v)));

    /// <summary>
    /// 条例 Art 49: a government's own report (here: an agency at the top of a hierarchy with departments under it)
    /// is due by 31 March, every department's by 31 January.
    /// </summary>
    public static async Task<ReportLevel> LevelOfAsync(GongkaiDbContext db, Agency agency, CancellationToken cancellationToken = default) =>
        agency.ParentId is null && await db.Agencies.AnyAsync(a => a.ParentId == agency.Id, cancellationToken)
            ? ReportLevel.Government
            : ReportLevel.Department;

    /// <summary>The 台账 entry of a lifecycle step: the version's identity and standing, never its whole content.</summary>
    public static void Audit(GongkaiDbContext db, TimeProvider clock, string actor, string action, ReportVersion version, string? before)
    {
        AuditTrail.Record(db, clock, actor, action, nameof(ReportVersion), version.Id.ToString("D"), version.AgencyId, before, Summary(version));
    }

    public static string Summary(ReportVersion version) => JsonSerializer.Serialize(
        new
        {
            year = version.Year,
            version = version.Number,
            format = version.Format.Code(),
            stage = version.Stage.ToString(),
            errors = version.ErrorCount,
            warnings = version.WarningCount,
            acknowledgement = version.Acknowledgement,
            contentHash = version.ContentHash ?? ReportVersion.Hash(version.Content),
            publishedOn = version.PublishedOn,
        },
        AuditTrail.Json);
}
