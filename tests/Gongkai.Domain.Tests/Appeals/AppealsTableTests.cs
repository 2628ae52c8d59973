using System.Globalization;
using CsCheck;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.Appeals;

namespace Gongkai.Domain.Tests.Appeals;

public sealed class AppealsTableTests
{
    private const AppealKind Reconsideration = AppealKind.Reconsideration;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static AppealFact Fact(string filedOn, AppealResult result = AppealResult.Pending, string? resultOn = null) =>
        new(Reconsideration, D(filedOn), result, resultOn is null ? null : D(resultOn));

    [Theory]
    // Filed late in Y and open at its end: 尚未审结 for Y (the example).
    [InlineData("2020-12-30", AppealResult.Pending, null, 2020, AppealResult.Pending)]
    [InlineData("2020-12-31", AppealResult.Pending, null, 2020, AppealResult.Pending)]
    // Filed in Y, concluded in Y+1: 尚未审结 in Y, under its result in Y+1, in no later year.
    [InlineData("2020-12-30", AppealResult.Corrected, "2021-01-04", 2020, AppealResult.Pending)]
    [InlineData("2020-12-30", AppealResult.Corrected, "2021-01-04", 2021, AppealResult.Corrected)]
    [InlineData("2020-12-30", AppealResult.Corrected, "2021-01-04", 2022, null)]
    [InlineData("2020-12-30", AppealResult.Upheld, "2021-01-01", 2020, AppealResult.Pending)]
    // Filed and concluded in Y: under its result in Y only.
    [InlineData("2020-03-02", AppealResult.Upheld, "2020-05-06", 2020, AppealResult.Upheld)]
    [InlineData("2020-03-02", AppealResult.Upheld, "2020-05-06", 2019, null)]
    [InlineData("2020-03-02", AppealResult.Upheld, "2020-05-06", 2021, null)]
    [InlineData("2020-12-31", AppealResult.Other, "2020-12-31", 2020, AppealResult.Other)]
    [InlineData("2020-01-01", AppealResult.Other, "2020-01-01", 2020, AppealResult.Other)]
    // Filed after Y: not in Y.
    [InlineData("2021-01-01", AppealResult.Pending, null, 2020, null)]
    [InlineData("2021-01-01", AppealResult.Upheld, "2021-02-01", 2020, null)]
    // Open over several year-ends: 尚未审结 in each, under its result in the year it ends.
    [InlineData("2019-06-03", AppealResult.Pending, null, 2020, AppealResult.Pending)]
    [InlineData("2019-06-03", AppealResult.Corrected, "2021-06-30", 2019, AppealResult.Pending)]
    [InlineData("2019-06-03", AppealResult.Corrected, "2021-06-30", 2020, AppealResult.Pending)]
    [InlineData("2019-06-03", AppealResult.Corrected, "2021-06-30", 2021, AppealResult.Corrected)]
    // Concluded on 31 December of an earlier year: counted then, not in the next year.
    [InlineData("2019-06-03", AppealResult.Upheld, "2019-12-31", 2020, null)]
    public void ColumnInYear_YearBoundaries_CountsAsTheRuleSays(string filedOn, AppealResult result, string? resultOn, int year, AppealResult? expected) =>
        Assert.Equal(expected, AppealsTable.ColumnInYear(Fact(filedOn, result, resultOn), year));

    [Fact]
    public void ColumnInYear_ConcludedWithoutDate_Throws() =>
        Assert.Throws<ArgumentException>(() => AppealsTable.ColumnInYear(Fact("2020-01-02", AppealResult.Upheld), 2020));

