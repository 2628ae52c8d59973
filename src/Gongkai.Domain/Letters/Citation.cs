namespace Gongkai.Domain.Letters;

/// <summary>
/// An article of 《中华人民共和国政府信息公开条例》 (2019), with its paragraph (款) or item (项) where the letter needs
/// one, written as the letters write it: 第十六条第一款, 第三十六条第（三）项.
/// </summary>
public sealed record Citation(int Article, int? Paragraph = null, int? Item = null)
{
    public const string Regulation = "《中华人民共和国政府信息公开条例》";

    public override string ToString() =>
        $"第{ChineseNumerals.Of(Article)}条"
        + (Paragraph is { } p ? $"第{ChineseNumerals.Of(p)}款" : "")
        + (Item is { } i ? $"第（{ChineseNumerals.Of(i)}）项" : "");

    /// <summary>The order a letter lists its citations in: by article, then paragraph, then item.</summary>
    internal (int, int, int) SortKey => (Article, Paragraph ?? 0, Item ?? 0);
}
