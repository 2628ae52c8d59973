using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>The back office's home: who is signed in, and what waits (overdue and due-soon applications, items in review).</summary>
public sealed class IndexModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public int Overdue { get; private set; }

    public int DueSoon { get; private set; }

    public int Open { get; private set; }

    public int InReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        Roles = [.. StaffRoles.All.Where(User.IsInRole).Select(StaffRoles.DisplayName)];
        (Open, Overdue, DueSoon) = await Worklist.CountAsync(db, calendar, clock, Agency.Id, cancellationToken);
        InReview = await ItemsInReview.CountAsync(db, Agency.Id, cancellationToken);
        return Page();
    }
}
