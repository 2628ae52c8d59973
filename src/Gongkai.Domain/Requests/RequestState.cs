namespace Gongkai.Domain.Requests;

/// <summary>The states of an application (spec/regulation-rules.md §13). Terminal: Replied and after.</summary>
public enum RequestState
{
    /// <summary>Lodged; receipt date not fixed yet (ordinary post, online, fax awaiting confirmation, Art 31). No clock.</summary>
    Submitted,

    /// <summary>Receipt date fixed (Art 31); the agency checks clarity, volume and Art 39. Reply clock running.</summary>
    Received,

    /// <summary>补正告知 sent (Art 30); reply clock reset, restarts when the corrected application is received.</summary>
    AwaitingSupplement,

    /// <summary>Art 35 reasons requested. The 条例 does not pause the clock here, so it keeps running.</summary>
    AwaitingReasons,

    /// <summary>Search, review (Art 17), decision. Clock running.</summary>
    Processing,

    /// <summary>Art 32 letter out; clock paused (Art 33¶3).</summary>
    ThirdPartyConsultation,

    /// <summary>Art 34 letter out; clock paused (Art 33¶3).</summary>
    AgencyConsultation,

    /// <summary>Fee notice out (Art 42). Whether the clock pauses is unverified (spec §8), so it keeps running.</summary>
    AwaitingFee,

    Replied,
    DeemedWithdrawn,
    NotHandled,
    NotAnApplication,
    Withdrawn,
}

public static class RequestStates
{
    public static bool IsTerminal(this RequestState state) => state >= RequestState.Replied;

    public static string DisplayName(this RequestState state) => state switch
    {
        RequestState.Submitted => "待确认收到",
        RequestState.Received => "已收到",
        RequestState.AwaitingSupplement => "待补正",
        RequestState.AwaitingReasons => "待说明理由",
        RequestState.Processing => "处理中",
        RequestState.ThirdPartyConsultation => "征求第三方意见中",
        RequestState.AgencyConsultation => "征求其他机关意见中",
        RequestState.AwaitingFee => "待缴纳信息处理费",
        RequestState.Replied => "已答复",
        RequestState.DeemedWithdrawn => "视为放弃申请",
        RequestState.NotHandled => "不予处理",
        RequestState.NotAnApplication => "不作为政府信息公开申请处理",
        RequestState.Withdrawn => "申请人已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
