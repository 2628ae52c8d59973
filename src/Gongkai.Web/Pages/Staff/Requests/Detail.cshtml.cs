using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// One application: its facts, deadlines and steps, and exactly the actions the procedure allows from its state now
/// (the domain's transition table), each a small form asking what that step needs. A step goes through Core's
/// ApplyStep: the domain refuses what the 条例 does not allow, and the refusal is shown as it says it.
/// </summary>
public sealed class DetailModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, UserManager<StaffUser> users)
    : StaffPageModel(access)
{
    public DisclosureRequest Application { get; private set; } = null!;

    /// <summary>The triggers the transition table allows from the current state (lodging and import are never staff actions).</summary>
    public IReadOnlyList<RequestTransition> Actions { get; private set; } = [];

    /// <summary>Who may consent to an extension: the agency's 机关管理员 (the 政府信息公开工作机构负责人, Art 33¶2).</summary>
    public IReadOnlyList<StaffUser> Approvers { get; private set; } = [];

    public DateOnly Today => ChinaClock.Today(clock);

    /// <summary>The calendar in force, for the provisional mark of the deadlines.</summary>
    public WorkCalendar Calendar => calendar;

    /// <summary>The last time a loaded notice moved this application's deadlines, shown above everything else until the next step.</summary>
    public RequestEvent? DeadlinesMoved => Application.Events[^1] is { Trigger: RequestTrigger.RecalculateDeadlines } last ? last : null;

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, StaffRight.Read, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, RequestTrigger trigger, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.HandleRequests, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Refused(new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))));
        }

        var command = Command(trigger);
        if (!command.TryGetValue(out var c))
        {
            return Refused(command.Problem);
        }

        var applied = await ApplyStep.HandleAsync(db, clock, calendar, new ApplyStep.Request(Application.Id, Application.AgencyId, c), cancellationToken);
        if (!applied.TryGetValue(out var step))
        {
            // The refused step changed the tracked entity in no way the page shows; reload for a clean view.
            db.ChangeTracker.Clear();
            await LoadAsync(id, StaffRight.HandleRequests, cancellationToken);
            return Refused(applied.Problem);
        }

        Done = $"已记录：{step.Trigger.DisplayName()}。{step.Description}";
        return Redirect($"/staff/requests/{id:D}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, StaffRight right, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!await UseAgencyAsync(request.AgencyId, right, cancellationToken))
        {
            return Refuse();
        }

        Application = request;
        Actions = [.. RequestTransitions.All.Where(t => t.From == request.State && t.Trigger is not (RequestTrigger.Submit or RequestTrigger.Import))];
        Approvers = [.. (await users.GetUsersInRoleAsync(StaffRoles.AgencyAdmin)).Where(u => u.AgencyId == request.AgencyId).OrderBy(u => u.DisplayName, StringComparer.Ordinal)];
        return null;
    }

    private Result<RequestCommand> Command(RequestTrigger trigger)
    {
        if (!Actions.Any(a => a.Trigger == trigger))
        {
            return RequestProblems.NotAllowed(Application.State, trigger);
        }

        var actor = new Actor(UserId, UserDisplayName, ActorRole.Staff);
        var fields = new StepFields(Input.Date, Input.Text, Input.OtherDate, Input.OpinionReceived, Input.WorkingDays, Input.Amount, Input.Basis, Input.Outcome);
        return StepCommands.Build(Application.State, trigger, fields, actor, Approver, Today, clock.GetUtcNow());
    }

    /// <summary>条例 Art 33¶2: the consent is the office head's — one of the agency's 机关管理员, named on the form.</summary>
    private Result<Actor> Approver() =>
        Approvers.FirstOrDefault(u => u.Id == Input.ApproverId) is { } approver
            ? new Actor(approver.Id.ToString("D"), approver.DisplayName, ActorRole.OfficeHead)
            : new Problem("request.extensionApprover", "请选择同意延期的政府信息公开工作机构负责人（本机关管理员）");

    /// <summary>What the action forms post; each form sends the fields its step needs.</summary>
    public sealed class ActionInput
    {
        /// <summary>The statutory date of the step (default today).</summary>
        public DateOnly? Date { get; set; }

        /// <summary>Items to correct (one a line), a reason, the consulted party or the proper channel.</summary>
        [StringLength(1000, ErrorMessage = "文字不能超过1000字")]
        public string? Text { get; set; }

        /// <summary>A second date: a period's end, a letter's or notice's receipt, a delayed-reply date.</summary>
        public DateOnly? OtherDate { get; set; }

        public bool OpinionReceived { get; set; }

        public Guid? ApproverId { get; set; }

        [Range(1, 20, ErrorMessage = "延长的期限应为1至20个工作日")]
        public int? WorkingDays { get; set; }

        [Range(0.01, 1_000_000, ErrorMessage = "金额应大于0")]
        public decimal? Amount { get; set; }

        public FeeBasis Basis { get; set; }

        /// <summary>An outcome as <see cref="ReplyOutcomes"/> lists it.</summary>
        [StringLength(60)]
        public string? Outcome { get; set; }
    }
}
