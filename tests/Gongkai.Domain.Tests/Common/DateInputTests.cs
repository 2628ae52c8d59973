using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.Common;

/// <summary>Every form the ledger reader, the calendar command and the report command accepted before they shared one parser.</summary>
public sealed class DateInputTests
{
    [Theory]
    [InlineData("2021-01-31")]
    [InlineData("2021-1-31")]
    [InlineData("2021/1/31")]
    [InlineData("2021/01/31")]
    [InlineData("2021.1.31")]
    [InlineData("2021年1月31日")]
    [InlineData("2021年01月31日")]
    [InlineData("  2021-01-31 ")]
    [InlineData("2021-01-31 00:00")]
    [InlineData("2021/1/31 00:00:00")]
    public void Parse_AcceptedForm_TheDate(string text)
    {
        Assert.Equal(new DateOnly(2021, 1, 31), DateInput.Parse(text));
        Assert.True(DateInput.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2021, 1, 31), date);
    }

    [Theory]
    [InlineData("2020-02-29", 2020, 2, 29)]
    [InlineData("2020年10月10日", 2020, 10, 10)]
    [InlineData("1949-10-01", 1949, 10, 1)]
    [InlineData("2100-12-31", 2100, 12, 31)]
    public void Parse_EdgeOfRecordDates_TheDate(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateInput.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2021-02-29")]
    [InlineData("2021-13-01")]
    [InlineData("2021-00-10")]
    [InlineData("2021-01-00")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1949-09-30")]
    [InlineData("2101-01-01")]
    [InlineData("21-1-31")]
    [InlineData("2021-1")]
    [InlineData("2021年1月31")]
    [InlineData("2021-01-31 12:00")]
    [InlineData("31.01.2021")]
    [InlineData("２０２１-01-31")]
    [InlineData("2021-01-31T00:00")]
    public void Parse_NotADate_Nothing(string? text)
    {
        Assert.Null(DateInput.Parse(text));
        Assert.False(DateInput.TryParse(text, out _));
    }
}