    [Fact]
    public void Cells_MixedCases_CountedPerKindAndResult()
    {
        AppealFact[] facts =
        [
            Fact("2020-12-30"),                                                           // pending at the end of 2020
            Fact("2020-11-02", AppealResult.Corrected, "2021-01-15"),                     // pending in 2020
            Fact("2020-02-03", AppealResult.Upheld, "2020-04-01"),
            Fact("2019-11-04", AppealResult.Other, "2020-01-10"),                         // carried from 2019, ended in 2020
            Fact("2019-03-04", AppealResult.Upheld, "2019-05-10"),                        // 2019 only
            Fact("2021-01-04"),                                                           // 2021 only
            new(AppealKind.LitigationDirect, D("2020-06-01"), AppealResult.Corrected, D("2020-12-31")),
            new(AppealKind.LitigationAfterReconsideration, D("2020-06-01"), AppealResult.Pending, null),
            new(AppealKind.LitigationAfterReconsideration, D("2020-07-01"), AppealResult.Upheld, D("2021-03-01")),
        ];

        var cells = AppealsTable.Cells(facts, 2020);

        Assert.Equal(15, cells.Count);
        Assert.Equal(1m, cells["appeals.reconsideration.upheld"]);
        Assert.Equal(0m, cells["appeals.reconsideration.corrected"]);
        Assert.Equal(1m, cells["appeals.reconsideration.other"]);
        Assert.Equal(2m, cells["appeals.reconsideration.pending"]);
        Assert.Equal(4m, cells["appeals.reconsideration.total"]);
        Assert.Equal(1m, cells["appeals.litigationDirect.corrected"]);
        Assert.Equal(1m, cells["appeals.litigationDirect.total"]);
        Assert.Equal(2m, cells["appeals.litigationAfterReconsideration.pending"]);
        Assert.Equal(2m, cells["appeals.litigationAfterReconsideration.total"]);
        Assert.Equal(14m, cells.Values.Sum()); // 7 cases counted, and again in the 总计 cells
    }

    [Fact]
    public void Cells_NoCases_All15CellsZero()
    {
        var cells = AppealsTable.Cells([], 2020);

        Assert.Equal(AppealsTable.Keys, cells.Keys);
        Assert.All(cells.Values, v => Assert.Equal(0m, v));
    }

    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Keys_BothFormats_AreTheLayoutsSectionFourInPrintOrder(ReportFormat format)
    {
        var layout = ReportLayout.For(format).Cells.Where(c => c.Table.KeyPrefix == "appeals").Select(c => c.Key.ToString());

        Assert.Equal(layout, AppealsTable.Keys);
    }

    [Theory]
    [InlineData(AppealKind.Reconsideration, AppealResult.Upheld, "appeals.reconsideration.upheld")]
    [InlineData(AppealKind.Reconsideration, AppealResult.Pending, "appeals.reconsideration.pending")]
    [InlineData(AppealKind.LitigationDirect, AppealResult.Corrected, "appeals.litigationDirect.corrected")]
    [InlineData(AppealKind.LitigationAfterReconsideration, AppealResult.Other, "appeals.litigationAfterReconsideration.other")]
    public void Key_KindAndResult_IsTheReportKey(AppealKind kind, AppealResult result, string key) =>
        Assert.Equal(key, AppealsTable.Key(kind, result));

    private static readonly Gen<AppealFact> Facts =
        Gen.Select(Gen.Enum<AppealKind>(), Gen.Int[new DateOnly(2018, 1, 1).DayNumber, new DateOnly(2022, 12, 31).DayNumber], Gen.Enum<AppealResult>(), Gen.Int[0, 800])
            .Select((kind, filed, result, days) => new AppealFact(
                kind,
                DateOnly.FromDayNumber(filed),
                result,
                result == AppealResult.Pending ? null : DateOnly.FromDayNumber(filed + days)));

    [Fact]
    public void Cells_RandomCases_R4TotalsAreTheSumOfTheFourResults() =>
        Gen.Select(Facts.Array[0, 60], Gen.Int[2017, 2024]).Sample((facts, year) =>
        {
            var cells = AppealsTable.Cells(facts, year);
            foreach (var kind in Enum.GetValues<AppealKind>())
            {
                Assert.Equal(cells[AppealsTable.TotalKey(kind)], AppealResults.All.Sum(r => cells[AppealsTable.Key(kind, r)]));
            }

            var counted = facts.Count(f => AppealsTable.ColumnInYear(f, year) is not null);
            Assert.Equal(counted, Enum.GetValues<AppealKind>().Sum(k => cells[AppealsTable.TotalKey(k)]));
            Assert.All(cells.Values, v => Assert.True(v >= 0));
        }, iter: 1_000);

    [Fact]
    public void Cells_RandomCases_EveryResultReportedInExactlyOneYear() =>
        Facts.Array[0, 60].Sample(facts =>
        {
            // Over every year a case can touch, each concluded case appears once under its result.
            var years = Enumerable.Range(2018, 8).Select(y => AppealsTable.Cells(facts, y)).ToList();
            foreach (var kind in Enum.GetValues<AppealKind>())
            {
                foreach (var result in AppealResults.All.Where(r => r.IsConcluded()))
                {
                    Assert.Equal(
                        facts.Count(f => f.Kind == kind && f.Result == result),
                        years.Sum(cells => cells[AppealsTable.Key(kind, result)]));
                }
            }
        }, iter: 500);
}
