using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.Common;

public sealed class ChineseDateTests
{
    [Theory]
    [InlineData(2026, 12, 4, "二〇二六年十二月四日")]
    [InlineData(2020, 10, 31, "二〇二〇年十月三十一日")]
    [InlineData(2019, 1, 10, "二〇一九年一月十日")]
    [InlineData(2021, 11, 20, "二〇二一年十一月二十日")]
    [InlineData(2024, 2, 29, "二〇二四年二月二十九日")]
    [InlineData(2000, 5, 15, "二〇〇〇年五月十五日")]
    public void Numerals_WritesYearDigitByDigitMonthAndDayInWords(int year, int month, int day, string expected) =>
        Assert.Equal(expected, ChineseDate.Numerals(new DateOnly(year, month, day)));

    [Fact]
    public void Format_ArabicWithoutLeadingZeros() => Assert.Equal("2021年1月31日", ChineseDate.Format(new DateOnly(2021, 1, 31)));
}
