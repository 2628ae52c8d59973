using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The desk: the agency's applications, open (default) or concluded, filtered, searched and sorted, 50 a page, every
/// filter a GET parameter so a filtered view is a link (政务公开办: <c>?agency=</c> any agency under theirs, kept from
/// page to page); <c>?handler=Export&amp;format=csv|xlsx</c> downloads the filtered ledger in the import's columns.
/// Names in full only to the agency's own handler, reviewer and admin (<see cref="StaffAccess.SeesApplicants"/>).
/// </summary>
public sealed class IndexModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public Worklist.Page Lines { get; private set; } = new([], 0, 1, Worklist.DefaultPageSize);

    /// <summary>The calendar in force, for the provisional mark of the deadlines.</summary>
    public WorkCalendar Calendar => calendar;

    [FromQuery(Name = "agency")]
    public Guid? AgencyFilter { get; set; }

    [FromQuery(Name = "scope")]
    public Worklist.Scope Scope { get; set; }

    [FromQuery(Name = "state")]
    public RequestState? State { get; set; }

    [FromQuery(Name = "channel")]
    public Channel? Channel { get; set; }

    [FromQuery(Name = "outcome")]
    public Outcome? Outcome { get; set; }

    [FromQuery(Name = "kind")]
    public ApplicantKind? Kind { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? ReceivedFrom { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? ReceivedTo { get; set; }

    [FromQuery(Name = "rfrom")]
    public DateOnly? RepliedFrom { get; set; }

    [FromQuery(Name = "rto")]
    public DateOnly? RepliedTo { get; set; }

    [FromQuery(Name = "overdue")]
    public bool Overdue { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "sort")]
    public Worklist.Order Sort { get; set; }

    /// <summary>Names in full (the agency's own handler, reviewer, admin); masked otherwise.</summary>
    public bool FullNames { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(AgencyFilter, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        FullNames = StaffAccess.SeesApplicants(User, Agency.Id);
        Lines = await Worklist.HandleAsync(db, calendar, clock, new Worklist.Request(Agency.Id, p ?? 1, Worklist.DefaultPageSize, Filter(), FullNames), cancellationToken);
        return Page();
    }

    /// <summary>The filtered ledger as a download: CSV (UTF-8 with a byte order mark, for Excel) or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(AgencyFilter, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        var request = new ExportApplications.Request(Agency.Id, Filter(), StaffAccess.SeesApplicants(User, Agency.Id), UserDisplayName, xlsx ? "xlsx" : "csv");
        var name = "依申请公开台账-" + ChinaClock.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return xlsx
            ? File(await ExportApplications.XlsxAsync(db, clock, request, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(await ExportApplications.CsvAsync(db, clock, request, bom: true, cancellationToken), "text/csv; charset=utf-8", name + ".csv");
    }

    public Worklist.Filter Filter() => new()
    {
        Scope = Scope,
        State = State,
        Channel = Channel,
        Outcome = Outcome,
        Kind = Kind,
        ReceivedFrom = ReceivedFrom,
        ReceivedTo = ReceivedTo,
        RepliedFrom = RepliedFrom,
        RepliedTo = RepliedTo,
        Overdue = Overdue,
        Search = Search,
        Order = Sort,
    };

    /// <summary>The query of this view (every filter, the agency chosen), for the pager and the export links.</summary>
    public string Link(int? page = null, string? export = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("agency", AgencyFilter?.ToString("D"));
        Add("scope", Scope == Worklist.Scope.Open ? null : Scope.ToString());
        Add("state", State?.ToString());
        Add("channel", Channel?.ToString());
        Add("outcome", Outcome?.ToString());
        Add("kind", Kind?.ToString());
        Add("from", Date(ReceivedFrom));
        Add("to", Date(ReceivedTo));
        Add("rfrom", Date(RepliedFrom));
        Add("rto", Date(RepliedTo));
        Add("overdue", Overdue ? "true" : null);
        Add("q", string.IsNullOrWhiteSpace(Search) ? null : Search.Trim());
        Add("sort", Sort == Worklist.Order.Deadline ? null : Sort.ToString());
        if (export is not null)
        {
            Add("handler", "Export");
            Add("format", export);
        }
        else
        {
            Add("p", page?.ToString(CultureInfo.InvariantCulture));
        }

        return "/staff/requests" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The link to another page of the same view.</summary>
    public string PageLink(int page) => Link(page);

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ScopeName(Worklist.Scope scope) => scope switch
    {
        Worklist.Scope.Open => "未办结",
        Worklist.Scope.Concluded => "已办结",
        _ => "全部",
    };

    public static string OrderName(Worklist.Order order) => order switch
    {
        Worklist.Order.ReceivedNewest => "收到日期（最近在前）",
        Worklist.Order.ReceivedOldest => "收到日期（最早在前）",
        _ => "答复期限（最紧在前）",
    };

    public static string RowClass(Worklist.Urgency urgency) => urgency switch
    {
        Worklist.Urgency.Overdue => "overdue",
        Worklist.Urgency.DueSoon => "due-soon",
        _ => "",
    };

    public static string Left(Worklist.Line line) => line switch
    {
        { ClosedOn: not null } => "已办结",
        { Due: null } => "待确认收到",
        { Urgency: Worklist.Urgency.Overdue, WorkingDaysLeft: { } n } => $"已逾期{-n}个工作日",
        { Urgency: Worklist.Urgency.Overdue } => "已逾期",
        { WorkingDaysLeft: 0 } => "今日到期",
        { WorkingDaysLeft: { } n } => $"剩余{n}个工作日",
        _ => "—",
    };

    /// <summary>办理结果: the reply's outcome, or for a case closed without one its state (撤回, 视为放弃 …).</summary>
    public static string Result(Worklist.Line line) => line switch
    {
        { Outcome: { } outcome } => outcome.DisplayName,
        { ClosedOn: not null } => line.State.DisplayName(),
        _ => "",
    };
}
