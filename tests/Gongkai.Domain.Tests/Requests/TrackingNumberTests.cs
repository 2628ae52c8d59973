using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public sealed class TrackingNumberTests
{
    [Theory]
    [InlineData(2026, 1, "2026-000001")]
    [InlineData(2026, 123, "2026-000123")]
    [InlineData(2021, TrackingNumber.MaxSerial, "2021-999999")]
    public void Online_YearAndSerial_TheSeriesFormat(int year, int serial, string expected)
    {
        var number = TrackingNumber.Online(year, serial);

        Assert.Equal(expected, number.Value);
        Assert.Equal(serial, number.SerialIn(year));
        Assert.Null(number.SerialIn(year + 1));
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, TrackingNumber.MaxSerial + 1)]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    public void Online_OutOfTheSeries_IsABug(int year, int serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingNumber.Online(year, serial));

    [Theory]
    [InlineData("2026-000123", "2026-000123")]
    [InlineData("  WEB-2021-0901 ", "WEB-2021-0901")]
    [InlineData("京东政依申〔2021〕第12号", "京东政依申〔2021〕第12号")]
    public void TryParse_AnyTextUpToTheMaximum_TrimmedNumber(string text, string expected) =>
        Assert.Equal(expected, ResultAssert.Ok(TrackingNumber.TryParse(text)).Value);

    [Theory]
    [InlineData(null, "trackingNumber.empty")]
    [InlineData("   ", "trackingNumber.empty")]
    public void TryParse_Empty_Refused(string? text, string code) =>
        ResultAssert.Fails(TrackingNumber.TryParse(text), code);

    [Fact]
    public void TryParse_LongestAndOneLonger_AcceptedAndRefused()
    {
        ResultAssert.Ok(TrackingNumber.TryParse(new string('号', TrackingNumber.MaxLength)));
        var problem = ResultAssert.Fails(TrackingNumber.TryParse(new string('号', TrackingNumber.MaxLength + 1)), "trackingNumber.tooLong");
        Assert.Equal("申请编号不能超过50个字符", problem.Message);
    }

    [Theory]
    [InlineData("2026-00012a")]
    [InlineData("2026-0000123")]
    [InlineData("2026/000123")]
    [InlineData("2025-000123")]
    [InlineData("2026-１２３４５６")]
    public void SerialIn_ALedgersOwnNumberOfAnotherShape_None(string text) =>
        Assert.Null(ResultAssert.Ok(TrackingNumber.TryParse(text)).SerialIn(2026));

    [Fact]
    public void OnlineSeries_Year_TheRangeOfSameLengthTexts() =>
        Assert.Equal(("2026-000000", "2026-999999"), TrackingNumber.OnlineSeries(2026));

    [Fact]
    public void Equals_SameText_EqualOrdinal()
    {
        Assert.Equal(TrackingNumber.Online(2026, 7), ResultAssert.Ok(TrackingNumber.TryParse(" 2026-000007")));
        Assert.NotEqual(ResultAssert.Ok(TrackingNumber.TryParse("web-1")), ResultAssert.Ok(TrackingNumber.TryParse("WEB-1")));
    }
}
