using Gongkai.Core.Data;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The 政务公开办's dashboard over its own agency and every agency under it: each one's overdue applications (Art 33),
/// items published late or overdue (Art 26) in the year, and its annual report's standing and findings (Art 49, the
/// district consolidation of Core's DistrictReport).
/// </summary>
public sealed class OversightModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public sealed record Row(DistrictReport.AgencyLine Line, int OverdueApplications, int LateItems);

    public int Year { get; private set; }

    public DistrictReport.Response? District { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.Oversee, cancellationToken))
        {
            return Refuse();
        }

        var today = ChinaClock.Today(clock);
        Year = year ?? today.Year - 1;
        var district = await DistrictReport.HandleAsync(db, calendar, clock, new DistrictReport.Request(Agency.Id, Year), cancellationToken);
        if (!district.TryGetValue(out var response))
        {
            return NotFound();
        }

        District = response;
        var rows = new List<Row>();
        foreach (var line in response.Agencies)
        {
            var open = await Worklist.CountAsync(db, calendar, clock, line.Agency.Id, cancellationToken);
            var late = await ListItems.HandleAsync(db, calendar, today, new ListItems.Request(line.Agency.Id, Year, LateOnly: true, PageSize: int.MaxValue), cancellationToken);
            rows.Add(new Row(line, open.Overdue, late.Count));
        }

        Rows = rows;
        return Page();
    }

    public static string Findings(CheckedReport report) =>
        report.Findings.Count == 0 ? "无" : $"错误{report.ErrorCount}项，警告{report.WarningCount}项";
}
