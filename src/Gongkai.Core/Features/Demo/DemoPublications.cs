using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Demo;

/// <summary>
/// What the demo publishes once an agency's records are in, through the handlers staff and <c>gongkai guide publish</c>
/// / <c>report build</c>, <c>lock</c>, <c>publish</c> use: the 政府信息公开指南 (条例 Art 12) and an annual report
/// (Art 49, 50). Neither is touched when the agency already has one: that is someone's work, not the demo's.
/// </summary>
internal static class DemoPublications
{
    private static readonly Lazy<string> GuideTemplate = new(() => System.Text.Encoding.UTF8.GetString(SeedDemo.Embedded("guide.md").Bytes));

    /// <summary>The agency's guide from the template (DemoGuide.md), pointing to its column on this site; false when it had one.</summary>
    /// <param name="division">The 科室 that handles 信息公开 (the seed's office: 综合科).</param>
    public static async Task<Result<bool>> GuideAsync(Importers imports, string agency, string division)
    {
        var id = await IdOfAsync(imports, agency);
        if (await PublishGuide.CurrentAsync(imports.Db, id, imports.CancellationToken) is not null)
        {
            return false;
        }

        // Paths, not an address: the site may be served under any host name.
        var column = $"/agencies/{id:D}";
        var text = GuideTemplate.Value
            .Replace("{机关}", agency, StringComparison.Ordinal)
            .Replace("{科室}", division, StringComparison.Ordinal)
            .Replace("{专栏}", column, StringComparison.Ordinal)
            .Replace("{申请}", column + "/apply", StringComparison.Ordinal);
        var published = await PublishGuide.HandleAsync(imports.Db, imports.Clock, new PublishGuide.Request(id, agency + "政府信息公开指南", text,
            SeedDemo.GuideEffectiveOn, imports.Actor), imports.CancellationToken);
        return published.Map(_ => true);
    }

    /// <summary>
    /// The agency's report of <paramref name="year"/> built from its records, its sections 五 and 六 written
    /// (<paramref name="problems"/>, <paramref name="otherMatters"/>: the lock needs them), locked and published on
    /// <paramref name="on"/>: 1, or 0 when the year already has a version (or the day has not come yet).
    /// </summary>
    public static async Task<Result<int>> ReportAsync(Importers imports, string agency, int year, DateOnly on, string problems, string otherMatters)
    {
        var (db, calendar, clock, actor, ct) = (imports.Db, imports.Calendar, imports.Clock, imports.Actor, imports.CancellationToken);
        var id = await IdOfAsync(imports, agency);
        if (on > ChinaClock.Today(clock) || await db.ReportVersions.AnyAsync(v => v.AgencyId == id && v.Year == year, ct))
        {
            return 0;
        }

        var drafted = await SaveDraft.HandleAsync(db, calendar, clock, new SaveDraft.Request(id, year, null, actor), ct);
        if (!drafted.IsSuccess)
        {
            return drafted.Problem;
        }

        foreach (var (key, text) in new[] { (CellKey.Problems, problems), (CellKey.OtherMatters, otherMatters) })
        {
            var written = await EditReportText.HandleAsync(db, clock, new EditReportText.Request(id, year, key, text, actor), ct);
            if (!written.IsSuccess)
            {
                return written.Problem;
            }
        }

        // No acknowledgement: the demo's records give a report without findings; one with warnings is a bug, said as a problem.
        var locked = await LockReport.HandleAsync(db, calendar, clock, new LockReport.Request(id, year, null, actor), ct);
        if (!locked.IsSuccess)
        {
            return locked.Problem;
        }

        var published = await PublishReport.HandleAsync(db, clock, new PublishReport.Request(id, year, on, actor), ct);
        return published.Map(_ => 1);
    }

    private static Task<Guid> IdOfAsync(Importers imports, string agency) =>
        imports.Db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync(imports.CancellationToken);
}
