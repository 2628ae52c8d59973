using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// Builds an agency's report for a year from the records and keeps it as the year's draft: the open draft (or
/// checked version) is rebuilt in place; after a lock, the next version starts. A locked version is never touched.
/// Narrative written by staff (问题及改进, 其他, and an overview they rewrote) is carried over from the version before.
/// </summary>
public static class SaveDraft
{
    public sealed record Request(Guid AgencyId, int Year, ReportFormat? Format, string Actor);

    public sealed record Response(ReportVersion Version, CheckedReport Report, bool StartedNewVersion);

    /// <summary>The narrative keys people write; the builder drafts only <c>text.overview</c>.</summary>
    public static IReadOnlyList<CellKey> WrittenByStaff { get; } = [CellKey.Problems, CellKey.OtherMatters];

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, cancellationToken) is not { } agency)
        {
            return AgencyProblems.NotFound();
        }

        var versions = await db.ReportVersions.Where(v => v.AgencyId == agency.Id && v.Year == request.Year).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var latest = versions.LastOrDefault();
        var built = await BuildReport.OfRecordAsync(db, calendar, clock, agency, request.Year, request.Format, cancellationToken);
        if (latest is not null)
        {
            built = await ReportCheck.WithPreviousYearAsync(db, agency.Id, WithStaffTexts(built.Report, LockedReports.Read(latest)), cancellationToken);
        }

        var content = LockedReports.Content(built);
        var now = clock.GetUtcNow();
        ReportVersion version;
        string? before = null;
        if (latest is { IsLocked: false })
        {
            before = LockedReports.Summary(latest);
            var rebuilt = latest.Rebuild(built.Report.Format, content, built.ErrorCount, built.WarningCount, now);
            if (!rebuilt.TryGetValue(out version!))
            {
                return rebuilt.Problem;
            }
        }
        else
        {
            version = ReportVersion.Draft(agency.Id, request.Year, (latest?.Number ?? 0) + 1, built.Report.Format, content, built.ErrorCount, built.WarningCount, now);
            db.ReportVersions.Add(version);
        }

        LockedReports.Audit(db, clock, request.Actor, "report.drafted", version, before);
        await db.SaveChangesAsync(cancellationToken);
        return new Response(version, built, before is null);
    }

    /// <summary>The built report with the narrative staff wrote in <paramref name="earlier"/> (to be checked again).</summary>
    public static AnnualReport WithStaffTexts(AnnualReport built, AnnualReport earlier)
    {
        var texts = built.Texts.ToDictionary(StringComparer.Ordinal);
        foreach (var key in WrittenByStaff)
        {
            if (earlier.Text(key) is { Length: > 0 } text)
            {
                texts[key] = text;
            }
        }

        // An overview staff rewrote is theirs: kept, and R8 says where its numbers no longer match the tables.
        var proactive = earlier.Values.Where(v => CellKey.TryParse(v.Key, out var k) && k.IsProactive).ToDictionary(StringComparer.Ordinal);
        if (earlier.Text(CellKey.Overview) is { Length: > 0 } overview && earlier.Year is { } year
            && !string.Equals(overview, BuildReport.Overview(year, earlier.Values, proactive), StringComparison.Ordinal))
        {
            texts[CellKey.Overview] = overview;
        }

        return WithTexts(built, texts);
    }

    /// <summary>The same cells with other narrative (to be checked again: R8 compares the narrative with the tables).</summary>
    public static AnnualReport WithTexts(AnnualReport report, IReadOnlyDictionary<string, string> texts) =>
        new(report.Format, report.Agency, report.Year, report.Values, report.Blanks, texts);
}
