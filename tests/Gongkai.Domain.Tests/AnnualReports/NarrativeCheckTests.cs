using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Domain.Tests.AnnualReports;

public sealed class NarrativeCheckTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("38", 38)]
    [InlineData("零", 0)]
    [InlineData("一", 1)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("一百零五", 105)]
    public void ParseCount_DigitsAndChineseNumerals(string text, int expected) =>
        Assert.Equal(expected, NarrativeCheck.ParseCount(text));

    [Fact]
    public void ParseCount_NotANumber_Null() => Assert.Null(NarrativeCheck.ParseCount("件"));
}
