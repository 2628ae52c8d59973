using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Mail;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// One application: its facts, deadlines and steps, and exactly the actions the procedure allows from its state now
/// (the domain's transition table), each a small form asking what that step needs. A step goes through Core's
/// TakeStep, as the API's does: what the 条例 does not allow is refused there, and the refusal is shown as it says it.
/// </summary>
public sealed partial class DetailModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, MailSignal mailSignal)
    : StaffPageModel(access)
{
    public DisclosureRequest Application { get; private set; } = null!;

    /// <summary>The triggers the transition table allows from the current state (lodging and import are never staff actions).</summary>
    public IReadOnlyList<RequestTransition> Actions { get; private set; } = [];

    /// <summary>Who may consent to an extension: the agency's 机关管理员 (the 政府信息公开工作机构负责人, Art 33¶2).</summary>
    public IReadOnlyList<OfficeHeads.Line> Approvers { get; private set; } = [];

    public DateOnly Today => ChinaClock.Today(clock);

    /// <summary>The calendar in force, for the provisional mark of the deadlines.</summary>
    public WorkCalendar Calendar => calendar;

    /// <summary>The last time a loaded notice moved this application's deadlines, shown above everything else until the next step.</summary>
    public RequestEvent? DeadlinesMoved => Application.Events[^1] is { Trigger: RequestTrigger.RecalculateDeadlines } last ? last : null;

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    /// <summary>
    /// The rows for withheld parts on the reply form: three, or as many as were posted, and three more when the handler
    /// asked for them (<see cref="ActionInput.MoreRows"/>) — no script needed.
    /// </summary>
    public int WithheldRows =>
        Math.Min(ReplyParticularsRule.MaxWithheldParts, Math.Max(3, Input.Withheld.Count) + (Input.MoreRows ? 3 : 0));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.Read, cancellationToken) is { } refused)
        {
            return refused;
        }

        await ShowApplicantAsync(db, clock, cancellationToken);
        await ShowLettersAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, RequestTrigger trigger, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.HandleRequests, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return await RefusedWithLettersAsync(new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))), cancellationToken);
        }

        if (Input.MoreRows)
        {
            // More rows for withheld parts: the form again with what was typed, nothing recorded.
            await ShowLettersAsync(db, cancellationToken);
            return Page();
        }

        // No approver from the page: who decides an extension is the signed-in user, checked by TakeStep (条例 Art 33¶2).
        var fields = new TakeStep.Fields(Input.Date, Input.Text, Input.OtherDate, Input.OpinionReceived, Input.WorkingDays, Input.Amount, Input.Basis, Input.Outcome,
            Particulars: Input.Particulars());
        var taken = await TakeStep.HandleAsync(
            db, clock, calendar, new TakeStep.Request(Application.AgencyId, id, null, trigger, fields, new Actor(UserId, UserDisplayName, ActorRole.Staff)), cancellationToken);
        if (!taken.TryGetValue(out var done))
        {
            // Nothing was changed: the page shows the application as loaded, with the reason.
            return await RefusedWithLettersAsync(taken.Problem, cancellationToken);
        }

        Done = $"已记录：{done.Step.Trigger.DisplayName()}。{done.Step.Description}";
        if (trigger is RequestTrigger.Reply or RequestTrigger.ReplyOnTheSpot)
        {
            Done += await IssueReplyAsync(id, cancellationToken);
        }
        return Redirect($"/staff/requests/{id:D}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, StaffRight right, CancellationToken cancellationToken)
    {
        if (await ApplicationDetail.HandleAsync(db, id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        if (!await UseAgencyAsync(detail.Application.AgencyId, right, cancellationToken))
        {
            return Refuse();
        }

        (Application, Actions, Approvers) = (detail.Application, detail.Actions, detail.Approvers);
        return null;
    }

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

        /// <summary>An extension's working days: TakeStep checks them against 条例 Art 33¶2 (<see cref="StatutoryDeadline.Extension"/>).</summary>
        public int? WorkingDays { get; set; }

        [Range(0.01, 1_000_000, ErrorMessage = "金额应大于0")]
        public decimal? Amount { get; set; }

        public FeeBasis Basis { get; set; }

        /// <summary>An outcome as <see cref="ReplyOutcomes"/> lists it.</summary>
        [StringLength(60)]
        public string? Outcome { get; set; }

        // Issue 14: what the reply tells the applicant (ReplyParticularsFields); the domain checks what each outcome needs.
        public string? Reasons { get; set; }

        public string? ObtainFrom { get; set; }

        public bool AlreadyPublished { get; set; }

        public List<WithheldRow> Withheld { get; set; } = [];

        public bool NotThisAgency { get; set; }

        public string? AgencyName { get; set; }

        public string? AgencyContact { get; set; }

        public string? EarlierNumber { get; set; }

        public DateOnly? EarlierOn { get; set; }

        /// <summary>The handler asked for more rows of withheld parts: show the form again, record nothing.</summary>
        public bool MoreRows { get; set; }

        public ReplyParticularsFields Particulars() => new(
            Reasons, ObtainFrom, AlreadyPublished, [.. Withheld.Select(w => new WithheldPartFields(w.Part, w.Ground, w.Reasons))], NotThisAgency, AgencyName,
            AgencyContact, EarlierNumber, EarlierOn);
    }

    /// <summary>The reply form's particulars (_ReplyParticulars): the page, for what was posted, and the form's id prefix.</summary>
    public sealed record ReplyFormView(DetailModel Page, string Id);

    /// <summary>One row of withheld parts on the reply form.</summary>
    public sealed class WithheldRow
    {
        public string? Part { get; set; }

        /// <summary>A <see cref="WithholdingGround"/> by name.</summary>
        public string? Ground { get; set; }

        public string? Reasons { get; set; }
    }
}
