using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>The problem codes of the procedure, stable for programs; the messages are in Chinese for users.</summary>
public static class RequestProblems
{
    public const string TransitionNotAllowed = "request.transitionNotAllowed";
    public const string DateOutOfOrder = "request.dateOutOfOrder";
    public const string NotOnTheSpot = "request.notOnTheSpot";
    public const string SupplementTooLate = "request.supplementTooLate";
    public const string SupplementAlreadyRequested = "request.supplementAlreadyRequested";
    public const string SupplementItemsRequired = "request.supplementItemsRequired";
    public const string SupplementPeriodInvalid = "request.supplementPeriodInvalid";
    public const string SupplementPeriodOver = "request.supplementPeriodOver";
    public const string SupplementPeriodRunning = "request.supplementPeriodRunning";
    public const string ExcuseRequired = "request.excuseRequired";
    public const string DelayedReplyNotLater = "request.delayedReplyNotLater";
    public const string ConsultedPartyRequired = "request.consultedPartyRequired";
    public const string LetterReceivedBeforeSent = "request.letterReceivedBeforeSent";
    public const string ConsultationPeriodRunning = "request.consultationPeriodRunning";
    public const string AlreadyExtended = "request.alreadyExtended";
    public const string ExtensionApprover = "request.extensionApprover";
    public const string ExtensionTooLong = "request.extensionTooLong";
    public const string ExtensionReasonRequired = "request.extensionReasonRequired";
    public const string ExtensionTooLate = "request.extensionTooLate";
    public const string ExtensionNoticeBeforeApproval = "request.extensionNoticeBeforeApproval";
    public const string ExtensionPending = "request.extensionPending";
    public const string ExtensionNotRequested = "request.extensionNotRequested";
    public const string ExtensionSelfApproval = "request.extensionSelfApproval";
    public const string FeeAmount = "request.feeAmount";
    public const string FeeNoticeReceivedBeforeSent = "request.feeNoticeReceivedBeforeSent";
    public const string FeeNoticeTooLate = "request.feeNoticeTooLate";
    public const string FeePeriodOver = "request.feePeriodOver";
    public const string FeePeriodRunning = "request.feePeriodRunning";
    public const string OutcomeNotAReply = "request.outcomeNotAReply";
    public const string NoSupplementReceived = "request.noSupplementReceived";
    public const string ExplainRequired = "request.explainRequired";

    /// <summary>The one problem for every (state, trigger) pair outside <see cref="RequestTransitions"/>.</summary>
    public static Problem NotAllowed(RequestState state, RequestTrigger trigger) =>
        Problem.Conflict(TransitionNotAllowed, $"当前状态“{state.DisplayName()}”不允许执行“{trigger.DisplayName()}”");

    internal static Problem OutOfOrder(DateOnly date, DateOnly previous) =>
        new(DateOutOfOrder, $"日期{RequestText.Date(date)}早于上一步骤的日期{RequestText.Date(previous)}");
}
