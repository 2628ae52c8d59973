using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.District;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// The 政务公开办's dashboard over its own agency and every agency under it for a report year: each agency's report
/// stage (未开始 / 草稿 / 已检查 / 已定稿 / 已公开), whether it is overdue (条例 Art 49: unpublished after its due date)
/// or was published late, the day of each step, its findings; its applications overdue now (Art 33) and its items
/// published late in the year (Art 26); and the count of agencies at each stage.
/// </summary>
public static class OversightBoard
{
    public sealed record Request(Guid ParentId, int Year);

    /// <param name="Findings">
    /// The findings of the report as counted in the district (its locked version, else built from the records now); null
    /// when the agency has not started its report, whose findings would be the records' and not a report's.
    /// </param>
    public sealed record Row(Agency Agency, ReportStanding Standing, CheckedReport? Findings, bool FromLockedVersion, int OverdueApplications, int LateItems);

    public sealed record StageCount(ReportStatus Stage, int Count);

    /// <summary>The board; <see cref="ByStage"/> has every stage (zero included), in the order of the lifecycle.</summary>
    public sealed record Response(Agency Parent, int Year, IReadOnlyList<Row> Rows, IReadOnlyList<StageCount> ByStage,
        int Overdue, int PublishedLate, IReadOnlyList<Outlier> Outliers);

    /// <summary>The stages a report goes through, in order (逾期 is not one of them: it is counted apart).</summary>
    public static IReadOnlyList<ReportStatus> Stages { get; } =
        [ReportStatus.NotStarted, ReportStatus.Draft, ReportStatus.Checked, ReportStatus.Locked, ReportStatus.Published];

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var today = ChinaClock.Today(clock);
        if (ReportYear.Create(request.Year, today) is { IsSuccess: false } invalid)
        {
            return invalid.Problem;
        }

        var district = await DistrictReport.HandleAsync(db, calendar, clock, new DistrictReport.Request(request.ParentId, request.Year), cancellationToken);
        if (!district.TryGetValue(out var response))
        {
            return district.Problem;
        }

        var rows = new List<Row>();
        foreach (var line in response.Agencies)
        {
            var open = await Worklist.CountAsync(db, calendar, clock, line.Agency.Id, cancellationToken);
            var late = await ListItems.HandleAsync(db, calendar, today, new ListItems.Request(line.Agency.Id, request.Year, LateOnly: true, PageSize: int.MaxValue), cancellationToken);
            var findings = line.Standing.Stage == ReportStatus.NotStarted ? null : line.Report;
            rows.Add(new Row(line.Agency, line.Standing, findings, line.FromLockedVersion, open.Overdue, late.Count));
        }

        var byStage = Stages.Select(s => new StageCount(s, rows.Count(r => r.Standing.Stage == s))).ToList();
        return new Response(response.Parent, request.Year, rows, byStage, rows.Count(r => r.Standing.Overdue), rows.Count(r => r.Standing.PublishedLate),
            response.Outliers);
    }
}
