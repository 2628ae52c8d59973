using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>The worklist: the agency's open applications by deadline, overdue first, with the working days left.</summary>
public sealed class IndexModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<Worklist.Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? agency, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        Lines = await Worklist.HandleAsync(db, calendar, clock, new Worklist.Request(Agency.Id), cancellationToken);
        return Page();
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
