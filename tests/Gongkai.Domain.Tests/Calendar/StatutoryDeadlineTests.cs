using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>The periods of the 条例 with their articles, counted on the official calendar (spec/regulation-rules.md §12).</summary>
public sealed class StatutoryDeadlineTests
{
    public static TheoryData<string, int, string> Periods => new()
    {
        { nameof(StatutoryDeadline.SupplementNotice), 7, "条例第三十条" },
        { nameof(StatutoryDeadline.Reply), 20, "条例第三十三条第二款" },
        { nameof(StatutoryDeadline.Extension), 20, "条例第三十三条第二款" },
        { nameof(StatutoryDeadline.Consultation), 15, "条例第三十二条、第三十四条" },
        { nameof(StatutoryDeadline.FeePayment), 20, "条例第四十二条、国办函〔2020〕109号" },
        { nameof(StatutoryDeadline.Publication), 20, "条例第二十六条" },
    };

    private static StatutoryDeadline Named(string name) =>
        (StatutoryDeadline)typeof(StatutoryDeadline).GetProperty(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Periods))]
    public void Period_AsTheLawSetsIt_DaysAndArticle(string name, int workingDays, string basis)
    {
        var period = Named(name);

        Assert.Equal(workingDays, period.WorkingDays);
        Assert.Equal(basis, period.Basis);
        Assert.Contains(period, StatutoryDeadline.All);
    }

    [Fact]
    public void All_EachOfTheSixPeriodsOnce() => Assert.Equal(6, StatutoryDeadline.All.Distinct().Count());

    [Theory]
    [InlineData(nameof(StatutoryDeadline.SupplementNotice), "2020-10-10")]
    [InlineData(nameof(StatutoryDeadline.Reply), "2020-10-28")]
    [InlineData(nameof(StatutoryDeadline.Consultation), "2020-10-21")]
    public void CountFrom_SpecsWorkedExample_ReceivedThursday20200924(string name, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Named(name).CountFrom(WorkCalendar.Official, new DateOnly(2020, 9, 24)).Value);

    [Fact]
    public void CountFrom_ExtensionAfterTheReplyDeadline_20201125() =>
        Assert.Equal(new DateOnly(2020, 11, 25), StatutoryDeadline.Extension.CountFrom(WorkCalendar.Official, new DateOnly(2020, 10, 28)).Value);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(21, false)]
    [InlineData(-1, false)]
    public void Allows_ExtensionDays_OneToTwenty(int days, bool allowed) =>
        Assert.Equal(allowed, StatutoryDeadline.Extension.Allows(days));
}
