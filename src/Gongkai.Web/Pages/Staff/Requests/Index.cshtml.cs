using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The worklist: the agency's open applications by deadline, overdue first, with the working days left, 50 a page
/// (<c>?p=</c>; 政务公开办: <c>?agency=</c> any agency under theirs, kept from page to page).
/// </summary>
public sealed class IndexModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public Worklist.Page Lines { get; private set; } = new([], 0, 1, Worklist.DefaultPageSize);

    /// <summary>The calendar in force, for the provisional mark of the deadlines.</summary>
    public WorkCalendar Calendar => calendar;

    private Guid? _agencyFilter;

    public async Task<IActionResult> OnGetAsync(Guid? agency, int? p, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        _agencyFilter = agency;
        Lines = await Worklist.HandleAsync(db, calendar, clock, new Worklist.Request(Agency.Id, p ?? 1), cancellationToken);
        return Page();
    }

    /// <summary>The link to another page of the same worklist (the agency chosen kept).</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (_agencyFilter is { } agency)
        {
            query.Add("agency=" + agency.ToString("D"));
        }

        query.Add("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/staff/requests?" + string.Join("&", query);
    }

    public static string RowClass(Worklist.Urgency urgency) => urgency switch
    {
        Worklist.Urgency.Overdue => "overdue",
        Worklist.Urgency.DueSoon => "due-soon",
        _ => "",
    };

    public static string Left(Worklist.Line line) => line switch
    {
        { Due: null } => "待确认收到",
        { Urgency: Worklist.Urgency.Overdue, WorkingDaysLeft: { } n } => $"已逾期{-n}个工作日",
        { Urgency: Worklist.Urgency.Overdue } => "已逾期",
        { WorkingDaysLeft: 0 } => "今日到期",
        { WorkingDaysLeft: { } n } => $"剩余{n}个工作日",
        _ => "—",
    };
}
