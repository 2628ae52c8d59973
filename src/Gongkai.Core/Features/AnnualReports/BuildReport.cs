using System.Globalization;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Article20;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// The annual report of an agency for a year, computed from its records (DESIGN.md: the report is a function of
/// them): section 二 from its 第二十条 figures, 三 from its applications, 四 from its appeal cases, the proactive
/// figures from its catalogue, and a draft of the factual paragraphs of 一、总体情况 in the seed's words, for staff to
/// edit. Checked by the same rules as any published report.
/// </summary>
public static class BuildReport
{
    public sealed record Request(Guid AgencyId, int Year, ReportFormat? Format = null);

    public static async Task<CheckedReport> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == request.AgencyId, cancellationToken);
        return (await HandleManyAsync(db, calendar, [agency], request.Year, request.Format, cancellationToken))[agency.Id];
    }

    /// <summary>
    /// The report an agency keeps, locks and publishes for the year: a department's from its own records; a
    /// government's (条例 Art 49: 本级政府…年度报告) the consolidation of its own and all its agencies' reports.
    /// </summary>
    public static async Task<CheckedReport> OfRecordAsync(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, Agency agency, int year,
        ReportFormat? format, CancellationToken cancellationToken = default)
    {
        if (await LockedReports.LevelOfAsync(db, agency, cancellationToken) == ReportLevel.Government)
        {
            return (await DistrictReport.HandleAsync(db, calendar, clock, new DistrictReport.Request(agency.Id, year, format), cancellationToken)).Value.Consolidated;
        }

        return (await HandleManyAsync(db, calendar, [agency], year, format, cancellationToken))[agency.Id];
    }

    /// <summary>
    /// The reports of many agencies for one year in one format (a district's), each figure from one grouped query
    /// over all of them. Each is checked, with R7/R9 against the agency's locked report of the year before when there
    /// is one (a locked report is what was published; a draft is not a fact yet).
    /// </summary>
    public static async Task<Dictionary<Guid, CheckedReport>> HandleManyAsync(
        GongkaiDbContext db, WorkCalendar calendar, IReadOnlyList<Agency> agencies, int year, ReportFormat? format = null, CancellationToken cancellationToken = default)
    {
        var reportFormat = format ?? ReportFormats.DefaultForYear(year);
        var ids = agencies.Select(a => a.Id).ToList();
        // Only the figures: a statistics row auto-includes its history and provenance, which a report never prints.
        var figures = (await db.Set<Article20Figure>().AsNoTracking()
            .Join(
                db.Article20.IgnoreAutoIncludes().Where(s => ids.Contains(s.AgencyId) && s.Year == year && s.Format == reportFormat),
                f => EF.Property<Guid>(f, "StatisticsId"),
                s => s.Id,
                (f, s) => new { s.AgencyId, f.Key, f.Value })
            .ToListAsync(cancellationToken))
            .ToLookup(f => f.AgencyId);
        var requests = await RequestsTable.QueryManyAsync(db, ids, year, reportFormat, cancellationToken);
        var appeals = await AppealsTableQuery.HandleManyAsync(db, ids, year, cancellationToken);
        var proactive = await ProactiveSummaryQuery.HandleManyAsync(db, calendar, ids, year, cancellationToken);
        var previous = await LockedReports.LatestAsync(db, ids, year - 1, cancellationToken);

        var reports = new Dictionary<Guid, CheckedReport>();
        foreach (var agency in agencies)
        {
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var blanks = new HashSet<string>(StringComparer.Ordinal);
            Article20Cells(reportFormat, figures[agency.Id].ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), values, blanks);
            foreach (var (key, value) in RequestsTable.Cells(requests.GetValueOrDefault(agency.Id) ?? [], reportFormat))
            {
                values[key] = value;
            }

            foreach (var (key, value) in appeals[agency.Id])
            {
                values[key] = value;
            }

            foreach (var (key, value) in proactive[agency.Id])
            {
                values[key] = value;
            }

            var texts = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [CellKey.Overview] = Overview(year, values, proactive[agency.Id]),
                [CellKey.Problems] = "",
                [CellKey.OtherMatters] = "",
            };
            var report = new AnnualReport(reportFormat, agency.Name, year, values, blanks, texts);
            reports[agency.Id] = ReportCheck.Of(report, previous.GetValueOrDefault(agency.Id)?.Report);
        }

        return reports;
    }

    /// <summary>二: the figures recorded for the year in this format; a cell without a figure is printed blank.</summary>
    private static void Article20Cells(ReportFormat format, Dictionary<string, decimal> figures, Dictionary<string, decimal> values, HashSet<string> blanks)
    {
        foreach (var cell in ReportLayoutCells(format).Where(c => c.Table.KeyPrefix == CellKey.Article20Prefix))
        {
            var isParentOfVariants = cell.Row.Row.Children.Count > 0;
            var variantsGiven = isParentOfVariants && figures.Keys.Any(k => k.StartsWith(cell.Row.Path + ".", StringComparison.Ordinal));
            if (figures.TryGetValue(cell.Key, out var value))
            {
                values[cell.Key] = value;
            }
            else if (!cell.Row.Row.IsLocalVariant && !variantsGiven)
            {
                blanks.Add(cell.Key);
            }
        }
    }

    private static IEnumerable<Domain.AnnualReports.Layout.CellSpec> ReportLayoutCells(ReportFormat format) =>
        Domain.AnnualReports.Layout.ReportLayout.For(format).Cells;

    /// <summary>The factual paragraphs of 一、总体情况, worded as the seed words them.</summary>
    internal static string Overview(int year, IReadOnlyDictionary<string, decimal> values, IReadOnlyDictionary<string, decimal> proactive)
    {
        var c = CultureInfo.InvariantCulture;
        decimal V(CellKey key) => values.GetValueOrDefault(key);
        string N(CellKey key) => V(key).ToString("0", c);
        var text = new StringBuilder();
        text.Append(c, $"1. 主动公开情况\n{year}年共主动公开政府信息{N(CellKey.ProactivePublishedTotal)}条");
        if (proactive.TryGetValue(CellKey.ProactiveFullTextRate, out var rate))
        {
            text.Append(c, $"，全文电子化率达{(rate * 100).ToString("0.##", c)}%");
        }

        var categories = proactive.Select(p => (Label: CellKey.TryParse(p.Key, out var k) ? k.CategoryLabel : null, p.Value)).Where(p => p.Label is not null && p.Value > 0).ToList();
        text.Append('。');
        if (categories.Count > 0)
        {
            text.Append("其中，").Append(string.Join("；", categories.Select(p =>
                $"{p.Label}类信息{p.Value.ToString("0", c)}条"))).Append('。');
        }

        var kinds = Domain.AnnualReports.Layout.ReportLayouts.ApplicantColumns.Where(col => col.Key != "total" && V(CellKey.Requests("received", col.Key)) > 0)
            .Select(col => col.Key == "otherOrganization" ? "其他组织" : col.Label).ToList();
        text.Append(c, $"\n2. 依申请公开办理情况\n{year}年新收政府信息公开申请数量{N(CellKey.Requests("received", "total"))}件");
        if (kinds.Count > 0)
        {
            text.Append("，申请人的类别为").Append(string.Join("、", kinds));
        }

        text.Append(c, $"。上年结转政府信息公开申请数量{N(CellKey.Requests("carriedIn", "total"))}件。");
        text.Append(c, $"本年度办结{N(CellKey.Requests("total", "total"))}件，结转下年度继续办理{N(CellKey.Requests("carriedOut", "total"))}件。");
        text.Append(c, $"\n3. 行政复议、行政诉讼情况\n{year}年因政府信息公开被申请行政复议{N(CellKey.Appeals("reconsideration", "total"))}件，");
        text.Append(c, $"被提起行政诉讼{(V(CellKey.Appeals("litigationDirect", "total")) + V(CellKey.Appeals("litigationAfterReconsideration", "total"))).ToString("0", c)}件。");
        return text.ToString();
    }
}
