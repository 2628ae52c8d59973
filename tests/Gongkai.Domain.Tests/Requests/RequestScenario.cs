using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>Builders for requests in any state, and a valid sample command for every trigger.</summary>
internal static class RequestScenario
{
    public static readonly DateOnly WorkedExample = new(2020, 9, 24);

    public static readonly Actor Staff = new("staff-1", "王科员", ActorRole.Staff);
    public static readonly Actor Head = new("head-1", "李主任", ActorRole.OfficeHead);
    public static readonly Actor ApplicantActor = new("applicant-1", "张三", ActorRole.Applicant);

    public static WorkCalendar OfficialCalendar => WorkCalendar.Official;

    /// <summary>Particulars a 予以公开 reply must carry (条例 Art 36(二): how to obtain the information).</summary>
    public static readonly ReplyParticulars ObtainOnline = new() { ObtainFrom = "政府信息已随本答复书一并提供（附件）" };

    public static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    public static Applicant Person()
    {
        var document = IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value;
        var contact = ContactDetails.Create("13800000000", null, null).Value;
        return Applicant.NaturalPerson("张三", document, contact).Value;
    }

    public static Submit SubmitCommand(DateOnly on, Channel channel = Channel.Online, bool writtenDownByStaff = false) =>
        new(Staff, on, At(on), Guid.NewGuid(), Guid.NewGuid(), "DC-2020-0001", Person(), channel,
            "请公开2020年本单位政府采购合同", writtenDownByStaff);

    /// <summary>An online application lodged on <paramref name="on"/> (Art 31(三): not received until confirmed).</summary>
    public static DisclosureRequest Submitted(DateOnly? on = null) =>
        DisclosureRequest.Submit(SubmitCommand(on ?? WorkedExample), OfficialCalendar).Value;

    /// <summary>Submitted and confirmed on <paramref name="on"/>: the receipt date of the worked example by default.</summary>
    public static DisclosureRequest Received(DateOnly? on = null)
    {
        var date = on ?? WorkedExample;
        var request = Submitted(date);
        Ok(request.Apply(new ConfirmReceipt(Staff, date, At(date)), OfficialCalendar));
        return request;
    }

    public static DisclosureRequest Processing(DateOnly? receivedOn = null, DateOnly? startedOn = null)
    {
        var request = Received(receivedOn);
        var date = startedOn ?? request.ReceivedOn!.Value;
        Ok(request.Apply(new StartProcessing(Staff, date, At(date)), OfficialCalendar));
        return request;
    }

    /// <summary>
    /// A request in <paramref name="state"/> with an extension the handler asked for while processing and the head
    /// has not decided (Processing, or a consultation started after the request).
    /// </summary>
    public static DisclosureRequest WithPendingExtension(RequestState state)
    {
        var request = InState(RequestState.Processing);
        Ok(request.Apply(Command(RequestTrigger.RequestExtension, request), OfficialCalendar));
        if (state != RequestState.Processing)
        {
            var start = state == RequestState.ThirdPartyConsultation ? RequestTrigger.StartThirdPartyConsultation : RequestTrigger.StartAgencyConsultation;
            Ok(request.Apply(Command(start, request), OfficialCalendar));
        }

        Assert.Equal(state, request.State);
        Assert.NotNull(request.PendingExtension);
        return request;
    }

    /// <summary>A request in <paramref name="state"/>, reached by the shortest path through the table from Submitted.</summary>
    public static DisclosureRequest InState(RequestState state)
    {
        var request = Submitted();
        foreach (var trigger in PathTo(state))
        {
            Ok(request.Apply(Command(trigger, request), OfficialCalendar));
        }

        Assert.Equal(state, request.State);
        return request;
    }

    /// <summary>The shortest trigger sequence from Submitted to <paramref name="state"/> (breadth-first over the table).</summary>
    public static IReadOnlyList<RequestTrigger> PathTo(RequestState state)
    {
        var paths = new Dictionary<RequestState, List<RequestTrigger>> { [RequestState.Submitted] = [] };
        var queue = new Queue<RequestState>([RequestState.Submitted]);
        while (queue.Count > 0)
        {
            var from = queue.Dequeue();
            foreach (var row in RequestTransitions.All.Where(t => t.From == from && !paths.ContainsKey(t.To)))
            {
                paths[row.To] = [.. paths[from], row.Trigger];
                queue.Enqueue(row.To);
            }
        }

        return paths.TryGetValue(state, out var path) ? path : throw new InvalidOperationException($"{state} is unreachable");
    }

