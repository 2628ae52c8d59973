namespace Gongkai.Domain.Requests;

/// <summary>
/// The kind of reply (条例 Arts 36–39), grouped as the annual report's section 三 rows （一）–（六） group them.
/// </summary>
public enum Outcome
{
    /// <summary>（一）予以公开: Art 36(一)(二).</summary>
    Disclosed,

    /// <summary>（二）部分公开: Art 37; counted only in this row.</summary>
    PartlyDisclosed,

    /// <summary>（三）不予公开, with a <see cref="WithholdingGround"/>: Arts 14–16, 36(三).</summary>
    Withheld,

    /// <summary>（四）无法提供, with a <see cref="CannotProvideGround"/>: Arts 36(四)(五), 38, 30.</summary>
    CannotProvide,

    /// <summary>（五）不予处理, with a <see cref="NotProcessedGround"/>: Arts 35, 36(六), 39.</summary>
    NotProcessed,

    /// <summary>（六）其他处理, with an <see cref="OtherHandlingGround"/> (the 2021 format's sub-rows).</summary>
    Other,
}

public static class Outcomes
{
    /// <summary>True for the outcomes that need a ground (the report rows with sub-rows).</summary>
    public static bool HasGround(this Outcome outcome) =>
        outcome is Outcome.Withheld or Outcome.CannotProvide or Outcome.NotProcessed or Outcome.Other;

    public static string DisplayName(this Outcome outcome) => outcome switch
    {
        Outcome.Disclosed => "予以公开",
        Outcome.PartlyDisclosed => "部分公开",
        Outcome.Withheld => "不予公开",
        Outcome.CannotProvide => "无法提供",
        Outcome.NotProcessed => "不予处理",
        Outcome.Other => "其他处理",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
