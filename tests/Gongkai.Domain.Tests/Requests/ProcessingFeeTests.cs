using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

public sealed class ProcessingFeeTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(31, 2200)]
    [InlineData(35, 3000)] // spec §8's example: 20×100 + 5×200
    [InlineData(40, 4000)]
    [InlineData(41, 4300)]
    [InlineData(50, 7000)]
    [InlineData(55, 9000)]
    public void ForApplications_Tiers(int applications, int yuan) =>
        Assert.Equal((decimal)yuan, Ok(ProcessingFee.ForApplications(applications)));

    [Fact]
    public void ForApplications_EqualsSumOfPerApplicationFees()
    {
        decimal sum = 0;
        for (var n = 1; n <= 200; n++)
        {
            sum += Ok(ProcessingFee.ForApplication(n));
            Assert.Equal(sum, Ok(ProcessingFee.ForApplications(n)));
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(51, 400)]
    public void ForApplication_RateOfTheNthInTheMonth(int ordinal, int yuan) =>
        Assert.Equal((decimal)yuan, Ok(ProcessingFee.ForApplication(ordinal)));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)] // spec §8's example: 70×10 + 100×20 + 50×40
    public void ForPages_Tiers(int pages, int yuan) =>
        Assert.Equal((decimal)yuan, Ok(ProcessingFee.ForPages(pages)));

    [Fact]
    public void NegativeOrZeroCounts_Problem()
    {
        Fails(ProcessingFee.ForApplications(-1), "fee.invalidCount");
        Fails(ProcessingFee.ForApplication(0), "fee.invalidCount");
        Fails(ProcessingFee.ForPages(-5), "fee.invalidCount");
    }

    [Fact]
    public void ForApplications_VeryLargeCount_NoOverflow() =>
        Assert.True(Ok(ProcessingFee.ForApplications(int.MaxValue)) > 0m);
}
