namespace Gongkai.Domain.Letters;

/// <summary>
/// The letters (文书) of the 依申请公开 procedure, spec/letters.md §1. Stored as int: append, never reorder.
/// </summary>
public enum LetterKind
{
    /// <summary>政府信息公开申请接收回执 (Art 31).</summary>
    Receipt,

    /// <summary>政府信息公开申请补正告知书 (Art 30).</summary>
    Supplement,

    /// <summary>政府信息公开申请说明理由告知书 (Art 35).</summary>
    ExplainReasons,

    /// <summary>政府信息公开申请延期答复告知书 (Art 33¶2).</summary>
    Extension,

    /// <summary>政府信息公开第三方意见征询函 (Art 32).</summary>
    ThirdPartyConsultation,

    /// <summary>政府信息公开告知书（给第三方）(Art 32, last sentence).</summary>
    ThirdPartyNotice,

    /// <summary>政府信息公开征求意见函（给其他机关）(Art 34).</summary>
    AgencyConsultation,

    /// <summary>政府信息公开信息处理费收费通知书 (Art 42).</summary>
    FeeNotice,

    /// <summary>政府信息公开申请答复书 (Arts 36–39), one per application.</summary>
    Reply,
}
