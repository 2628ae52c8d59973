namespace Gongkai.Domain.Requests;

/// <summary>The five 不予处理 rows of the annual report.</summary>
public enum NotProcessedGround
{
    /// <summary>信访举报投诉类申请: Art 39¶1.</summary>
    PetitionOrComplaint,

    /// <summary>重复申请: Art 36(六).</summary>
    Repeated,

    /// <summary>要求提供公开出版物: Art 39¶2.</summary>
    Publication,

    /// <summary>无正当理由大量反复申请: Art 35.</summary>
    Excessive,

    /// <summary>要求行政机关确认或重新出具已获取信息.</summary>
    ConfirmOrReissue,
}

public static class NotProcessedGrounds
{
    public static string DisplayName(this NotProcessedGround ground) => ground switch
    {
        NotProcessedGround.PetitionOrComplaint => "信访举报投诉类申请",
        NotProcessedGround.Repeated => "重复申请",
        NotProcessedGround.Publication => "要求提供公开出版物",
        NotProcessedGround.Excessive => "无正当理由大量反复申请",
        NotProcessedGround.ConfirmOrReissue => "要求行政机关确认或重新出具已获取信息",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, null),
    };
}
