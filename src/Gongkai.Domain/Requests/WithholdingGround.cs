namespace Gongkai.Domain.Requests;

/// <summary>The eight 不予公开 rows of the annual report, in the report's order (spec/regulation-rules.md §2).</summary>
public enum WithholdingGround
{
    /// <summary>属于国家秘密: Art 14.</summary>
    StateSecret,

    /// <summary>其他法律行政法规禁止公开: Art 14.</summary>
    ProhibitedByLaw,

    /// <summary>危及“三安全一稳定”: Art 14.</summary>
    SecurityStability,

    /// <summary>保护第三方合法权益: Art 15.</summary>
    ThirdPartyRights,

    /// <summary>属于三类内部事务信息: Art 16¶1.</summary>
    InternalAffairs,

    /// <summary>属于四类过程性信息: Art 16¶2.</summary>
    ProcessInformation,

    /// <summary>属于行政执法案卷: Art 16¶2.</summary>
    EnforcementCaseFile,

    /// <summary>属于行政查询事项: a category of the report format; no article of the 条例 names it.</summary>
    AdministrativeQuery,
}

public static class WithholdingGrounds
{
    public static string DisplayName(this WithholdingGround ground) => ground switch
    {
        WithholdingGround.StateSecret => "属于国家秘密",
        WithholdingGround.ProhibitedByLaw => "其他法律行政法规禁止公开",
        WithholdingGround.SecurityStability => "危及“三安全一稳定”",
        WithholdingGround.ThirdPartyRights => "保护第三方合法权益",
        WithholdingGround.InternalAffairs => "属于三类内部事务信息",
        WithholdingGround.ProcessInformation => "属于四类过程性信息",
        WithholdingGround.EnforcementCaseFile => "属于行政执法案卷",
        WithholdingGround.AdministrativeQuery => "属于行政查询事项",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, null),
    };
}
