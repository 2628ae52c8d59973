namespace Gongkai.Domain.Requests;

/// <summary>The three 无法提供 rows of the annual report.</summary>
public enum CannotProvideGround
{
    /// <summary>本机关不掌握相关政府信息: Art 36(四)(五).</summary>
    NotHeld,

    /// <summary>没有现成信息需要另行制作: Art 38.</summary>
    NeedsCreation,

    /// <summary>补正后申请内容仍不明确: Art 30, after a corrected application.</summary>
    UnclearAfterSupplement,
}

public static class CannotProvideGrounds
{
    public static string DisplayName(this CannotProvideGround ground) => ground switch
    {
        CannotProvideGround.NotHeld => "本机关不掌握相关政府信息",
        CannotProvideGround.NeedsCreation => "没有现成信息需要另行制作",
        CannotProvideGround.UnclearAfterSupplement => "补正后申请内容仍不明确",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, null),
    };
}
