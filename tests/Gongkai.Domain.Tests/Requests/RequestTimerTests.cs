using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>
/// The procedure's clocks on the official calendar, against spec/regulation-rules.md §12's worked example: received
/// Thursday 2020-09-24 → reply by 2020-10-28, extended 2020-11-25, 补正 notice by Saturday 2020-10-10 (调休上班).
/// </summary>
public sealed class RequestTimerTests
{
    private static readonly DateOnly Day7 = new(2020, 10, 10);
    private static readonly DateOnly Day8 = new(2020, 10, 12);
    private static readonly DateOnly BaseDue = new(2020, 10, 28);
    private static readonly DateOnly ExtendedDue = new(2020, 11, 25);

    private static RequestEvent Do(DisclosureRequest request, RequestCommand command) => Ok(request.Apply(command, OfficialCalendar));

    private static RequestSupplement Supplement(DateOnly on, DateOnly periodEnd) => new(Staff, on, At(on), ["文件名称或文号"], periodEnd);

    // Receipt (Art 31)

    [Fact]
    public void ConfirmReceipt_WorkedExample_ReplyDueAndSupplementNoticeDue()
    {
        var request = Received();
        Assert.Equal(WorkedExample, request.ReceivedOn);
        Assert.Equal(BaseDue, request.ReplyDue);
        Assert.Equal(Day7, request.SupplementNoticeDue);
        Assert.Equal((BaseDue, Day7), (request.Events[^1].ReplyDue!.Value, request.Events[^1].SupplementNoticeDue!.Value));
    }

    [Theory]
    [InlineData(Channel.PostUnsigned)]
    [InlineData(Channel.Online)]
    [InlineData(Channel.Fax)]
    public void Submit_ChannelNeedingConfirmation_NoClockUntilConfirmed(Channel channel)
    {
        var request = Ok(DisclosureRequest.Submit(SubmitCommand(new DateOnly(2020, 9, 23), channel), OfficialCalendar));
        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Null(request.ReceivedOn);
        Assert.Null(request.ReplyDue);
        Assert.Null(request.Events[0].FromState);

        // Confirmed a day later: the confirmation date is the receipt date (Art 31(二)(三)).
        Do(request, new ConfirmReceipt(Staff, WorkedExample, At(WorkedExample)));
        Assert.Equal((RequestState.Received, WorkedExample, BaseDue), (request.State, request.ReceivedOn!.Value, request.ReplyDue!.Value));
    }

