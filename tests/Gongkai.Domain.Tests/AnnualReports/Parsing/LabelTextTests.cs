using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Domain.Tests.AnnualReports.Parsing;

public sealed class LabelTextTests
{
    [Theory]
    [InlineData("（三）不予公开", "三不予公开")]
    [InlineData("(三)不予公开", "三不予公开")]
    [InlineData("（三） 不予\n公开", "三不予公开")]
    [InlineData("总 计", "总计")]
    [InlineData("商业 企业", "商业企业")]
    [InlineData("3.危及“三安全一稳定”", "3危及三安全一稳定")]
    [InlineData("3.危及\"三安全一稳定\"", "3危及三安全一稳定")]
    [InlineData("本年增/减", "本年增减")]
    [InlineData("采购总金额（万元，保留四位小数）", "采购总金额万元保留四位小数")]
    [InlineData("第二十条第（一）项", "第二十条第一项")]
    [InlineData("\u2F2F作", "工作")] // Kangxi radical 工 from a PDF text layer
    [InlineData("", "")]
    public void Normalize_Variants_SameComparisonForm(string label, string expected) =>
        Assert.Equal(expected, LabelText.Normalize(label));

    [Theory]
    [InlineData("一本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量")]
    [InlineData("七总计", "总计")]
    [InlineData("1属于国家秘密", "属于国家秘密")]
    [InlineData("三安全", "安全")]
    [InlineData("总计", "总计")]
    [InlineData("一", "一")]
    public void StripNumbering_LeadingNumerals_Removed(string normalized, string expected) =>
        Assert.Equal(expected, LabelText.StripNumbering(normalized));

    /// <summary>NFKC threw ArgumentException on these (issue 16, 7): they become U+FFFD. (Codes, not strings: test data would mangle a lone surrogate.)</summary>
    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void Nfkc_NoncharacterOrLoneSurrogate_ReplacementCharacter(int code)
    {
        var label = "予以公开" + (char)code + "①";

        Assert.Equal("予以公开\uFFFD1", LabelText.Nfkc(label));
        Assert.Equal(LabelText.Normalize("予以公开\uFFFD1"), LabelText.Normalize(label));
        Assert.False(CellText.Read(label).IsValue);
    }

    [Fact]
    public void Nfkc_SurrogatesReversedOrPaired_ReversedReplacedPairKept()
    {
        Assert.Equal("\uFFFD\uFFFD1", LabelText.Nfkc("\uDC00\uD800①"));
        Assert.Equal("\uD83D\uDE001", LabelText.Nfkc("\uD83D\uDE00①"));
    }
}
