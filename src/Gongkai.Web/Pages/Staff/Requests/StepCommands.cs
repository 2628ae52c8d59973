using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The fields a staff step may need, as the application page's forms and the API's steps route both send them.
/// <paramref name="Date"/> is the step's statutory date (default today); <paramref name="OtherDate"/> a period's end,
/// a letter's or notice's receipt, a delayed-reply date; <paramref name="Outcome"/> a <see cref="ReplyOutcomes"/> value.
/// </summary>
public sealed record StepFields(
    DateOnly? Date, string? Text, DateOnly? OtherDate, bool OpinionReceived, int? WorkingDays, decimal? Amount, FeeBasis Basis, string? Outcome);

/// <summary>
/// A staff trigger and its fields made into the domain's command, in one place for the page and the API: what is
/// missing is a problem here, what the procedure forbids is the domain's refusal in ApplyStep.
/// </summary>
public static class StepCommands
{
    /// <param name="approver">条例 Art 33¶2: the office head who consented to an extension (asked for only then).</param>
    public static Result<RequestCommand> Build(
        RequestState state, RequestTrigger trigger, StepFields input, Actor actor, Func<Result<Actor>> approver, DateOnly today, DateTimeOffset at)
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
            RequestTrigger.Extend => approver().Map(head => (RequestCommand)new Extend(actor, date, at, head, text, input.WorkingDays ?? 0, input.OtherDate ?? date)),
            RequestTrigger.IssueFeeNotice => input.Amount is { } amount && input.OtherDate is { } received
                ? new IssueFeeNotice(actor, date, at, amount, input.Basis, received)
                : Missing("收费金额和申请人收到收费通知的日期"),
            RequestTrigger.FeePaid => new FeePaid(actor, date, at),
            RequestTrigger.FeeLapsed => new FeeLapsed(actor, date, at),
            RequestTrigger.Reply => ReplyOutcomes.Parse(input.Outcome).Map(o => (RequestCommand)new Reply(actor, date, at, o)),
            RequestTrigger.Withdraw => new Withdraw(actor, date, at, text.Length == 0 ? null : text),

            // Lodging and import are never staff steps.
            _ => RequestProblems.NotAllowed(state, trigger),
        };
    }

    private static Problem Missing(string what) => new("input.missing", $"请填写{what}");
}
