using System.Globalization;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Domain.Tests.AnnualReports.Parsing;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("0", "0", CellUnit.None)]
    [InlineData("12", "12", CellUnit.None)]
    [InlineData(" 7 ", "7", CellUnit.None)]
    [InlineData("减4", "-4", CellUnit.None)]
    [InlineData("增3", "3", CellUnit.None)]
    [InlineData("-8", "-8", CellUnit.None)]
    [InlineData("+2", "2", CellUnit.None)]
    [InlineData("０.５９５０", "0.5950", CellUnit.None)]
    [InlineData("0.5950", "0.5950", CellUnit.None)]
    [InlineData("１２", "12", CellUnit.None)]
    [InlineData("1,234", "1234", CellUnit.None)]
    [InlineData("1，234", "1234", CellUnit.None)]
    [InlineData("3,985,758", "3985758", CellUnit.None)]
    [InlineData("１，２３４", "1234", CellUnit.None)]
    [InlineData("24252.311082", "24252.311082", CellUnit.None)]
    [InlineData("4166.241619", "4166.241619", CellUnit.None)]
    [InlineData("-18", "-18", CellUnit.None)]
    [InlineData("－18", "-18", CellUnit.None)]
    [InlineData("−18", "-18", CellUnit.None)]
    [InlineData("减18", "-18", CellUnit.None)]
    [InlineData("251000元", "251000", CellUnit.Yuan)]
    [InlineData("25.1万元", "25.1", CellUnit.TenThousandYuan)]
    [InlineData("3件", "3", CellUnit.Measure)]
    [InlineData("1\u00A0", "1", CellUnit.None)]
    public void Read_Number_KeepsValueAndPublishedDigits(string text, string expected, CellUnit unit)
    {
        var reading = CellText.Read(text);

        Assert.Equal(CellStatus.Number, reading.Status);
        Assert.Equal(expected, reading.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(unit, reading.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("－")]
    [InlineData("/")]
    [InlineData("无")]
    public void Read_EmptyOrDash_IsBlankNotZero(string text) =>
        Assert.Equal(CellStatus.Blank, CellText.Read(text).Status);

    [Theory]
    [InlineData("abc")]
    [InlineData("1.属于国家秘密")]
    [InlineData("2020年")]
    [InlineData("1.2.3")]
    [InlineData("减")]
    [InlineData("元")]
    [InlineData("1.")]
    public void Read_Text_IsUnreadable(string text) =>
        Assert.Equal(CellStatus.Unreadable, CellText.Read(text).Status);
}
