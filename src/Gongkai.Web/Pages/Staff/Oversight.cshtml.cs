using Gongkai.Core.Data;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The 政务公开办's dashboard over its own agency and every agency under it: Core's OversightBoard (each report's stage,
/// overdue or late, the day of each step, counts by stage; overdue applications and late items) as a table.
/// </summary>
public sealed class OversightModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public int Year { get; private set; }

    public OversightBoard.Response? Board { get; private set; }

    /// <summary>Whether the page links to <paramref name="year"/> (a <see cref="ReportYear"/> today).</summary>
    public bool IsReportYear(int year) => ReportYear.Create(year, ChinaClock.Today(clock)).IsSuccess;

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.Oversee, cancellationToken))
        {
            return Refuse();
        }

        Year = year ?? ChinaClock.Today(clock).Year - 1;
        var board = await OversightBoard.HandleAsync(db, calendar, clock, new OversightBoard.Request(Agency.Id, Year), cancellationToken);
        if (!board.TryGetValue(out var response))
        {
            return Refused(board.Problem);
        }

        Board = response;
        return Page();
    }

    public static string Findings(CheckedReport? report) =>
        report is null ? "—" : report.Findings.Count == 0 ? "未发现问题" : $"错误{report.ErrorCount}项，警告{report.WarningCount}项";
}
