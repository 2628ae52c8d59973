using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>The periods that run from the addressee's receipt of a letter (spec/letters.md §6; Arts 32, 34, 42).</summary>
public sealed class NoticeReceiptTests
{
    private static readonly DateOnly Sent = new(2026, 12, 7);

    private static RecalculateDeadlines Delivery(DateOnly on) => new(Staff, on, At(on), "送达东外联依申费〔2026〕第1号");

    private static DisclosureRequest AwaitingFee(DateOnly receivedOn)
    {
        var request = Processing(new DateOnly(2026, 11, 20));
        Ok(request.Apply(new IssueFeeNotice(Staff, Sent, At(Sent), 100m, FeeBasis.PerApplication, receivedOn), WorkCalendar.Official));
        return request;
    }

    [Fact]
    public void FeeNotice_SignedForLaterThanEntered_TheDaysToPayCountFromTheSignature()
    {
        var request = AwaitingFee(Sent);
        Assert.Equal(new DateOnly(2027, 1, 5), request.FeeDue);
        var steps = request.Events.Count;

        var e = Ok(request.NoticeReceived(Delivery(new DateOnly(2026, 12, 11)), ReceivedNotice.FeeNotice, new DateOnly(2026, 12, 10), WorkCalendar.Official));

        // From the day after 12-10: 12-11 is day 1; 2027-01-01 (元旦) is not a working day; day 20 is 2027-01-08.
        Assert.Equal(new DateOnly(2027, 1, 8), request.FeeDue);
        Assert.Equal(new DateOnly(2026, 12, 10), request.FeeNoticeReceivedOn);
        Assert.NotNull(e);
        Assert.Equal(steps + 1, request.Events.Count);
        Assert.Equal((RequestTrigger.RecalculateDeadlines, RequestState.AwaitingFee, RequestState.AwaitingFee), (e.Trigger, e.FromState!.Value, e.ToState));
        Assert.StartsWith("送达东外联依申费〔2026〕第1号：申请人于2026年12月10日收到收费通知书，缴费期限由2027年1月5日调整为2027年1月8日", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FeeNotice_ReceivedBeforeItWasSent_RefusedNothingChanged()
    {
        var request = AwaitingFee(Sent);
        var events = request.Events.ToList();

        Fails(request.NoticeReceived(Delivery(Sent), ReceivedNotice.FeeNotice, Sent.AddDays(-1), WorkCalendar.Official), RequestProblems.FeeNoticeReceivedBeforeSent);

        Assert.Equal((new DateOnly(2027, 1, 5), Sent), (request.FeeDue!.Value, request.FeeNoticeReceivedOn!.Value));
        Assert.Equal(events, request.Events);
    }

    [Fact]
    public void FeeNotice_SameDayOrAfterPayment_NothingRecorded()
    {
        var request = AwaitingFee(Sent);
        Assert.Null(Ok(request.NoticeReceived(Delivery(Sent), ReceivedNotice.FeeNotice, Sent, WorkCalendar.Official)));

        var paidOn = new DateOnly(2026, 12, 9);
        Ok(request.Apply(new FeePaid(Staff, paidOn, At(paidOn)), WorkCalendar.Official));
        var events = request.Events.ToList();

        Assert.Null(Ok(request.NoticeReceived(Delivery(paidOn), ReceivedNotice.FeeNotice, new DateOnly(2026, 12, 8), WorkCalendar.Official)));
        Assert.Equal(events, request.Events);
    }

    [Fact]
    public void ConsultationLetter_ThirdPartySignedLater_FifteenDaysFromTheSignature()
    {
        var request = Processing(new DateOnly(2026, 11, 20));
        Ok(request.Apply(new StartThirdPartyConsultation(Staff, Sent, At(Sent), "某公司", Sent), WorkCalendar.Official));
        var before = request.ConsultationDue;

        var e = Ok(request.NoticeReceived(Delivery(new DateOnly(2026, 12, 11)), ReceivedNotice.ConsultationLetter, new DateOnly(2026, 12, 9), WorkCalendar.Official));

        Assert.Equal(new DateOnly(2026, 12, 28), before);
        Assert.Equal(new DateOnly(2026, 12, 30), request.ConsultationDue);
        Assert.Contains("第三方于2026年12月9日收到征求意见书，征求意见期限由2026年12月28日调整为2026年12月30日", e!.Description, StringComparison.Ordinal);
        Assert.Null(Ok(request.NoticeReceived(Delivery(new DateOnly(2026, 12, 11)), ReceivedNotice.FeeNotice, new DateOnly(2026, 12, 9), WorkCalendar.Official)));
    }

    [Fact]
    public void ConsultationLetter_AfterTheConsultationEnded_NothingRecorded()
    {
        var request = Processing(new DateOnly(2026, 11, 20));
        Ok(request.Apply(new StartAgencyConsultation(Staff, Sent, At(Sent), "北京市东城区财政局", Sent), WorkCalendar.Official));
        var ended = new DateOnly(2026, 12, 10);
        Ok(request.Apply(new EndAgencyConsultation(Staff, ended, At(ended), OpinionReceived: true), WorkCalendar.Official));
        var events = request.Events.ToList();

        Assert.Null(Ok(request.NoticeReceived(Delivery(ended), ReceivedNotice.ConsultationLetter, new DateOnly(2026, 12, 8), WorkCalendar.Official)));
        Assert.Equal(events, request.Events);
    }
}
