namespace Gongkai.Domain.Requests;

/// <summary>
/// The three （六）其他处理 sub-rows of the 2021 format (国办公开办函〔2021〕30号). The 2019 format has the one row
/// （六）其他处理, so there every ground reports as <c>other</c>.
/// </summary>
public enum OtherHandlingGround
{
    /// <summary>申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请: Art 30.</summary>
    NoSupplement,

    /// <summary>申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请: Art 42, 国办函〔2020〕109号.</summary>
    FeeNotPaid,

    /// <summary>其他.</summary>
    Other,
}

public static class OtherHandlingGrounds
{
    public static string DisplayName(this OtherHandlingGround ground) => ground switch
    {
        OtherHandlingGround.NoSupplement => "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        OtherHandlingGround.FeeNotPaid => "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        OtherHandlingGround.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, null),
    };
}
