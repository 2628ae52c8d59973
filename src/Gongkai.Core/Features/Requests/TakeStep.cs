using System.Diagnostics;
using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// A staff step on a stored application, as the back office's page and the API both take it: the trigger must be a
/// staff step the transition table allows from the state now (else the one refusal, a conflict); who decides a
/// requested extension (approves or refuses it) must be one of the agency's office heads (<see cref="OfficeHeads"/>):
/// the acting user themself on the back office, the head an integration names; the fields become the domain's
/// command (what is missing is a problem); <see cref="ApplyStep"/> applies it, the domain refusing what the 条例 does
/// not allow, and saves it with its 台账 entry. Nothing is saved when anything is refused.
/// </summary>
public static class TakeStep
{
    /// <summary>The application by its id (the back office) or by its 申请编号 (an integration), always within the agency.</summary>
    public sealed record Request(Guid AgencyId, Guid? RequestId, TrackingNumber? TrackingNumber, RequestTrigger Trigger, Fields Fields, Actor Actor);

    /// <summary>
    /// The fields a step may need, as the page's forms and the API send them. <paramref name="Date"/> is the step's
    /// statutory date (default today, China time); <paramref name="OtherDate"/> a period's end, a letter's or notice's
    /// receipt, the day the applicant was told of an extension, a delayed-reply date; <paramref name="Outcome"/> a
    /// <see cref="ReplyOutcomes"/> value; <paramref name="Approver"/> the office head who decided a requested extension, as an
    /// integration names them (the back office leaves it null: there the acting user decides, and must be a head);
    /// <paramref name="Particulars"/> what a reply tells the applicant besides its outcome (reasons, withheld parts …),
    /// as the form and the API send them, checked by the domain (<see cref="ReplyParticularsRule"/>).
    /// <paramref name="Text"/> is also what a 说明理由 request asks the applicant to explain (Art 35).
    /// </summary>
    public sealed record Fields(
        DateOnly? Date = null, string? Text = null, DateOnly? OtherDate = null, bool OpinionReceived = false, int? WorkingDays = null, decimal? Amount = null,
        FeeBasis Basis = default, string? Outcome = null, OfficeHeads.Choice? Approver = null, ReplyParticularsFields? Particulars = null);

    /// <summary>The step recorded and the application after it.</summary>
    public sealed record Response(RequestEvent Step, DisclosureRequest Application);

    /// <summary>The steps staff may take from <paramref name="state"/>: the table's rows, never lodging or import.</summary>
    public static IReadOnlyList<RequestTransition> StaffSteps(RequestState state) =>
        [.. RequestTransitions.All.Where(t => t.From == state && IsStaffStep(t.Trigger))];

