using System.Globalization;
using Gongkai.Domain.Appeals;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Appeals;

public sealed class AppealCaseTests
{
    private static readonly Guid AgencyId = Guid.Parse("6a1f0c4e-0000-4000-8000-000000000001");
    private static readonly DateOnly FiledOn = new(2020, 12, 30);

    private static AppealCase Pending() =>
        Ok(AppealCase.Create(Guid.NewGuid(), AgencyId, AppealKind.Reconsideration, FiledOn, " 京东复〔2020〕12号 ", summary: "  "));

    [Fact]
    public void Create_PendingCase_TrimsAndStartsPending()
    {
        var requestId = Guid.NewGuid();
        var appeal = Ok(AppealCase.Create(Guid.NewGuid(), AgencyId, AppealKind.LitigationDirect, FiledOn, " （2021）京0101行初1号 ", requestId, " 要求公开会议纪要 "));

        Assert.Equal(AppealResult.Pending, appeal.Result);
        Assert.Null(appeal.ResultOn);
        Assert.Equal("（2021）京0101行初1号", appeal.CaseNumber);
        Assert.Equal("要求公开会议纪要", appeal.Summary);
        Assert.Equal(requestId, appeal.RequestId);
        Assert.Equal(new AppealFact(AppealKind.LitigationDirect, FiledOn, AppealResult.Pending, null), appeal.ToFact());
    }

    [Fact]
    public void Create_BlankOptionalText_StoredAsNull() => Assert.Null(Pending().Summary);

    [Fact]
    public void Create_ConcludedCase_KeepsResultAndDate()
    {
        var appeal = Ok(AppealCase.Create(Guid.NewGuid(), AgencyId, AppealKind.Reconsideration, FiledOn, result: AppealResult.Upheld, resultOn: new DateOnly(2021, 2, 26)));

        Assert.Equal(AppealResult.Upheld, appeal.Result);
        Assert.Equal(new DateOnly(2021, 2, 26), appeal.ResultOn);
    }

    public static TheoryData<Guid, Guid, Guid?, AppealKind, string?, string?, string> InvalidCases() => new()
    {
        { Guid.Empty, AgencyId, null, AppealKind.Reconsideration, null, null, AppealProblems.IdRequired },
        { Guid.NewGuid(), Guid.Empty, null, AppealKind.Reconsideration, null, null, AppealProblems.IdRequired },
        { Guid.NewGuid(), AgencyId, Guid.Empty, AppealKind.Reconsideration, null, null, AppealProblems.IdRequired },
        { Guid.NewGuid(), AgencyId, null, (AppealKind)7, null, null, AppealProblems.KindInvalid },
        { Guid.NewGuid(), AgencyId, null, AppealKind.Reconsideration, new string('号', AppealCase.MaxCaseNumberLength + 1), null, AppealProblems.CaseNumberTooLong },
        { Guid.NewGuid(), AgencyId, null, AppealKind.Reconsideration, null, new string('案', AppealCase.MaxSummaryLength + 1), AppealProblems.SummaryTooLong },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Create_InvalidInput_Fails(Guid id, Guid agencyId, Guid? requestId, AppealKind kind, string? caseNumber, string? summary, string code) =>
        Fails(AppealCase.Create(id, agencyId, kind, FiledOn, caseNumber, requestId, summary), code);

    [Theory]
    [InlineData(AppealResult.Upheld, "2020-12-30")]
    [InlineData(AppealResult.Corrected, "2021-01-04")]
    [InlineData(AppealResult.Other, "2021-06-30")]
    public void RecordResult_ConcludedOnOrAfterFiling_Recorded(AppealResult result, string resultOn)
    {
        var appeal = Pending();
        var date = DateOnly.Parse(resultOn, CultureInfo.InvariantCulture);

        Ok(appeal.RecordResult(result, date));

        Assert.Equal(result, appeal.Result);
        Assert.Equal(date, appeal.ResultOn);
    }

    [Theory]
    [InlineData(AppealResult.Upheld, null, AppealProblems.ResultDateRequired)]
    [InlineData(AppealResult.Corrected, null, AppealProblems.ResultDateRequired)]
    [InlineData(AppealResult.Other, null, AppealProblems.ResultDateRequired)]
    [InlineData(AppealResult.Pending, "2021-01-04", AppealProblems.ResultDateNotExpected)]
    [InlineData(AppealResult.Upheld, "2020-12-29", AppealProblems.ResultBeforeFiling)]
    [InlineData((AppealResult)9, "2021-01-04", AppealProblems.ResultInvalid)]
    public void RecordResult_Invalid_FailsAndChangesNothing(AppealResult result, string? resultOn, string code)
    {
        var appeal = Pending();
        var date = resultOn is null ? (DateOnly?)null : DateOnly.Parse(resultOn, CultureInfo.InvariantCulture);

        var problem = Fails(appeal.RecordResult(result, date), code);

        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Equal(AppealResult.Pending, appeal.Result);
        Assert.Null(appeal.ResultOn);
    }

    [Fact]
    public void RecordResult_BeforeFiling_MessageNamesBothDates() =>
        Assert.Equal(
            "审结日期2020年12月29日早于申请复议或起诉的日期2020年12月30日",
            Fails(Pending().RecordResult(AppealResult.Upheld, new DateOnly(2020, 12, 29)), AppealProblems.ResultBeforeFiling).Message);

    [Fact]
    public void RecordResult_SecondInstanceThenRetrial_LastRecordStands()
    {
        var appeal = Pending();
        Ok(appeal.RecordResult(AppealResult.Upheld, new DateOnly(2021, 3, 1)));
        Ok(appeal.RecordResult(AppealResult.Corrected, new DateOnly(2021, 9, 1)));
        Assert.Equal((AppealResult.Corrected, new DateOnly(2021, 9, 1)), (appeal.Result, appeal.ResultOn!.Value));

        Ok(appeal.RecordResult(AppealResult.Pending, null));

        Assert.Equal(AppealResult.Pending, appeal.Result);
        Assert.Null(appeal.ResultOn);
    }

    [Fact]
    public void Create_ConcludedBeforeFiling_Fails() =>
        Fails(
            AppealCase.Create(Guid.NewGuid(), AgencyId, AppealKind.Reconsideration, FiledOn, result: AppealResult.Other, resultOn: FiledOn.AddDays(-1)),
            AppealProblems.ResultBeforeFiling);
}
