using Gongkai.Core.Data;
using Gongkai.Core.Features.Calendar;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 工作日历: which calendar computes the deadlines (the notices' years, the provisional years and what they assume,
/// every notice loaded), and for the 政务公开办 the form to enter a year's notice from its text. Loading recounts the
/// open deadlines of every agency (Core's LoadCalendarNotice); the page lists those of the agencies the user reads.
/// </summary>
public sealed class CalendarModel(StaffAccess access, GongkaiDbContext db, CalendarInForce calendarInForce, TimeProvider clock) : StaffPageModel(access)
{
    public WorkCalendar Calendar => calendarInForce.Current;

    public IReadOnlyList<CalendarNotice> Loaded { get; private set; } = [];

    /// <summary>The first year without a notice, and its statutory holidays as assumed.</summary>
    public int ProvisionalYear => Calendar.LastDate.Year + 1;

    public IReadOnlyList<(string Name, IReadOnlyList<DateOnly> Days)> Assumed { get; private set; } = [];

    public IReadOnlyList<(string Holiday, DateOnly Date)> MadeUp { get; private set; } = [];

    public IReadOnlyList<LoadCalendarNotice.MovedDeadline> Moved { get; private set; } = [];

    public int MovedElsewhere { get; private set; }

    [BindProperty]
    public NoticeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        await ShowAsync(cancellationToken);
        Input.Year ??= ProvisionalYear;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageCalendar, cancellationToken))
        {
            return Refuse();
        }

        var json = NoticeEntry.ToJson(Input.Year ?? 0, Input.Holidays, Input.AdjustedWorkdays);
        if (!json.TryGetValue(out var document))
        {
            await ShowAsync(cancellationToken);
            return Refused(json.Problem);
        }

        var loaded = await LoadCalendarNotice.HandleAsync(db, clock,
            new LoadCalendarNotice.Request(document, "页面录入", Input.DocumentNumber, UserId, UserDisplayName), cancellationToken);
        if (!loaded.TryGetValue(out var response))
        {
            await ShowAsync(cancellationToken);
            return Refused(loaded.Problem);
        }

        calendarInForce.Replace(response.Calendar, await CalendarSource.StampAsync(db, cancellationToken));
        var readable = (await Access.ReadableAgenciesAsync(User, cancellationToken)).Select(a => a.Id).ToHashSet();
        Moved = [.. response.Moved.Where(m => readable.Contains(m.AgencyId))];
        MovedElsewhere = response.Moved.Count - Moved.Count;
        Done = response.Loaded.Count == 0
            ? $"{Input.Year}年的放假安排与已载入的相同，未作改动"
            : $"已载入{Input.Year}年的放假安排（第{response.Loaded[0].Version}版），{response.Moved.Count}件未办结申请的期限已重新计算";
        await ShowAsync(cancellationToken);
        return Page();
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        Loaded = await LoadedNotices.HandleAsync(db, cancellationToken);
        Assumed = Calendar.EndDate > Calendar.LastDate ? Domain.Calendar.ProvisionalYear.StatutoryHolidays(ProvisionalYear) : [];
        MadeUp = Calendar.EndDate > Calendar.LastDate ? Domain.Calendar.ProvisionalYear.MadeUpDays(ProvisionalYear) : [];
    }

    public sealed class NoticeInput
    {
        public int? Year { get; set; }

        public string? DocumentNumber { get; set; }

        public string? Holidays { get; set; }

        public string? AdjustedWorkdays { get; set; }
    }
}