    public static async Task<Result<Response>> HandleAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default)
    {
        var application = await FindAsync(db, request, cancellationToken);
        if (application is null)
        {
            return ApplyStep.NotFound;
        }

        var trigger = request.Trigger;
        if (!IsStaffStep(trigger) || !RequestTransitions.TryFind(application.State, trigger, out _))
        {
            return RequestProblems.NotAllowed(application.State, trigger);
        }

        var actor = request.Actor;
        if (trigger is RequestTrigger.Extend or RequestTrigger.RefuseExtension)
        {
            // 条例 Art 33¶2: the head decides. The decision is recorded as the head's, never as the one who asked.
            var head = await DeciderAsync(db, application.AgencyId, request, cancellationToken);
            if (!head.TryGetValue(out actor))
            {
                return head.Problem;
            }
        }

        var command = Command(trigger, request.Fields, actor, ChinaClock.Today(clock), clock.GetUtcNow());
        if (!command.TryGetValue(out var c))
        {
            return command.Problem;
        }

        var applied = await ApplyStep.ApplyAsync(db, clock, calendar, application, c, cancellationToken);
        return applied.Map(step => new Response(step, application));
    }

    /// <summary>
    /// The steps staff may take on <paramref name="request"/> now: <see cref="StaffSteps(RequestState)"/> without the
    /// extension's steps that cannot apply (asking while one is pending or granted, deciding while none is pending).
    /// Who may decide is the host's to show (the 机关管理员); the domain and <see cref="HandleAsync"/> check it again.
    /// </summary>
    public static IReadOnlyList<RequestTransition> StaffSteps(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = request.PendingExtension is not null;
        var asked = pending || request.ExtensionWorkingDays is not null;
        return [.. StaffSteps(request.State).Where(t => t.Trigger switch
        {
            RequestTrigger.RequestExtension => !asked,
            RequestTrigger.Extend or RequestTrigger.RefuseExtension => pending,
            _ => true,
        })];
    }

    /// <summary>The office head deciding an extension: the head an integration names, else the acting user, who must be one.</summary>
    private static async Task<Result<Actor>> DeciderAsync(GongkaiDbContext db, Guid agencyId, Request request, CancellationToken cancellationToken)
    {
        var named = request.Fields.Approver;
        if (named is { UserId: not null } or { UserName: not null })
        {
            return await OfficeHeads.FindAsync(db, agencyId, named, cancellationToken);
        }

        var self = Guid.TryParse(request.Actor.UserId, out var id)
            ? await OfficeHeads.FindAsync(db, agencyId, new OfficeHeads.Choice(id, null), cancellationToken)
            : Problem.Forbidden(RequestProblems.ExtensionApprover, "");
        return self.IsSuccess
            ? self
            : Problem.Forbidden(RequestProblems.ExtensionApprover, "只有本机关管理员（政府信息公开工作机构负责人）可以审批延长答复期限的申请（条例第三十三条第二款）");
    }

    private static bool IsStaffStep(RequestTrigger trigger) => trigger is not (RequestTrigger.Submit or RequestTrigger.Import);

    private static Task<DisclosureRequest?> FindAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken)
    {
        // Scoped to the agency: a request of another agency is as good as absent.
        var number = request.TrackingNumber?.Value;
        return request.RequestId is { } id
            ? db.Requests.FirstOrDefaultAsync(r => r.Id == id && r.AgencyId == request.AgencyId, cancellationToken)
            : number is null
                ? Task.FromResult<DisclosureRequest?>(null)
                : db.Requests.FirstOrDefaultAsync(r => r.TrackingNumber == number && r.AgencyId == request.AgencyId, cancellationToken);
    }

    /// <summary>A staff trigger and its fields made into the domain's command; the transition is already known to be allowed.</summary>
    private static Result<RequestCommand> Command(RequestTrigger trigger, Fields input, Actor actor, DateOnly today, DateTimeOffset at)
    {
        var date = input.Date ?? today;
        var text = input.Text?.Trim() ?? "";
        return trigger switch
        {
            RequestTrigger.ConfirmReceipt => new ConfirmReceipt(actor, date, at),
            RequestTrigger.ReplyOnTheSpot => ReplyOutcomes.Parse(input.Outcome).Bind(o => Particulars(input).Map(p => (RequestCommand)new ReplyOnTheSpot(actor, date, at, o, p))),
            RequestTrigger.RejectAsNotAnApplication => new RejectAsNotAnApplication(actor, date, at, text.Length == 0 ? null : text),
            RequestTrigger.RequestSupplement => input.OtherDate is { } end
                ? new RequestSupplement(actor, date, at, [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], end)
                : Missing("补正期限"),
            RequestTrigger.ReceiveSupplement => new ReceiveSupplement(actor, date, at),
            RequestTrigger.RecordSupplementExcuse => input.OtherDate is { } newEnd ? new RecordSupplementExcuse(actor, date, at, text, newEnd) : Missing("新的补正期限"),
            RequestTrigger.SupplementLapsed => new SupplementLapsed(actor, date, at),
            RequestTrigger.RequestReasons => new RequestReasons(actor, date, at, text.Length == 0 ? null : text),
            RequestTrigger.ReasonsRejected => new ReasonsRejected(actor, date, at),
            RequestTrigger.ReasonsAccepted => new ReasonsAccepted(actor, date, at, input.OtherDate),
            RequestTrigger.StartProcessing => new StartProcessing(actor, date, at),
            RequestTrigger.StartThirdPartyConsultation => input.OtherDate is { } got1 ? new StartThirdPartyConsultation(actor, date, at, text, got1) : Missing("第三方收到征求意见书的日期"),
            RequestTrigger.EndThirdPartyConsultation => new EndThirdPartyConsultation(actor, date, at, input.OpinionReceived),
            RequestTrigger.StartAgencyConsultation => input.OtherDate is { } got2 ? new StartAgencyConsultation(actor, date, at, text, got2) : Missing("其他机关收到征求意见书的日期"),
            RequestTrigger.EndAgencyConsultation => new EndAgencyConsultation(actor, date, at, input.OpinionReceived),

            // The domain checks the days against 条例 Art 33¶2 (StatutoryDeadline.Extension); none given is 0, refused there.
            RequestTrigger.RequestExtension => new RequestExtension(actor, date, at, text, input.WorkingDays ?? 0),
            RequestTrigger.Extend => new Extend(actor, date, at, input.OtherDate ?? date),
            RequestTrigger.RefuseExtension => new RefuseExtension(actor, date, at, text.Length == 0 ? null : text),
            RequestTrigger.IssueFeeNotice => input.Amount is { } amount && input.OtherDate is { } received
                ? new IssueFeeNotice(actor, date, at, amount, input.Basis, received)
                : Missing("收费金额和申请人收到收费通知的日期"),
            RequestTrigger.FeePaid => new FeePaid(actor, date, at),
            RequestTrigger.FeeLapsed => new FeeLapsed(actor, date, at),
            RequestTrigger.Reply => ReplyOutcomes.Parse(input.Outcome).Bind(o => Particulars(input).Map(p => (RequestCommand)new Reply(actor, date, at, o, p))),
            RequestTrigger.Withdraw => new Withdraw(actor, date, at, text.Length == 0 ? null : text),
            _ => throw new UnreachableException($"{trigger} is not a staff step."),
        };
    }

    private static Result<ReplyParticulars> Particulars(Fields input) => (input.Particulars ?? new ReplyParticularsFields()).ToParticulars();

    private static Problem Missing(string what) => Problem.Invalid("input.missing", $"请填写{what}");
}
