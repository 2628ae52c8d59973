using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

public sealed class ReplyOutcomeTests
{
    public static TheoryData<ReplyOutcome, string, string> OutcomeKeys() => new()
    {
        { ReplyOutcome.Disclosed(), "disclosed", "disclosed" },
        { ReplyOutcome.PartlyDisclosed(), "partlyDisclosed", "partlyDisclosed" },
        { ReplyOutcome.Withheld(WithholdingGround.StateSecret), "withheld.stateSecret", "withheld.stateSecret" },
        { ReplyOutcome.Withheld(WithholdingGround.ProhibitedByLaw), "withheld.prohibitedByLaw", "withheld.prohibitedByLaw" },
        { ReplyOutcome.Withheld(WithholdingGround.SecurityStability), "withheld.securityStability", "withheld.securityStability" },
        { ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights), "withheld.thirdPartyRights", "withheld.thirdPartyRights" },
        { ReplyOutcome.Withheld(WithholdingGround.InternalAffairs), "withheld.internalAffairs", "withheld.internalAffairs" },
        { ReplyOutcome.Withheld(WithholdingGround.ProcessInformation), "withheld.processInformation", "withheld.processInformation" },
        { ReplyOutcome.Withheld(WithholdingGround.EnforcementCaseFile), "withheld.enforcementCaseFile", "withheld.enforcementCaseFile" },
        { ReplyOutcome.Withheld(WithholdingGround.AdministrativeQuery), "withheld.administrativeQuery", "withheld.administrativeQuery" },
        { ReplyOutcome.CannotProvide(CannotProvideGround.NotHeld), "cannotProvide.notHeld", "cannotProvide.notHeld" },
        { ReplyOutcome.CannotProvide(CannotProvideGround.NeedsCreation), "cannotProvide.needsCreation", "cannotProvide.needsCreation" },
        { ReplyOutcome.CannotProvide(CannotProvideGround.UnclearAfterSupplement), "cannotProvide.unclearAfterSupplement", "cannotProvide.unclearAfterSupplement" },
        { ReplyOutcome.NotProcessed(NotProcessedGround.PetitionOrComplaint), "notProcessed.petitionOrComplaint", "notProcessed.petitionOrComplaint" },
        { ReplyOutcome.NotProcessed(NotProcessedGround.Repeated), "notProcessed.repeated", "notProcessed.repeated" },
        { ReplyOutcome.NotProcessed(NotProcessedGround.Publication), "notProcessed.publication", "notProcessed.publication" },
        { ReplyOutcome.NotProcessed(NotProcessedGround.Excessive), "notProcessed.excessive", "notProcessed.excessive" },
        { ReplyOutcome.NotProcessed(NotProcessedGround.ConfirmOrReissue), "notProcessed.confirmOrReissue", "notProcessed.confirmOrReissue" },
        { ReplyOutcome.Other(OtherHandlingGround.NoSupplement), "other", "other.noSupplement" },
        { ReplyOutcome.Other(OtherHandlingGround.FeeNotPaid), "other", "other.feeNotPaid" },
        { ReplyOutcome.Other(OtherHandlingGround.Other), "other", "other.other" },
    };

    [Theory]
    [MemberData(nameof(OutcomeKeys))]
    public void ReportRowKey_BothFormats(ReplyOutcome outcome, string key2019, string key2021)
    {
        Assert.Equal(key2019, outcome.ReportRowKey(ReportFormat.V2019));
        Assert.Equal(key2021, outcome.ReportRowKey(ReportFormat.V2021));
    }

    [Fact]
    public void ReportRowKey_EveryGround_Covered()
    {
        var grounds = Enum.GetValues<WithholdingGround>().Length + Enum.GetValues<CannotProvideGround>().Length
            + Enum.GetValues<NotProcessedGround>().Length + Enum.GetValues<OtherHandlingGround>().Length;
        Assert.Equal(grounds + 2, OutcomeKeys().Count);
    }

    [Theory]
    [InlineData(RequestState.DeemedWithdrawn, RequestTrigger.SupplementLapsed, "other", "other.noSupplement")]
    [InlineData(RequestState.DeemedWithdrawn, RequestTrigger.FeeLapsed, "other", "other.feeNotPaid")]
    [InlineData(RequestState.NotHandled, RequestTrigger.ReasonsRejected, "notProcessed.excessive", "notProcessed.excessive")]
    [InlineData(RequestState.NotAnApplication, RequestTrigger.RejectAsNotAnApplication, "notProcessed.petitionOrComplaint", "notProcessed.petitionOrComplaint")]
    [InlineData(RequestState.Withdrawn, RequestTrigger.Withdraw, "other", "other.other")]
    [InlineData(RequestState.Replied, RequestTrigger.Reply, "disclosed", "disclosed")]
    [InlineData(RequestState.Replied, RequestTrigger.ReplyOnTheSpot, "disclosed", "disclosed")]
    public void RequestReportRows_ClosedRequest_CountedInItsRow(RequestState state, RequestTrigger closing, string key2019, string key2021)
    {
        var from = RequestTransitions.All.First(t => t.Trigger == closing && t.To == state).From;
        var request = InState(from);
        Ok(request.Apply(Command(closing, request), OfficialCalendar));

        Assert.Equal(state, request.State);
        Assert.Equal(key2019, RequestReportRows.For(request, ReportFormat.V2019));
        Assert.Equal(key2021, RequestReportRows.For(request, ReportFormat.V2021));
    }

    [Fact]
    public void RequestReportRows_EveryTerminalState_HasARow()
    {
        foreach (var row in RequestTransitions.All.Where(t => t.To.IsTerminal()))
        {
            var request = InState(row.From);
            Ok(request.Apply(Command(row.Trigger, request), OfficialCalendar));
            Assert.NotNull(RequestReportRows.For(request, ReportFormat.V2021));
        }
    }

    [Fact]
    public void RequestReportRows_OpenRequest_Null() =>
        Assert.Null(RequestReportRows.For(InState(RequestState.Processing), ReportFormat.V2021));

    [Fact]
    public void Create_GroundOfItsOwnKind_Accepted()
    {
        Assert.Equal(ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights),
            Ok(ReplyOutcome.Create(Outcome.Withheld, withholding: WithholdingGround.ThirdPartyRights)));
        Assert.Equal(ReplyOutcome.Disclosed(), Ok(ReplyOutcome.Create(Outcome.Disclosed)));
        Assert.Equal(ReplyOutcome.Other(OtherHandlingGround.Other), Ok(ReplyOutcome.Create(Outcome.Other, other: OtherHandlingGround.Other)));
    }

    [Fact]
    public void Create_GroundMissing_Problem() =>
        Fails(ReplyOutcome.Create(Outcome.CannotProvide), "outcome.groundRequired");

    [Fact]
    public void Create_GroundOfAnotherKind_Problem() =>
        Fails(ReplyOutcome.Create(Outcome.Withheld, notProcessed: NotProcessedGround.Repeated), "outcome.groundRequired");

    [Fact]
    public void Create_TwoGrounds_Problem() =>
        Fails(ReplyOutcome.Create(Outcome.Withheld, WithholdingGround.StateSecret, CannotProvideGround.NotHeld), "outcome.groundRequired");

    [Fact]
    public void Create_GroundForDisclosed_Problem() =>
        Fails(ReplyOutcome.Create(Outcome.PartlyDisclosed, withholding: WithholdingGround.StateSecret), "outcome.groundNotExpected");

    [Fact]
    public void Create_UndefinedGround_Problem() =>
        Fails(ReplyOutcome.Create(Outcome.Withheld, withholding: (WithholdingGround)42), "outcome.groundRequired");

    [Fact]
    public void DisplayName_WithGround() =>
        Assert.Equal("不予公开（属于国家秘密）", ReplyOutcome.Withheld(WithholdingGround.StateSecret).DisplayName);
}
