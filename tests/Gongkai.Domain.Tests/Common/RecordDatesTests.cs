using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Common;

/// <summary>Issue 16 (5): the dates a record can carry.</summary>
public sealed class RecordDatesTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1949, 9, 30)]
    [InlineData(2101, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Check_OutOfRange_ProblemNamingTheFieldAndTheRange(int year, int month, int day)
    {
        var problem = RecordDates.Check(new DateOnly(year, month, day), "形成日期");

        Assert.NotNull(problem);
        Assert.Equal(ProblemKind.Invalid, problem.Kind);
        Assert.StartsWith("形成日期（", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("超出可记录的范围（1949年10月1日至2100年12月31日）", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1949, 10, 1)]
    [InlineData(2020, 2, 29)]
    [InlineData(2100, 12, 31)]
    public void Check_InRange_Null(int year, int month, int day) =>
        Assert.Null(RecordDates.Check(new DateOnly(year, month, day), "形成日期"));

    /// <summary>A step dated 9999-12-31 passed every ordering rule (it is after the last step) and set its clocks from it.</summary>
    [Fact]
    public void Apply_StepDatedInYear9999_RefusedNothingChanged()
    {
        var request = Processing(new DateOnly(2026, 11, 20));
        var steps = request.Events.Count;
        var far = new DateOnly(9999, 12, 31);

        Fails(request.Apply(new RequestExtension(Staff, far, At(new DateOnly(2026, 12, 1)), "需要调取档案", 20), WorkCalendar.Official), "date.outOfRange");

        Assert.Equal(steps, request.Events.Count);
    }
}
