using System.Diagnostics;
using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// A staff step on a stored application, as the back office's page and the API both take it: the trigger must be a
/// staff step the transition table allows from the state now (else the one refusal, a conflict); an extension's
/// approver must be one of the agency's office heads (<see cref="OfficeHeads"/>); the fields become the domain's
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
    /// <see cref="ReplyOutcomes"/> value; <paramref name="Approver"/> the office head who consented to an extension.
    /// </summary>
    public sealed record Fields(
        DateOnly? Date = null, string? Text = null, DateOnly? OtherDate = null, bool OpinionReceived = false, int? WorkingDays = null, decimal? Amount = null,
        FeeBasis Basis = default, string? Outcome = null, OfficeHeads.Choice? Approver = null);

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

        Actor? approver = null;
        if (trigger == RequestTrigger.Extend)
        {
            var head = await OfficeHeads.FindAsync(db, application.AgencyId, request.Fields.Approver, cancellationToken);
            if (!head.TryGetValue(out approver))
            {
                return head.Problem;
            }
        }

        var command = Command(trigger, request.Fields, request.Actor, approver, ChinaClock.Today(clock), clock.GetUtcNow());
        if (!command.TryGetValue(out var c))
        {
            return command.Problem;
        }

        var applied = await ApplyStep.ApplyAsync(db, clock, calendar, application, c, cancellationToken);
        return applied.Map(step => new Response(step, application));
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
    private static Result<RequestCommand> Command(RequestTrigger trigger, Fields input, Actor actor, Actor? approver, DateOnly today, DateTimeOffset at)
    {
        var date = input.Date ?? today;
        var text = input.Text?.Trim() ?? "";
        return trigger switch
        {
            RequestTrigger.ConfirmReceipt => new ConfirmReceipt(actor, date, at),
            RequestTrigger.ReplyOnTheSpot => ReplyOutcomes.Parse(input.Outcome).Map(o => (RequestCommand)new ReplyOnTheSpot(actor, date, at, o)),
            RequestTrigger.RejectAsNotAnApplication => new RejectAsNotAnApplication(actor, date, at, text.Length == 0 ? null : text),
            RequestTrigger.RequestSupplement => input.OtherDate is { } end
                ? new RequestSupplement(actor, date, at, [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], end)
                : Missing("补正期限"),
            RequestTrigger.ReceiveSupplement => new ReceiveSupplement(actor, date, at),
            RequestTrigger.RecordSupplementExcuse => input.OtherDate is { } newEnd ? new RecordSupplementExcuse(actor, date, at, text, newEnd) : Missing("新的补正期限"),
            RequestTrigger.SupplementLapsed => new SupplementLapsed(actor, date, at),
            RequestTrigger.RequestReasons => new RequestReasons(actor, date, at),
            RequestTrigger.ReasonsRejected => new ReasonsRejected(actor, date, at),
            RequestTrigger.ReasonsAccepted => new ReasonsAccepted(actor, date, at, input.OtherDate),
            RequestTrigger.StartProcessing => new StartProcessing(actor, date, at),
            RequestTrigger.StartThirdPartyConsultation => input.OtherDate is { } got1 ? new StartThirdPartyConsultation(actor, date, at, text, got1) : Missing("第三方收到征求意见书的日期"),
            RequestTrigger.EndThirdPartyConsultation => new EndThirdPartyConsultation(actor, date, at, input.OpinionReceived),
            RequestTrigger.StartAgencyConsultation => input.OtherDate is { } got2 ? new StartAgencyConsultation(actor, date, at, text, got2) : Missing("其他机关收到征求意见书的日期"),
            RequestTrigger.EndAgencyConsultation => new EndAgencyConsultation(actor, date, at, input.OpinionReceived),

            // The domain checks the days against 条例 Art 33¶2 (StatutoryDeadline.Extension); none given is 0, refused there.
            RequestTrigger.Extend => new Extend(actor, date, at, approver ?? throw new UnreachableException("An extension's approver is found first."), text,
                input.WorkingDays ?? 0, input.OtherDate ?? date),
            RequestTrigger.IssueFeeNotice => input.Amount is { } amount && input.OtherDate is { } received
                ? new IssueFeeNotice(actor, date, at, amount, input.Basis, received)
                : Missing("收费金额和申请人收到收费通知的日期"),
            RequestTrigger.FeePaid => new FeePaid(actor, date, at),
            RequestTrigger.FeeLapsed => new FeeLapsed(actor, date, at),
            RequestTrigger.Reply => ReplyOutcomes.Parse(input.Outcome).Map(o => (RequestCommand)new Reply(actor, date, at, o)),
            RequestTrigger.Withdraw => new Withdraw(actor, date, at, text.Length == 0 ? null : text),
            _ => throw new UnreachableException($"{trigger} is not a staff step."),
        };
    }

    private static Problem Missing(string what) => Problem.Invalid("input.missing", $"请填写{what}");
}