    /// <summary>A command for <paramref name="trigger"/> that passes the trigger's own rules wherever the table allows it.</summary>
    public static RequestCommand Command(RequestTrigger trigger, DisclosureRequest request)
    {
        var d = request.Events[^1].Date;
        var at = At(d);
        return trigger switch
        {
            RequestTrigger.Submit => SubmitCommand(d),
            RequestTrigger.ConfirmReceipt => new ConfirmReceipt(Staff, d, at),
            RequestTrigger.ReplyOnTheSpot => new ReplyOnTheSpot(Staff, request.ReceivedOn ?? d, at, ReplyOutcome.Disclosed(), ObtainOnline),
            RequestTrigger.RejectAsNotAnApplication => new RejectAsNotAnApplication(Staff, d, at, "信访渠道"),
            RequestTrigger.RequestSupplement => new RequestSupplement(Staff, d, at, ["所需信息的名称或文号"], d.AddDays(15)),
            RequestTrigger.ReceiveSupplement => new ReceiveSupplement(Staff, d, at),
            RequestTrigger.RecordSupplementExcuse =>
                new RecordSupplementExcuse(Staff, d, at, "申请人住院", Max(d, request.SupplementPeriodEnd ?? d).AddDays(10)),
            RequestTrigger.SupplementLapsed => Next(d, request.SupplementPeriodEnd, date => new SupplementLapsed(Staff, date, At(date))),
            RequestTrigger.RequestReasons => new RequestReasons(Staff, d, at, "半年内提出的120件申请的用途"),
            RequestTrigger.ReasonsRejected => new ReasonsRejected(Staff, d, at),
            RequestTrigger.ReasonsAccepted => new ReasonsAccepted(Staff, d, at),
            RequestTrigger.StartProcessing => new StartProcessing(Staff, d, at),
            RequestTrigger.StartThirdPartyConsultation => new StartThirdPartyConsultation(Staff, d, at, "某商贸有限公司", d.AddDays(1)),
            RequestTrigger.EndThirdPartyConsultation => new EndThirdPartyConsultation(Staff, d.AddDays(3), At(d.AddDays(3)), true),
            RequestTrigger.StartAgencyConsultation => new StartAgencyConsultation(Staff, d, at, "区财政局", d.AddDays(1)),
            RequestTrigger.EndAgencyConsultation => new EndAgencyConsultation(Staff, d.AddDays(3), At(d.AddDays(3)), true),
            RequestTrigger.RequestExtension => new RequestExtension(Staff, d, at, "涉及档案检索，工作量大", 20),
            RequestTrigger.Extend => new Extend(Head, d, at, d),
            RequestTrigger.RefuseExtension => new RefuseExtension(Head, d, at, "工作量不足以延期"),
            RequestTrigger.IssueFeeNotice => new IssueFeeNotice(Staff, d, at, 3000m, FeeBasis.PerApplication, d.AddDays(1)),
            RequestTrigger.FeePaid => new FeePaid(ApplicantActor, d, at),
            RequestTrigger.FeeLapsed => Next(d, request.FeeDue, date => new FeeLapsed(Staff, date, At(date))),
            RequestTrigger.Reply => new Reply(Staff, d, at, ReplyOutcome.Disclosed(), ObtainOnline),
            RequestTrigger.Withdraw => new Withdraw(ApplicantActor, d, at, "已通过其他途径获取"),
            RequestTrigger.Import => new ImportFromLedger(Staff, d, at, Guid.NewGuid(), request.AgencyId, "导入-1", request.Applicant, Channel.InPerson, "内容", d, null, null),
            RequestTrigger.RecalculateDeadlines => new RecalculateDeadlines(Staff, d, at, "国务院办公厅放假安排已载入"),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static RequestCommand Next(DateOnly today, DateOnly? periodEnd, Func<DateOnly, RequestCommand> make) =>
        make(Max(today, (periodEnd ?? today).AddDays(1)));
}
