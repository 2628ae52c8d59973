using System.Diagnostics;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// An application for disclosure (依申请公开, 条例 Arts 27–42) as a total state machine: <see cref="Apply"/> looks
/// the (state, trigger) pair up in <see cref="RequestTransitions"/>, refuses every pair not there with the same
/// problem, checks the trigger's own rules, and records every step as a <see cref="RequestEvent"/>. A refused
/// command changes nothing. Deadlines are counted on the <see cref="WorkCalendar"/> passed in; the first working
/// day after a date is day 1 (民法典 Art 201, spec §12).
/// </summary>
public sealed partial class DisclosureRequest
{
    public const int MaxContentLength = 4000;

    private readonly List<RequestEvent> _events = [];
    private readonly List<string> _supplementItems = [];

    // For EF Core.
    private DisclosureRequest()
    {
        TrackingNumber = "";
        Applicant = null!;
        Content = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>申请编号.</summary>
    public string TrackingNumber { get; private set; }

    public Applicant Applicant { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>An oral application written down by the disclosure office (Art 29¶1); the lodging event's actor wrote it.</summary>
    public bool WrittenDownByStaff { get; private set; }

    /// <summary>申请内容: the description of the information sought (Art 29¶2(二)(三)).</summary>
    public string Content { get; private set; }

    /// <summary>The day the application reached the agency.</summary>
    public DateOnly SubmittedOn { get; private set; }

    /// <summary>收到申请之日 (Art 31); after a 补正, the day the corrected application arrived (Art 30).</summary>
    public DateOnly? ReceivedOn { get; private set; }

    public RequestState State { get; private set; }

    /// <summary>The Art 33 deadline: 20 working days after <see cref="ReceivedOn"/> plus the working days of consultation.</summary>
    public DateOnly? ReplyDue { get; private set; }

    /// <summary>The deadline after the one extension (Art 33¶2), if granted.</summary>
    public DateOnly? ExtendedDue { get; private set; }

    public int? ExtensionWorkingDays { get; private set; }

    /// <summary>
    /// The extension a handler asked for and the head has not decided yet (Art 33¶2); null when none is pending. It
    /// moves no deadline: until the head approves, the reply deadline binds.
    /// </summary>
    public PendingExtension? PendingExtension =>
        ExtensionRequestedOn is { } on ? new(ExtensionRequestedById!, ExtensionRequestedByName!, on, ExtensionRequestedDays!.Value, ExtensionRequestReason!) : null;

    /// <summary>The day the pending extension was requested; null when none is pending (the columns of <see cref="PendingExtension"/>).</summary>
    public DateOnly? ExtensionRequestedOn { get; private set; }

    public string? ExtensionRequestedById { get; private set; }

    public string? ExtensionRequestedByName { get; private set; }

    public int? ExtensionRequestedDays { get; private set; }

    public string? ExtensionRequestReason { get; private set; }

    /// <summary>The reply date the agency fixed under Art 35, if any.</summary>
    public DateOnly? DelayedReplyDue { get; private set; }

    /// <summary>Working days of Art 32/34 consultation, not counted in the reply period (Art 33¶3).</summary>
    public int ExcludedWorkingDays { get; private set; }

    /// <summary>The last day to send a 补正告知 (Art 30); null once one was sent or while not received.</summary>
    public DateOnly? SupplementNoticeDue { get; private set; }

    public bool SupplementRequested { get; private set; }

    public IReadOnlyList<string> SupplementItems => _supplementItems.AsReadOnly();

    /// <summary>The last day of the applicant's 补正期限 (inclusive), as set by the agency or after a 正当理由.</summary>
    public DateOnly? SupplementPeriodEnd { get; private set; }

    public string? SupplementExcuse { get; private set; }

    public DateOnly? SupplementReceivedOn { get; private set; }

    public DateOnly? ConsultationStartedOn { get; private set; }

    /// <summary>The day the consulted party received the letter, from which its 15 working days run (kept to recount them).</summary>
    public DateOnly? ConsultationLetterReceivedOn { get; private set; }

    /// <summary>The consulted party's last day (15 working days after it received the letter).</summary>
    public DateOnly? ConsultationDue { get; private set; }

    public decimal? FeeAmount { get; private set; }

    public FeeBasis? FeeBasis { get; private set; }

    /// <summary>The last day to pay (20 working days from the day after the applicant received the notice, [川]).</summary>
    public DateOnly? FeeDue { get; private set; }

    /// <summary>The day the applicant received the fee notice, from which the days to pay run (kept to recount them).</summary>
    public DateOnly? FeeNoticeReceivedOn { get; private set; }

    public DateOnly? FeePaidOn { get; private set; }

    public ReplyOutcome? Outcome { get; private set; }

    public DateOnly? RepliedOn { get; private set; }

    /// <summary>What the reply told the applicant besides its outcome (reasons, withheld parts …); none before a reply.</summary>
    public ReplyParticulars Particulars { get; private set; } = ReplyParticulars.None;

    /// <summary>What the applicant was asked to explain in the 说明理由 request (Art 35), if one was made.</summary>
    public string? ReasonsRequested { get; private set; }

    /// <summary>The day the request reached a terminal state.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyList<RequestEvent> Events => _events.AsReadOnly();

    /// <summary>The deadline that binds now: the latest of the reply, extended and delayed-reply dates.</summary>
    public DateOnly? CurrentDue => Latest(Latest(ReplyDue, ExtendedDue), DelayedReplyDue);

    /// <summary>
    /// Lodges an application. In person and by signed-for post it is received the same day (Art 31(一)(二)) and the
    /// clocks start; by ordinary post, online or fax it waits in <see cref="RequestState.Submitted"/> for
    /// <see cref="ConfirmReceipt"/>.
    /// </summary>
    public static Result<DisclosureRequest> Submit(Submit command, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(command.Actor);
        ArgumentNullException.ThrowIfNull(command.Applicant);

        var number = Requests.TrackingNumber.TryParse(command.TrackingNumber);
        var content = (command.Content ?? "").Trim();
        if (command.Id == Guid.Empty || command.AgencyId == Guid.Empty)
        {
            return new Problem("request.idRequired", "申请和受理机关的标识不能为空");
        }

        if (!number.TryGetValue(out var trackingNumber))
        {
            return number.Problem;
        }

        if (content.Length == 0)
        {
            return new Problem("request.contentRequired", "申请内容不能为空（条例第二十九条第二款）");
        }

        if (content.Length > MaxContentLength)
        {
            return new Problem("request.contentTooLong", $"申请内容不能超过{RequestText.Number(MaxContentLength)}个字");
        }

        if (!Enum.IsDefined(command.Channel))
        {
            return new Problem("request.channel", "提交渠道无效");
        }

        // 条例 Art 29¶1: an oral application is one the office writes down for the applicant; 当面 may be written down too.
        var writtenDown = command.WrittenDownByStaff || command.Channel == Channel.Oral;
        if (writtenDown && (command.Channel is not (Channel.InPerson or Channel.Oral) || command.Actor.Role is ActorRole.Applicant or ActorRole.System))
        {
            return new Problem("request.oralApplication", "口头申请应由受理机构工作人员当面代为填写（条例第二十九条第一款）");
        }

        var request = new DisclosureRequest
        {
            Id = command.Id,
            AgencyId = command.AgencyId,
            TrackingNumber = trackingNumber.Value,
            Applicant = command.Applicant,
            Channel = command.Channel,
            WrittenDownByStaff = writtenDown,
            Content = content,
            SubmittedOn = command.Date,
            State = RequestState.Submitted,
        };

        var description = command.Channel == Channel.Oral
            ? "口头提出申请（工作人员代为填写，申请人签名确认）"
            : $"{command.Channel.DisplayName()}提交申请" + (writtenDown ? "（口头提出，工作人员代为填写）" : "");
        if (!command.Channel.NeedsConfirmation())
        {
            var received = request.StartReplyClock(command.Date, calendar);
            if (!received.TryGetValue(out var text))
            {
                return received.Problem;
            }

            request.State = RequestState.Received;
            description += "；" + command.Channel.ReceiptRule() + "。" + text;
        }
        else
        {
            description += "；待与申请人确认，确认之日为收到申请之日（条例第三十一条）";
        }

        request.Record(command, null, request.State, description);
        return request;
    }

    /// <summary>
    /// Applies a trigger. Not in the table: <c>request.transitionNotAllowed</c>. A date before the previous step's:
    /// <c>request.dateOutOfOrder</c>. Otherwise the trigger's own rules, and the calendar's problems, pass through.
    /// </summary>
    public Result<RequestEvent> Apply(RequestCommand command, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(command.Actor);

        if (!RequestTransitions.TryFind(State, command.Trigger, out var transition))
        {
            return RequestProblems.NotAllowed(State, command.Trigger);
        }

        if (RecordDates.Check(command.Date, "日期") is { } outOfRange)
        {
            return outOfRange;
        }

        if (command.Date < _events[^1].Date)
        {
            return RequestProblems.OutOfOrder(command.Date, _events[^1].Date);
        }

        // Each handler checks everything (calendar lookups included) before it changes anything.
        var handled = command switch
        {
            ConfirmReceipt c => OnConfirmReceipt(c, calendar),
            ReplyOnTheSpot c => OnReplyOnTheSpot(c),
            RejectAsNotAnApplication c => OnRejectAsNotAnApplication(c),
            RequestSupplement c => OnRequestSupplement(c),
            ReceiveSupplement c => OnReceiveSupplement(c, calendar),
            RecordSupplementExcuse c => OnRecordSupplementExcuse(c),
            SupplementLapsed c => OnSupplementLapsed(c),
            RequestReasons c => OnRequestReasons(c),
            ReasonsRejected => "认定申请理由不合理，告知申请人不予处理（条例第三十五条）",
            ReasonsAccepted c => OnReasonsAccepted(c),
            StartProcessing => "申请内容明确，开始办理",
            StartThirdPartyConsultation c => OnStartConsultation(c.Date, c.LetterReceivedOn, c.ThirdParty, "第三方", "条例第三十二条", calendar),
            EndThirdPartyConsultation c => OnEndThirdPartyConsultation(c, calendar),
            StartAgencyConsultation c => OnStartConsultation(c.Date, c.LetterReceivedOn, c.OtherAgency, "其他机关", "条例第三十四条", calendar),
            EndAgencyConsultation c => OnEndAgencyConsultation(c, calendar),
            RequestExtension c => OnRequestExtension(c),
            Extend c => OnExtend(c, calendar),
            RefuseExtension c => OnRefuseExtension(c),
            IssueFeeNotice c => OnIssueFeeNotice(c, calendar),
            FeePaid c => OnFeePaid(c),
            FeeLapsed c => OnFeeLapsed(c),
            Reply c => OnReply(c, calendar),
            Withdraw c => string.IsNullOrWhiteSpace(c.Reason) ? "申请人撤回申请" : $"申请人撤回申请：{c.Reason.Trim()}",
            _ => throw new UnreachableException($"No handler for {command.GetType().Name} ({command.Trigger})."),
        };

        if (!handled.TryGetValue(out var description))
        {
            return handled.Problem;
        }

        var from = State;
        State = transition.To;
        if (State.IsTerminal())
        {
            // An extension still awaiting the head lapses with the procedure: there is nothing left to extend.
            ClosedOn = command.Date;
            ClearPendingExtension();
        }

        return Record(command, from, State, description);
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>Fixes the receipt date and starts the Art 33 and Art 30 clocks from it.</summary>
    private Result<string> StartReplyClock(DateOnly receivedOn, WorkCalendar calendar)
    {
        var replyDue = StatutoryDeadline.Reply.CountFrom(calendar, receivedOn);
        if (!replyDue.TryGetValue(out var due))
        {
            return replyDue.Problem;
        }

        DateOnly? noticeDue = null;
        if (!SupplementRequested)
        {
            var notice = StatutoryDeadline.SupplementNotice.CountFrom(calendar, receivedOn);
            if (!notice.TryGetValue(out var n))
            {
                return notice.Problem;
            }

            noticeDue = n;
        }

        ReceivedOn = receivedOn;
        ReplyDue = due;
        SupplementNoticeDue = noticeDue;
        ExcludedWorkingDays = 0;
        return $"收到申请之日为{RequestText.Date(receivedOn)}，应于{RequestText.Due(due, calendar)}前答复（条例第三十三条）";
    }

    private RequestEvent Record(RequestCommand command, RequestState? from, RequestState to, string description)
    {
        var e = new RequestEvent(
            _events.Count + 1, command.Trigger, from, to, command.Actor, command.Date, command.At,
            ReplyDue, ExtendedDue, SupplementNoticeDue, DelayedReplyDue, description);
        _events.Add(e);
        return e;
    }
}