    [Theory]
    [InlineData(Channel.InPerson)]
    [InlineData(Channel.PostSigned)]
    public void Submit_InPersonOrSignedPost_ReceivedTheSameDay(Channel channel)
    {
        var request = Ok(DisclosureRequest.Submit(SubmitCommand(WorkedExample, channel), OfficialCalendar));
        Assert.Equal((RequestState.Received, WorkedExample, BaseDue), (request.State, request.ReceivedOn!.Value, request.ReplyDue!.Value));
        Assert.Single(request.Events);
        Assert.Contains("条例第三十一条", request.Events[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_OralApplicationWrittenDownByStaff_InPersonOnly()
    {
        var request = Ok(DisclosureRequest.Submit(SubmitCommand(WorkedExample, Channel.InPerson, writtenDownByStaff: true), OfficialCalendar));
        Assert.True(request.WrittenDownByStaff);
        Assert.Equal(Staff, request.Events[0].Actor);
        Fails(DisclosureRequest.Submit(SubmitCommand(WorkedExample, Channel.Online, writtenDownByStaff: true), OfficialCalendar),
            "request.oralApplication");
    }

    [Fact]
    public void Submit_DateOutsideTheCalendar_CalendarProblem()
    {
        Fails(DisclosureRequest.Submit(SubmitCommand(new DateOnly(2100, 12, 20), Channel.InPerson), OfficialCalendar), "calendar.yearNotPublished");
        Fails(DisclosureRequest.Submit(SubmitCommand(new DateOnly(2018, 6, 1), Channel.InPerson), OfficialCalendar), "calendar.yearNotPublished");
    }

    [Fact]
    public void ConfirmReceipt_DateOutsideTheCalendar_CalendarProblemAndNothingChanges()
    {
        var request = Submitted(new DateOnly(2100, 12, 10));
        Fails(request.Apply(new ConfirmReceipt(Staff, new DateOnly(2100, 12, 11), At(new DateOnly(2100, 12, 11))), OfficialCalendar),
            "calendar.yearNotPublished");
        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Null(request.ReceivedOn);
        Assert.Single(request.Events);
    }

    [Fact]
    public void Apply_DateBeforePreviousStep_Refused()
    {
        var request = Received();
        var earlier = WorkedExample.AddDays(-1);
        Fails(request.Apply(new StartProcessing(Staff, earlier, At(earlier)), OfficialCalendar), RequestProblems.DateOutOfOrder);
    }

    [Fact]
    public void ReplyOnTheSpot_OtherDayThanReceipt_Refused()
    {
        var request = Received();
        var next = WorkedExample.AddDays(1);
        Fails(request.Apply(new ReplyOnTheSpot(Staff, next, At(next), ReplyOutcome.Disclosed(), ObtainOnline), OfficialCalendar), RequestProblems.NotOnTheSpot);
        Do(request, new ReplyOnTheSpot(Staff, WorkedExample, At(WorkedExample), ReplyOutcome.Disclosed(), ObtainOnline));
        Assert.Equal((RequestState.Replied, WorkedExample), (request.State, request.RepliedOn!.Value));
    }

    // 补正 (Art 30)

    [Fact]
    public void RequestSupplement_OnWorkingDay7_Allowed()
    {
        var request = Received();
        Do(request, Supplement(Day7, new DateOnly(2020, 10, 23)));
        Assert.Equal(RequestState.AwaitingSupplement, request.State);
        Assert.Null(request.ReplyDue);
        Assert.Null(request.SupplementNoticeDue);
        Assert.Equal(new DateOnly(2020, 10, 23), request.SupplementPeriodEnd);
    }

    [Fact]
    public void RequestSupplement_OnWorkingDay8_SupplementTooLate()
    {
        var request = Received();
        var problem = Fails(request.Apply(Supplement(Day8, new DateOnly(2020, 10, 23)), OfficialCalendar), RequestProblems.SupplementTooLate);
        Assert.Contains("2020年10月10日", problem.Message, StringComparison.Ordinal);
        Assert.Equal((RequestState.Received, BaseDue), (request.State, request.ReplyDue!.Value));
        Assert.Equal(2, request.Events.Count);
    }

    [Fact]
    public void RequestSupplement_PeriodNotAfterNotice_Refused()
    {
        var request = Received();
        Fails(request.Apply(Supplement(Day7, Day7), OfficialCalendar), RequestProblems.SupplementPeriodInvalid);
        Fails(request.Apply(new RequestSupplement(Staff, Day7, At(Day7), [" "], Day8), OfficialCalendar), RequestProblems.SupplementItemsRequired);
    }

    [Fact]
    public void ReceiveSupplement_NewReceiptDate_ReplyClockRestarts()
    {
        var request = Received();
        Do(request, Supplement(new DateOnly(2020, 9, 25), new DateOnly(2020, 10, 20)));
        Do(request, new ReceiveSupplement(ApplicantActor, Day8, At(Day8)));

        Assert.Equal(RequestState.Received, request.State);
        Assert.Equal(Day8, request.ReceivedOn);
        Assert.Equal(Day8, request.SupplementReceivedOn);

        // Monday 2020-10-12 + 20 working days, no holiday in between: Monday 2020-11-09.
        Assert.Equal(new DateOnly(2020, 11, 9), request.ReplyDue);
        Assert.Null(request.SupplementNoticeDue);
    }

    [Fact]
    public void RequestSupplement_Twice_SupplementAlreadyRequested()
    {
        var request = Received();
        Do(request, Supplement(new DateOnly(2020, 9, 25), new DateOnly(2020, 10, 20)));
        Do(request, new ReceiveSupplement(ApplicantActor, Day8, At(Day8)));
        Fails(request.Apply(Supplement(Day8, new DateOnly(2020, 10, 30)), OfficialCalendar), RequestProblems.SupplementAlreadyRequested);
    }

    [Fact]
    public void SupplementLapsed_AfterPeriod_DeemedWithdrawn()
    {
        var request = Received();
        var periodEnd = new DateOnly(2020, 10, 20);
        Do(request, Supplement(new DateOnly(2020, 9, 25), periodEnd));

        Fails(request.Apply(new SupplementLapsed(Staff, periodEnd, At(periodEnd)), OfficialCalendar), RequestProblems.SupplementPeriodRunning);
        var next = periodEnd.AddDays(1);
        Do(request, new SupplementLapsed(Staff, next, At(next)));

        Assert.Equal((RequestState.DeemedWithdrawn, next), (request.State, request.ClosedOn!.Value));
        Assert.Equal("other.noSupplement", RequestReportRows.For(request, ReportFormat.V2021));
        Assert.Equal("other", RequestReportRows.For(request, ReportFormat.V2019));
    }

    [Fact]
    public void ReceiveSupplement_AfterPeriodWithoutExcuse_Refused_WithExcuse_Accepted()
    {
        var request = Received();
        var periodEnd = new DateOnly(2020, 10, 20);
        Do(request, Supplement(new DateOnly(2020, 9, 25), periodEnd));
        var late = new DateOnly(2020, 10, 22);

        Fails(request.Apply(new ReceiveSupplement(ApplicantActor, late, At(late)), OfficialCalendar), RequestProblems.SupplementPeriodOver);

        // A 正当理由 recorded: the period runs on, so it can no longer lapse on the old date.
        Do(request, new RecordSupplementExcuse(Staff, late, At(late), "申请人住院治疗", new DateOnly(2020, 10, 30)));
        Assert.Equal("申请人住院治疗", request.SupplementExcuse);
        Fails(request.Apply(new SupplementLapsed(Staff, late, At(late)), OfficialCalendar), RequestProblems.SupplementPeriodRunning);
        Do(request, new ReceiveSupplement(ApplicantActor, late, At(late)));
        Assert.Equal((RequestState.Received, late), (request.State, request.ReceivedOn!.Value));
    }

    // Consultation (Arts 32, 34; Art 33¶3)

    [Theory]
    [InlineData("2020-10-12", "2020-10-16", 4, "2020-11-03")]
    [InlineData("2020-10-12", "2020-10-12", 0, "2020-10-28")]
    [InlineData("2020-09-28", "2020-10-12", 5, "2020-11-04")] // across National Day: 09-29, 09-30, 10-09, 10-10 (调休), 10-12
    public void ThirdPartyConsultation_NWorkingDays_ReplyDueMovesByN(string start, string end, int n, string due)
    {
        var (started, ended) = (DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        var request = Processing(startedOn: new DateOnly(2020, 9, 25));
        Do(request, new StartThirdPartyConsultation(Staff, started, At(started), "某商贸有限公司", started.AddDays(1)));
        Assert.Equal(BaseDue, request.ReplyDue);
        Do(request, new EndThirdPartyConsultation(Staff, ended, At(ended), OpinionReceived: true));

        Assert.Equal(n, request.ExcludedWorkingDays);
        Assert.Equal(Ok(OfficialCalendar.AddWorkingDays(BaseDue, n)), request.ReplyDue);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), request.ReplyDue);
    }

    [Fact]
    public void ThirdPartyConsultation_NoOpinion_CountedOnlyToTheEndOfThe15Days()
    {
        var request = Processing(startedOn: new DateOnly(2020, 9, 25));
        var sent = new DateOnly(2020, 10, 12);
        Do(request, new StartThirdPartyConsultation(Staff, sent, At(sent), "某商贸有限公司", new DateOnly(2020, 10, 13)));

        // Received Tuesday 10-13: 15 working days end Tuesday 11-03.
        Assert.Equal(new DateOnly(2020, 11, 3), request.ConsultationDue);
        Fails(request.Apply(new EndThirdPartyConsultation(Staff, new DateOnly(2020, 11, 3), At(sent), OpinionReceived: false), OfficialCalendar),
            RequestProblems.ConsultationPeriodRunning);

        var late = new DateOnly(2020, 11, 20);
        Do(request, new EndThirdPartyConsultation(Staff, late, At(late), OpinionReceived: false));

        // (10-12, 11-03] holds 16 working days; the later days are not consultation time.
        Assert.Equal(16, request.ExcludedWorkingDays);
        Assert.Equal(Ok(OfficialCalendar.AddWorkingDays(BaseDue, 16)), request.ReplyDue);
    }

    [Fact]
    public void AgencyConsultation_NoOpinion_DeemedConsent()
    {
        var request = Processing();
        var sent = new DateOnly(2020, 9, 25);
        Do(request, new StartAgencyConsultation(Staff, sent, At(sent), "区财政局", sent));
        var late = new DateOnly(2020, 11, 2);
        var e = Do(request, new EndAgencyConsultation(Staff, late, At(late), OpinionReceived: false));
        Assert.Contains("视为同意公开", e.Description, StringComparison.Ordinal);
        Assert.Equal(RequestState.Processing, request.State);
    }

    [Fact]
    public void Consultation_LetterReceivedBeforeSent_Refused()
    {
        var request = Processing();
        Fails(request.Apply(new StartThirdPartyConsultation(Staff, Day8, At(Day8), "某公司", Day7), OfficialCalendar),
            RequestProblems.LetterReceivedBeforeSent);
    }

    // Extension (Art 33¶2)

    private static readonly Actor OtherHead = new("head-2", "赵副主任", ActorRole.OfficeHead);

    private static DisclosureRequest Requested(int days = 20, DateOnly? on = null)
    {
        var request = Processing();
        var date = on ?? Day8;
        Do(request, new RequestExtension(Staff, date, At(date), "需跨部门调取档案", days));
        return request;
    }

    [Fact]
    public void RequestExtension_Alone_DeadlineStaysAndPending()
    {
        var request = Processing();
        var e = Do(request, new RequestExtension(Staff, Day8, At(Day8), " 需跨部门调取档案 ", 20));

        Assert.Equal(BaseDue, request.CurrentDue);
        Assert.Null(request.ExtendedDue);
        Assert.Null(request.ExtensionWorkingDays);
        Assert.Equal(new PendingExtension(Staff.UserId, Staff.DisplayName, Day8, 20, "需跨部门调取档案"), request.PendingExtension);
        Assert.Null(e.ExtendedDue);
        Assert.Contains("待政府信息公开工作机构负责人审批", e.Description, StringComparison.Ordinal);
        Fails(request.Apply(new RequestExtension(Staff, Day8, At(Day8), "再次", 5), OfficialCalendar), RequestProblems.ExtensionPending);
    }

    [Fact]
    public void Extend_ApprovedByHead_WorkedExample_SecondRefused()
    {
        var on = new DateOnly(2020, 10, 26);
        var request = Requested(on: on);
        var e = Do(request, new Extend(Head, on, At(on), on));

        Assert.Equal((BaseDue, ExtendedDue), (request.ReplyDue!.Value, request.ExtendedDue!.Value));
        Assert.Equal(ExtendedDue, request.CurrentDue);
        Assert.Equal(ExtendedDue, e.ExtendedDue);
        Assert.Equal(RequestState.Processing, request.State);
        Assert.Null(request.PendingExtension);
        Assert.Equal(Head, e.Actor);
        Assert.Contains("经李主任同意", e.Description, StringComparison.Ordinal);
        Assert.Contains("王科员", e.Description, StringComparison.Ordinal);

        Fails(request.Apply(new RequestExtension(Staff, on, At(on), "仍需时间", 1), OfficialCalendar), RequestProblems.AlreadyExtended);
        Fails(request.Apply(new Extend(Head, on, At(on), on), OfficialCalendar), RequestProblems.ExtensionNotRequested);
    }

    [Fact]
    public void Extend_NothingRequested_Refused() =>
        Fails(Processing().Apply(new Extend(Head, Day8, At(Day8), Day8), OfficialCalendar), RequestProblems.ExtensionNotRequested);

    [Fact]
    public void Extend_ByTheRequester_RefusedAsForbidden()
    {
        var request = Processing();
        var headAsHandler = Head with { Role = ActorRole.Staff };
        Do(request, new RequestExtension(headAsHandler, Day8, At(Day8), "理由", 10));

        var problem = Fails(request.Apply(new Extend(Head, Day8, At(Day8), Day8), OfficialCalendar), RequestProblems.ExtensionSelfApproval);
        Assert.Equal(ProblemKind.Forbidden, problem.Kind);
        Fails(request.Apply(new RefuseExtension(Head, Day8, At(Day8)), OfficialCalendar), RequestProblems.ExtensionSelfApproval);
        Assert.Null(request.ExtendedDue);
        Assert.NotNull(request.PendingExtension);

        Do(request, new Extend(OtherHead, Day8, At(Day8), Day8));
        Assert.Equal(Ok(OfficialCalendar.AddWorkingDays(BaseDue, 10)), request.ExtendedDue);
    }

    [Fact]
    public void RefuseExtension_DeadlineStays_CanAskAgain()
    {
        var request = Requested();
        var e = Do(request, new RefuseExtension(Head, Day8, At(Day8), "可在期限内答复"));

        Assert.Equal(BaseDue, request.CurrentDue);
        Assert.Null(request.ExtendedDue);
        Assert.Null(request.PendingExtension);
        Assert.Contains("不同意延长答复期限", e.Description, StringComparison.Ordinal);
        Assert.Contains("可在期限内答复", e.Description, StringComparison.Ordinal);

        // Refused is not extended: the handler may ask again while the period runs.
        Do(request, new RequestExtension(Staff, Day8, At(Day8), "新的理由", 5));
        Assert.NotNull(request.PendingExtension);
    }

    [Theory]
    [InlineData(21, RequestProblems.ExtensionTooLong)]
    [InlineData(0, RequestProblems.ExtensionTooLong)]
    public void RequestExtension_BadLength_Refused(int days, string code)
    {
        var request = Processing();
        Fails(request.Apply(new RequestExtension(Staff, Day8, At(Day8), "理由", days), OfficialCalendar), code);
        Assert.Null(request.PendingExtension);
    }

    [Fact]
    public void RequestExtension_NoReason_Refused() =>
        Fails(Processing().Apply(new RequestExtension(Staff, Day8, At(Day8), " ", 10), OfficialCalendar), RequestProblems.ExtensionReasonRequired);

    [Fact]
    public void Extend_NotApprovedByOfficeHead_Refused()
    {
        var problem = Fails(Requested().Apply(new Extend(Staff with { UserId = "staff-2" }, Day8, At(Day8), Day8), OfficialCalendar), RequestProblems.ExtensionApprover);
        Assert.Equal(ProblemKind.Forbidden, problem.Kind);
    }

    [Fact]
    public void Extend_AfterTheDeadline_Refused_PendingDoesNotStopTheClock()
    {
        var late = BaseDue.AddDays(1);
        Fails(Processing().Apply(new RequestExtension(Staff, late, At(late), "理由", 10), OfficialCalendar), RequestProblems.ExtensionTooLate);

        // Asked in time, approved too late: the original deadline bound while the request waited.
        Fails(Requested().Apply(new Extend(Head, late, At(late), late), OfficialCalendar), RequestProblems.ExtensionTooLate);
        Fails(Requested().Apply(new Extend(Head, BaseDue, At(BaseDue), late), OfficialCalendar), RequestProblems.ExtensionTooLate);
        Assert.Equal(BaseDue, Requested().CurrentDue);
    }

    [Fact]
    public void Reply_WhileExtensionPending_PendingLapses()
    {
        var request = Requested();
        Do(request, new Reply(Staff, Day8, At(Day8), ReplyOutcome.Disclosed(), ObtainOnline));
        Assert.Null(request.PendingExtension);
    }

    [Fact]
    public void Extend_ThenConsultation_ExtendedDueMovesToo()
    {
        var request = Requested();
        Do(request, new Extend(Head, Day8, At(Day8), Day8));
        var sent = new DateOnly(2020, 10, 13);
        Do(request, new StartThirdPartyConsultation(Staff, sent, At(sent), "某公司", sent));
        var ended = new DateOnly(2020, 10, 16);
        Do(request, new EndThirdPartyConsultation(Staff, ended, At(ended), OpinionReceived: true));

        Assert.Equal(3, request.ExcludedWorkingDays);
        Assert.Equal(Ok(OfficialCalendar.AddWorkingDays(ExtendedDue, 3)), request.ExtendedDue);
    }

    // Fee (Art 42; [川])

    [Fact]
    public void FeePaid_WithinPeriod_BackToProcessing()
    {
        var request = Processing();
        Do(request, new IssueFeeNotice(Staff, Day8, At(Day8), 3000m, FeeBasis.PerApplication, Day8));

        // 20 working days from the day after Monday 10-12: Monday 11-09.
        Assert.Equal(new DateOnly(2020, 11, 9), request.FeeDue);
        var paid = new DateOnly(2020, 11, 9);
        Do(request, new FeePaid(ApplicantActor, paid, At(paid)));
        Assert.Equal((RequestState.Processing, paid), (request.State, request.FeePaidOn!.Value));
    }

    [Fact]
    public void FeeLapsed_AfterPeriod_DeemedWithdrawn_PaymentAfterIsRefused()
    {
        var request = Processing();
        Do(request, new IssueFeeNotice(Staff, Day8, At(Day8), 200m, FeeBasis.PerPage, Day8));
        var due = new DateOnly(2020, 11, 9);
        Fails(request.Apply(new FeeLapsed(Staff, due, At(due)), OfficialCalendar), RequestProblems.FeePeriodRunning);
        var after = due.AddDays(1);
        Fails(request.Apply(new FeePaid(ApplicantActor, after, At(after)), OfficialCalendar), RequestProblems.FeePeriodOver);

        Do(request, new FeeLapsed(Staff, after, At(after)));
        Assert.Equal(RequestState.DeemedWithdrawn, request.State);
        Assert.Equal("other.feeNotPaid", RequestReportRows.For(request, ReportFormat.V2021));
        Assert.Equal("other", RequestReportRows.For(request, ReportFormat.V2019));
    }

    [Fact]
    public void IssueFeeNotice_AfterTheDeadlineOrZero_Refused()
    {
        var late = BaseDue.AddDays(1);
        Fails(Processing().Apply(new IssueFeeNotice(Staff, late, At(late), 100m, FeeBasis.PerApplication, late), OfficialCalendar),
            RequestProblems.FeeNoticeTooLate);
        Fails(Processing().Apply(new IssueFeeNotice(Staff, Day8, At(Day8), 0m, FeeBasis.PerApplication, Day8), OfficialCalendar),
            RequestProblems.FeeAmount);
    }

    // Art 35

    [Fact]
    public void ReasonsRejected_NotHandled()
    {
        var request = Received();
        Do(request, new RequestReasons(Staff, Day8, At(Day8), "申请的用途"));
        Do(request, new ReasonsRejected(Staff, Day8, At(Day8)));
        Assert.Equal(RequestState.NotHandled, request.State);
        Assert.Equal("notProcessed.excessive", RequestReportRows.For(request, ReportFormat.V2019));
    }

    [Fact]
    public void ReasonsAccepted_WithDelayedReplyDate_Processing()
    {
        var request = Received();
        Do(request, new RequestReasons(Staff, Day7, At(Day7), "申请的用途"));
        var delayed = new DateOnly(2020, 12, 15);
        Fails(request.Apply(new ReasonsAccepted(Staff, Day8, At(Day8), BaseDue), OfficialCalendar), RequestProblems.DelayedReplyNotLater);
        var e = Do(request, new ReasonsAccepted(Staff, Day8, At(Day8), delayed));

        Assert.Equal(RequestState.Processing, request.State);
        Assert.Equal((delayed, delayed, BaseDue), (request.DelayedReplyDue!.Value, request.CurrentDue!.Value, request.ReplyDue!.Value));
        Assert.Equal(delayed, e.DelayedReplyDue);
    }

    [Fact]
    public void ReasonsAccepted_WithoutDelayedReplyDate_KeepsDeadline()
    {
        var request = Received();
        Do(request, new RequestReasons(Staff, Day7, At(Day7), "申请的用途"));
        Do(request, new ReasonsAccepted(Staff, Day8, At(Day8)));
        Assert.Equal((RequestState.Processing, BaseDue), (request.State, request.CurrentDue!.Value));
    }

    // Reply and withdrawal

    [Fact]
    public void Reply_AfterTheDeadline_RecordedAsLate()
    {
        var request = Processing();
        var late = new DateOnly(2020, 10, 30);
        var e = Do(request, new Reply(Staff, late, At(late), ReplyOutcome.Withheld(WithholdingGround.StateSecret), new ReplyParticulars { Reasons = "经依法确定为国家秘密" }));
        Assert.Contains("共2个工作日", e.Description, StringComparison.Ordinal);
        Assert.Equal((RequestState.Replied, late), (request.State, request.RepliedOn!.Value));
        Assert.Equal("withheld.stateSecret", RequestReportRows.For(request, ReportFormat.V2021));
    }

    [Fact]
    public void Reply_LapseGroundsAndUnclearWithoutSupplement_Refused()
    {
        var request = Processing();
        Fails(request.Apply(new Reply(Staff, Day8, At(Day8), ReplyOutcome.Other(OtherHandlingGround.FeeNotPaid)), OfficialCalendar),
            RequestProblems.OutcomeNotAReply);
        Fails(request.Apply(new Reply(Staff, Day8, At(Day8), ReplyOutcome.CannotProvide(CannotProvideGround.UnclearAfterSupplement)), OfficialCalendar),
            RequestProblems.NoSupplementReceived);
        Assert.Equal(RequestState.Processing, request.State);
        Assert.Null(request.Outcome);
    }

    [Fact]
    public void Reply_UnclearAfterSupplement_AcceptedAfterACorrection()
    {
        var request = Received();
        Do(request, Supplement(Day7, new DateOnly(2020, 10, 20)));
        Do(request, new ReceiveSupplement(ApplicantActor, Day8, At(Day8)));
        Do(request, new StartProcessing(Staff, Day8, At(Day8)));
        Do(request, new Reply(Staff, Day8, At(Day8), ReplyOutcome.CannotProvide(CannotProvideGround.UnclearAfterSupplement),
            new ReplyParticulars { Reasons = "补正后仍未写明所需文件的名称或文号" }));
        Assert.Equal("cannotProvide.unclearAfterSupplement", RequestReportRows.For(request, ReportFormat.V2019));
    }

    [Fact]
    public void Events_FullHistory_SequencedAndChained()
    {
        var request = Received();
        Do(request, Supplement(new DateOnly(2020, 9, 25), new DateOnly(2020, 10, 20)));
        Do(request, new ReceiveSupplement(ApplicantActor, Day8, At(Day8)));
        Do(request, new StartProcessing(Staff, Day8, At(Day8)));
        Do(request, new RequestExtension(Staff, Day8, At(Day8), "理由", 10));
        Do(request, new Extend(Head, Day8, At(Day8), Day8));
        Do(request, new Reply(Staff, Day8, At(Day8), ReplyOutcome.Disclosed(), ObtainOnline));

        Assert.Equal(Enumerable.Range(1, 8), request.Events.Select(e => e.Sequence));
        for (var i = 1; i < request.Events.Count; i++)
        {
            Assert.Equal(request.Events[i - 1].ToState, request.Events[i].FromState);
        }

        Assert.Null(request.Events[2].ReplyDue); // while awaiting the correction no reply clock runs
        Assert.Equal(new DateOnly(2020, 11, 9), request.Events[3].ReplyDue);
        Assert.Equal(Ok(OfficialCalendar.AddWorkingDays(new DateOnly(2020, 11, 9), 10)), request.Events[6].ExtendedDue);
        Assert.IsNotType<List<RequestEvent>>(request.Events, exactMatch: false);
    }
}
