using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Gongkai.Domain.Requests;

/// <summary>One allowed transition: in <paramref name="From"/>, <paramref name="Trigger"/> leads to <paramref name="To"/>.</summary>
public sealed record RequestTransition(RequestState From, RequestTrigger Trigger, RequestState To, string Basis);

/// <summary>
/// The procedure's transition table (spec/regulation-rules.md §13), as data. Every (state, trigger) pair that is
/// not a row here is refused with the same problem, <c>request.transitionNotAllowed</c>. Rows that pass the table
/// can still be refused by a rule of the trigger (a deadline, "only once"); those rules are in DisclosureRequest.
/// </summary>
public static class RequestTransitions
{
    public static IReadOnlyList<RequestTransition> All { get; } =
    [
        new(RequestState.Submitted, RequestTrigger.ConfirmReceipt, RequestState.Received, "条例第三十一条"),
        new(RequestState.Submitted, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),

        new(RequestState.Received, RequestTrigger.ReplyOnTheSpot, RequestState.Replied, "条例第三十三条第一款"),
        new(RequestState.Received, RequestTrigger.RejectAsNotAnApplication, RequestState.NotAnApplication, "条例第三十九条第一款"),
        new(RequestState.Received, RequestTrigger.RequestSupplement, RequestState.AwaitingSupplement, "条例第三十条"),
        new(RequestState.Received, RequestTrigger.RequestReasons, RequestState.AwaitingReasons, "条例第三十五条"),
        new(RequestState.Received, RequestTrigger.StartProcessing, RequestState.Processing, "条例第三十三条"),
        new(RequestState.Received, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),

        new(RequestState.AwaitingSupplement, RequestTrigger.ReceiveSupplement, RequestState.Received, "条例第三十条"),
        new(RequestState.AwaitingSupplement, RequestTrigger.RecordSupplementExcuse, RequestState.AwaitingSupplement, "条例第三十条"),
        new(RequestState.AwaitingSupplement, RequestTrigger.SupplementLapsed, RequestState.DeemedWithdrawn, "条例第三十条"),
        new(RequestState.AwaitingSupplement, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),

        new(RequestState.AwaitingReasons, RequestTrigger.ReasonsRejected, RequestState.NotHandled, "条例第三十五条"),
        new(RequestState.AwaitingReasons, RequestTrigger.ReasonsAccepted, RequestState.Processing, "条例第三十五条"),
        new(RequestState.AwaitingReasons, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),

        new(RequestState.Processing, RequestTrigger.StartThirdPartyConsultation, RequestState.ThirdPartyConsultation, "条例第三十二条"),
        new(RequestState.Processing, RequestTrigger.StartAgencyConsultation, RequestState.AgencyConsultation, "条例第三十四条"),
        new(RequestState.Processing, RequestTrigger.RequestExtension, RequestState.Processing, "条例第三十三条第二款"),
        new(RequestState.Processing, RequestTrigger.Extend, RequestState.Processing, "条例第三十三条第二款"),
        new(RequestState.Processing, RequestTrigger.RefuseExtension, RequestState.Processing, "条例第三十三条第二款"),
        new(RequestState.Processing, RequestTrigger.IssueFeeNotice, RequestState.AwaitingFee, "条例第四十二条"),
        new(RequestState.Processing, RequestTrigger.Reply, RequestState.Replied, "条例第三十六条至第三十九条"),
        new(RequestState.Processing, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),

        new(RequestState.ThirdPartyConsultation, RequestTrigger.EndThirdPartyConsultation, RequestState.Processing, "条例第三十二条、第三十三条第三款"),
        new(RequestState.ThirdPartyConsultation, RequestTrigger.Extend, RequestState.ThirdPartyConsultation, "条例第三十三条第二款"),
        new(RequestState.ThirdPartyConsultation, RequestTrigger.RefuseExtension, RequestState.ThirdPartyConsultation, "条例第三十三条第二款"),
        new(RequestState.ThirdPartyConsultation, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),

        new(RequestState.AgencyConsultation, RequestTrigger.EndAgencyConsultation, RequestState.Processing, "条例第三十四条、第三十三条第三款"),
        new(RequestState.AgencyConsultation, RequestTrigger.Extend, RequestState.AgencyConsultation, "条例第三十三条第二款"),
        new(RequestState.AgencyConsultation, RequestTrigger.RefuseExtension, RequestState.AgencyConsultation, "条例第三十三条第二款"),
        new(RequestState.AgencyConsultation, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),

        new(RequestState.AwaitingFee, RequestTrigger.FeePaid, RequestState.Processing, "条例第四十二条"),
        new(RequestState.AwaitingFee, RequestTrigger.FeeLapsed, RequestState.DeemedWithdrawn, "四川省财政厅等通知（2021）第二项"),
        new(RequestState.AwaitingFee, RequestTrigger.Withdraw, RequestState.Withdrawn, "申请人撤回"),
    ];

    private static readonly FrozenDictionary<(RequestState, RequestTrigger), RequestTransition> Table =
        All.ToFrozenDictionary(t => (t.From, t.Trigger));

    public static bool TryFind(RequestState from, RequestTrigger trigger, [NotNullWhen(true)] out RequestTransition? transition) =>
        Table.TryGetValue((from, trigger), out transition);
}
