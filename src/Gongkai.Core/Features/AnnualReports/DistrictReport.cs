using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.District;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// The consolidated report of a government (a parent agency) for a year: the cells of every agency under it, and of
/// itself, summed — each agency's locked report where it has one (what it published), else its report built from the
/// records now — with each agency's standing against its Art 49 deadline, its findings, and the outliers.
/// </summary>
public static class DistrictReport
{
    public sealed record Request(Guid ParentId, int Year, ReportFormat? Format = null);

    /// <summary>One agency of the district: its report as counted, where it came from, its standing.</summary>
    public sealed record AgencyLine(Agency Agency, CheckedReport Report, bool FromLockedVersion, ReportStanding Standing);

    public sealed record Response(Agency Parent, CheckedReport Consolidated, IReadOnlyList<AgencyLine> Agencies, IReadOnlyList<Outlier> Outliers, DateOnly DueOn);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var all = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var parent = all.FirstOrDefault(a => a.Id == request.ParentId);
        if (parent is null)
        {
            return AgencyProblems.NotFound();
        }

        var members = Descendants(parent, all);
        var ids = members.Select(a => a.Id).ToList();
        var format = request.Format ?? ReportFormats.DefaultForYear(request.Year);
        var built = await BuildReport.HandleManyAsync(db, calendar, members, request.Year, format, cancellationToken);
        // One read of the year's versions gives both the standings and the locked reports (the government's own
        // locked report is this consolidation, so it is not read back).
        var yearVersions = await db.ReportVersions.AsNoTracking().Where(v => v.Year == request.Year && ids.Contains(v.AgencyId)).ToListAsync(cancellationToken);
        var versions = yearVersions.ToLookup(v => v.AgencyId);
        var locked = LockedReports.Latest(yearVersions.Where(v => v.AgencyId != parent.Id));
        var today = ChinaClock.Today(clock);
        var parentLevel = await LockedReports.LevelOfAsync(db, parent, cancellationToken);
        var previous = await LockedReports.LatestAsync(db, ids, request.Year - 1, cancellationToken);

        var lines = new List<AgencyLine>();
        foreach (var agency in members)
        {
            var level = agency.Id == parent.Id ? parentLevel : ReportLevel.Department;
            var standing = ReportStanding.Of(versions[agency.Id], PublicationDeadline.For(request.Year, level), today);
            var report = locked.TryGetValue(agency.Id, out var stored) && stored.Report.Format == format
                ? ReportCheck.Of(stored.Report, previous.GetValueOrDefault(agency.Id)?.Report)
                : built[agency.Id];
            lines.Add(new AgencyLine(agency, report, !ReferenceEquals(report, built[agency.Id]), standing));
        }

        var reports = lines.Select(l => l.Report.Report).ToList();
        var sum = Consolidation.Sum(format, parent.Name, request.Year, reports, new Dictionary<string, string>(StringComparer.Ordinal));
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CellKey.Overview] = BuildReport.Overview(request.Year, sum.Values, Consolidation.ProactiveCounts(sum)),
            [CellKey.Problems] = "",
            [CellKey.OtherMatters] = "",
        };
        var consolidated = new AnnualReport(format, parent.Name, request.Year, sum.Values, sum.Blanks, texts);
        var checkedReport = ReportCheck.Of(consolidated, previous.GetValueOrDefault(parent.Id)?.Report);
        return new Response(parent, checkedReport, lines, Consolidation.Outliers(reports),
            PublicationDeadline.For(request.Year, parentLevel));
    }

    /// <summary>
    /// report-json.md's JSON of the consolidated report (the sums in <c>cells</c>), then <c>dueOn</c>, <c>agencies</c>
    /// (each with its status — its stage, or overdue —, stage, due date, version, the day of each step, whether its
    /// locked report was counted, and its findings) and
    /// <c>outliers</c>.
    /// </summary>
    public static string Json(Response response) => ReportJson.Write(response.Consolidated, json =>
    {
        json.WriteString("dueOn", response.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("agencies");
        foreach (var line in response.Agencies)
        {
            json.WriteStartObject();
            json.WriteString("agency", line.Agency.Name);
            json.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(line.Standing.Status.ToString()));
            json.WriteString("statusText", line.Standing.Label);
            json.WriteString("stage", JsonNamingPolicy.CamelCase.ConvertName(line.Standing.Stage.ToString()));
            json.WriteBoolean("overdue", line.Standing.Overdue);
            json.WriteString("dueOn", Day(line.Standing.DueOn));
            if (line.Standing.Version is { } version)
            {
                json.WriteNumber("version", version.Number);
            }
            else
            {
                json.WriteNull("version");
            }

            var steps = line.Standing.Steps;
            foreach (var (name, day) in new[] { ("startedOn", steps.StartedOn), ("checkedOn", steps.CheckedOn), ("lockedOn", steps.LockedOn), ("publishedOn", steps.PublishedOn) })
            {
                if (day is { } d)
                {
                    json.WriteString(name, Day(d));
                }
            }

            json.WriteBoolean("publishedLate", line.Standing.PublishedLate);
            json.WriteString("counted", line.FromLockedVersion ? "locked" : "records");
            ReportJson.WriteFindings(json, line.Report.Findings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("outliers");
        foreach (var outlier in response.Outliers)
        {
            json.WriteStartObject();
            json.WriteString("agency", outlier.Agency);
            json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(outlier.Kind.ToString()));
            json.WriteNumber("share", outlier.Share);
            json.WriteNumber("districtShare", outlier.DistrictShare);
            json.WriteString("message", outlier.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The parent first, then every agency under it at any depth, each level by name.</summary>
    private static List<Agency> Descendants(Agency parent, List<Agency> all)
    {
        var children = all.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var result = new List<Agency> { parent };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(children[result[i].Id].OrderBy(a => a.Name, StringComparer.Ordinal));
        }

        return result;
    }
}
