using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.AnnualReports;

public sealed class ReportYearTests
{
    private static readonly DateOnly Today = new(2022, 1, 10);

    [Theory]
    [InlineData(2019)] // the first year of the formats (条例 in force 2019-05-15)
    [InlineData(2021)] // last year: the report due now
    [InlineData(2022)] // this year
    [InlineData(2023)] // next year: the last one
    public void Create_2019ToNextYear_TheYear(int year) => Assert.Equal(year, ReportYear.Create(year, Today).Value.Value);

    [Theory]
    [InlineData(2018, "年度报告从2019年度起（条例2019年修订施行）")]
    [InlineData(0, "年度报告从2019年度起（条例2019年修订施行）")]
    [InlineData(2024, "年度不能晚于2023年")]
    [InlineData(9999, "年度不能晚于2023年")]
    public void Create_OutOfRange_InvalidWithTheReason(int year, string message)
    {
        var result = ReportYear.Create(year, Today);

        Assert.False(result.IsSuccess);
        Assert.Equal((ReportYear.InvalidCode, message, ProblemKind.Invalid), (result.Problem.Code, result.Problem.Message, result.Problem.Kind));
    }

    [Fact]
    public void Create_NewYearsEve_NextYearStillTheLast() =>
        Assert.True(ReportYear.Create(2025, new DateOnly(2024, 12, 31)).IsSuccess);
}
