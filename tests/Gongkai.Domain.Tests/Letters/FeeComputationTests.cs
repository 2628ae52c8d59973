using CsCheck;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Letters;

/// <summary>The fee notice's computation (spec/letters.md §5, 国办函〔2020〕109号 Arts 4–5): tiers, total, boundaries.</summary>
public sealed class FeeComputationTests
{
    private const int Iterations = 2_000;

    /// <summary>The n-th application of the month on its own: its tier's rate (Art 4, as spec §8 reads it).</summary>
    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    public void PerApplication_NthOfTheMonth_ExactAtTheBoundaries(int ordinal, int yuan)
    {
        var fee = Ok(FeeComputation.PerApplication(ordinal - 1, 1));

        Assert.Equal((decimal)yuan, fee.Total);
        Assert.Equal(ordinal, fee.First);
        Assert.Equal(ordinal, Assert.Single(fee.Tiers).From);
    }

    /// <summary>n applications in one natural month counted from the first: 1–10 free, 11–30 ¥100, 31–40 ¥200, 41–50 ¥300.</summary>
    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(31, 2200)]
    [InlineData(40, 4000)]
    [InlineData(41, 4300)]
    public void PerApplication_WholeMonth_ExactAtTheBoundaries(int applications, int yuan) =>
        Assert.Equal((decimal)yuan, Ok(FeeComputation.PerApplication(0, applications)).Total);

    /// <summary>Pages (Art 5): up to 30 free, 31–100 ¥10, 101–200 ¥20, from 201 ¥40.</summary>
    [Theory]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    public void PerPage_ExactAtTheBoundaries(int pages, int yuan) => Assert.Equal((decimal)yuan, Ok(FeeComputation.PerPage(pages)).Total);

    [Fact]
    public void PerApplication_SpecExample35_TierByTier() =>
        Assert.Equal(
            [
                "计费方式：按件计收（超额累进）。您在2026年12月此前已提出政府信息公开申请0件，本申请计35件，为当月第1—35件。",
                "第1—10件：10件，不收费；",
                "第11—30件：20件×100元/件=2000元；",
                "第31—35件：5件×200元/件=1000元；",
                "合计：3000元。",
            ],
            Ok(FeeComputation.PerApplication(0, 35)).Lines(new DateOnly(2026, 12, 4)));

    [Fact]
    public void PerApplication_TheTwelfthOfTheMonth_OneLine() =>
        Assert.Equal(
            [
                "计费方式：按件计收（超额累进）。您在2026年12月此前已提出政府信息公开申请11件，本申请计1件，为当月第12件。",
                "第12件：1件×100元/件=100元；",
                "合计：100元。",
            ],
            Ok(FeeComputation.PerApplication(11, 1)).Lines(new DateOnly(2026, 12, 4)));

    [Fact]
    public void PerPage_SpecExample250_TierByTier() =>
        Assert.Equal(
            [
                "计费方式：按量计收（超额累进）。本申请提供的政府信息共250页。",
                "第1—30页：30页，不收费；",
                "第31—100页：70页×10元/页=700元；",
                "第101—200页：100页×20元/页=2000元；",
                "第201—250页：50页×40元/页=2000元；",
                "合计：4700元。",
            ],
            Ok(FeeComputation.PerPage(250)).Lines(new DateOnly(2026, 12, 4)));

    [Fact]
    public void PerPage_TiersSumToTotal_TotalIsProcessingFee_Monotone() =>
        Gen.Select(Gen.Int[0, 2_000], Gen.Int[0, 2_000]).Sample((a, b) =>
        {
            var fa = Ok(FeeComputation.PerPage(a));
            var fb = Ok(FeeComputation.PerPage(b));
            Assert.Equal(fa.Total, fa.Tiers.Sum(t => t.Amount));
            Assert.Equal(a, fa.Tiers.Sum(t => t.Count));
            Assert.Equal(Ok(ProcessingFee.ForPages(a)), fa.Total);
            Assert.True(a > b ? fa.Total >= fb.Total : fa.Total <= fb.Total);
        }, iter: Iterations);

    [Fact]
    public void PerApplication_TiersSumToTotal_TotalIsProcessingFee_Monotone() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int[1, 60], Gen.Int[1, 60]).Sample((earlier, count, more) =>
        {
            var fee = Ok(FeeComputation.PerApplication(earlier, count));
            Assert.Equal(fee.Total, fee.Tiers.Sum(t => t.Amount));
            Assert.Equal(count, fee.Tiers.Sum(t => t.Count));
            Assert.Equal(Ok(ProcessingFee.ForApplications(earlier + count)) - Ok(ProcessingFee.ForApplications(earlier)), fee.Total);

            // More applications cost more; the same number later in the month costs no less.
            Assert.True(Ok(FeeComputation.PerApplication(earlier, count + more)).Total >= fee.Total);
            Assert.True(Ok(FeeComputation.PerApplication(earlier + more, count)).Total >= fee.Total);

            // Split anywhere, the parts add up (超额累进: each unit at its own tier's rate).
            var split = Ok(FeeComputation.PerApplication(earlier, more)).Total + Ok(FeeComputation.PerApplication(earlier + more, count)).Total;
            Assert.Equal(Ok(FeeComputation.PerApplication(earlier, more + count)).Total, split);
        }, iter: Iterations);

    [Fact]
    public void Tiers_AreContiguousAndEachHasOneRate() =>
        Gen.Select(Gen.Int[0, 100], Gen.Int[1, 300]).Sample((earlier, count) =>
        {
            var fee = Ok(FeeComputation.PerApplication(earlier, count));
            Assert.Equal(earlier + 1, fee.Tiers[0].From);
            Assert.Equal(earlier + count, fee.Tiers[^1].To);
            for (var i = 1; i < fee.Tiers.Count; i++)
            {
                Assert.Equal(fee.Tiers[i - 1].To + 1, fee.Tiers[i].From);
                Assert.True(fee.Tiers[i].Rate > fee.Tiers[i - 1].Rate);
            }
        }, iter: Iterations);

    [Fact]
    public void InvalidCounts_Refused()
    {
        Fails(FeeComputation.PerApplication(-1, 1), "fee.invalidCount");
        Fails(FeeComputation.PerApplication(0, 0), "fee.invalidCount");
        Fails(FeeComputation.PerPage(-1), "fee.invalidCount");
        Fails(FeeComputation.PerPage(FeeComputation.MaxUnits + 1), "fee.invalidCount");
        Fails(FeeComputation.Of(new FeeFacts(FeeBasis.PerApplication, 0)), "fee.invalidCount");
    }

    [Fact]
    public void PerPage_Zero_NoTiersNothingToPay()
    {
        var fee = Ok(FeeComputation.PerPage(0));
        Assert.Empty(fee.Tiers);
        Assert.Equal(0m, fee.Total);
    }
}
