namespace Gongkai.Domain.Requests;

/// <summary>What moves an application from one state to the next; each has its command in RequestCommands.cs.</summary>
public enum RequestTrigger
{
    /// <summary>Lodging (Art 29): only ever the first event, made by <see cref="DisclosureRequest.Submit"/>.</summary>
    Submit,
    ConfirmReceipt,
    ReplyOnTheSpot,
    RejectAsNotAnApplication,
    RequestSupplement,
    ReceiveSupplement,
    RecordSupplementExcuse,
    SupplementLapsed,
    RequestReasons,
    ReasonsRejected,
    ReasonsAccepted,
    StartProcessing,
    StartThirdPartyConsultation,
    EndThirdPartyConsultation,
    StartAgencyConsultation,
    EndAgencyConsultation,

    /// <summary>The head's approval of the extension the handler requested (<see cref="RequestExtension"/>): only this moves the deadline.</summary>
    Extend,
    IssueFeeNotice,
    FeePaid,
    FeeLapsed,
    Reply,
    Withdraw,

    /// <summary>Taken over from an office's existing 台账: only ever the first event, made by <see cref="DisclosureRequest.Import"/>.</summary>
    Import,

    /// <summary>
    /// The deadlines counted again on a newer calendar (a year's notice loaded where the year was provisional); the
    /// state stays. Never a row of the transition table: made only by <see cref="DisclosureRequest.RecalculateDeadlines"/>.
    /// </summary>
    RecalculateDeadlines,

    /// <summary>The handler asks for the one Art 33¶2 extension; the deadline stays until the head approves (<see cref="Extend"/>).</summary>
    RequestExtension,

    /// <summary>The head refuses a requested extension (Art 33¶2); the deadline stays.</summary>
    RefuseExtension,
}

public static class RequestTriggers
{
    public static string DisplayName(this RequestTrigger trigger) => trigger switch
    {
        RequestTrigger.Submit => "提交申请",
        RequestTrigger.ConfirmReceipt => "确认收到申请",
        RequestTrigger.ReplyOnTheSpot => "当场答复",
        RequestTrigger.RejectAsNotAnApplication => "告知不作为政府信息公开申请处理",
        RequestTrigger.RequestSupplement => "补正告知",
        RequestTrigger.ReceiveSupplement => "收到补正后的申请",
        RequestTrigger.RecordSupplementExcuse => "记录逾期补正的正当理由",
        RequestTrigger.SupplementLapsed => "补正期限届满未补正",
        RequestTrigger.RequestReasons => "要求说明理由",
        RequestTrigger.ReasonsRejected => "认定理由不合理",
        RequestTrigger.ReasonsAccepted => "认定理由合理",
        RequestTrigger.StartProcessing => "开始办理",
        RequestTrigger.StartThirdPartyConsultation => "征求第三方意见",
        RequestTrigger.EndThirdPartyConsultation => "结束征求第三方意见",
        RequestTrigger.StartAgencyConsultation => "征求其他机关意见",
        RequestTrigger.EndAgencyConsultation => "结束征求其他机关意见",
        RequestTrigger.RequestExtension => "申请延长答复期限",
        RequestTrigger.Extend => "延长答复期限",
        RequestTrigger.RefuseExtension => "负责人不同意延长答复期限",
        RequestTrigger.IssueFeeNotice => "发出收费通知",
        RequestTrigger.FeePaid => "缴纳信息处理费",
        RequestTrigger.FeeLapsed => "缴费期限届满未缴费",
        RequestTrigger.Reply => "答复",
        RequestTrigger.Withdraw => "申请人撤回申请",
        RequestTrigger.Import => "从原台账导入",
        RequestTrigger.RecalculateDeadlines => "放假安排公布后重新计算期限",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
