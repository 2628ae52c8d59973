using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The extensions the agency's handlers asked for, waiting for the consent of the 政府信息公开工作机构负责人 (条例 Art
/// 33¶2): a 机关管理员 approves (the deadline moves) or refuses (it stays) each one, through Core's TakeStep as the
/// signed-in user — who may not decide their own request (the domain refuses it, 403 with the reason).
/// </summary>
public sealed class ExtensionsModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<PendingExtensions.Line> Lines { get; private set; } = [];

    public DateOnly Today => ChinaClock.Today(clock);

    public WorkCalendar Calendar => calendar;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    /// <summary>Approve (<paramref name="approve"/> true) or refuse the pending extension of application <paramref name="id"/>.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, bool approve, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Refused(new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))));
        }

        var trigger = approve ? RequestTrigger.Extend : RequestTrigger.RefuseExtension;
        var fields = new TakeStep.Fields(Date: Input.Date, Text: Input.Reason, OtherDate: Input.ApplicantNotifiedOn);
        var taken = await TakeStep.HandleAsync(
            db, clock, calendar, new TakeStep.Request(Agency.Id, id, null, trigger, fields, new Actor(UserId, UserDisplayName, ActorRole.Staff)), cancellationToken);
        if (!taken.TryGetValue(out var done))
        {
            return Refused(taken.Problem);
        }

        Done = $"{done.Application.TrackingNumber}：{done.Step.Description}";
        return Redirect("/staff/requests/extensions");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        // Own agency only: a head decides for the office they head (StaffAccess keeps changing rights to one's own agency).
        if (!await UseAgencyAsync(null, StaffRight.ApproveExtensions, cancellationToken))
        {
            return Refuse();
        }

        Lines = await PendingExtensions.HandleAsync(db, Agency.Id, cancellationToken);
        return null;
    }

    public sealed class DecisionInput
    {
        /// <summary>The day the head decided (default today).</summary>
        public DateOnly? Date { get; set; }

        /// <summary>For an approval: the day the applicant was told (default the decision's day).</summary>
        public DateOnly? ApplicantNotifiedOn { get; set; }

        /// <summary>For a refusal: why (optional).</summary>
        [StringLength(1000, ErrorMessage = "理由不能超过1000字")]
        public string? Reason { get; set; }
    }
}
