namespace Gongkai.Domain.Requests;

/// <summary>
/// What a trigger carries: who acts, the statutory date of the step (<paramref name="Date"/>) and when it was
/// recorded (<paramref name="At"/>). One small record per <see cref="RequestTrigger"/>, applied with
/// <see cref="DisclosureRequest.Apply"/>.
/// </summary>
public abstract record RequestCommand(Actor Actor, DateOnly Date, DateTimeOffset At)
{
    public abstract RequestTrigger Trigger { get; }
}

/// <summary>
/// An application taken over from an office's existing 台账: the receipt date, and for a concluded one its outcome
/// and reply date. The ledger holds no steps in between, so none are invented. <paramref name="Reasons"/> is the
/// ledger's 答复理由, required for the outcomes that need reasons (<see cref="ReplyParticularsRule.CheckImported"/>).
/// </summary>
public sealed record ImportFromLedger(
    Actor Actor, DateOnly Date, DateTimeOffset At, Guid Id, Guid AgencyId, string TrackingNumber, Applicant Applicant,
    Channel Channel, string Content, DateOnly ReceivedOn, ReplyOutcome? Outcome, DateOnly? RepliedOn, string? Reasons = null) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.Import;
}

/// <summary>Lodging (Art 29); <paramref name="Date"/> is the day the application reached the agency.</summary>
/// <param name="WrittenDownByStaff">An oral application the disclosure office wrote down (Art 29¶1); the
/// <see cref="RequestCommand.Actor"/> is who wrote it. In person only.</param>
public sealed record Submit(
    Actor Actor, DateOnly Date, DateTimeOffset At, Guid Id, Guid AgencyId, string TrackingNumber, Applicant Applicant,
    Channel Channel, string Content, bool WrittenDownByStaff = false) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.Submit;
}

/// <summary>The confirmation with the applicant that fixes the receipt date (Art 31(二)(三)): <paramref name="Date"/>.</summary>
public sealed record ConfirmReceipt(Actor Actor, DateOnly Date, DateTimeOffset At) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.ConfirmReceipt;
}

/// <param name="Particulars">What the reply tells the applicant besides its outcome (<see cref="ReplyParticularsRule"/>); none when null.</param>
public sealed record ReplyOnTheSpot(Actor Actor, DateOnly Date, DateTimeOffset At, ReplyOutcome Outcome, ReplyParticulars? Particulars = null)
    : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.ReplyOnTheSpot;
}

/// <param name="ProperChannel">The channel the applicant may use instead (信访, 投诉, 举报), if told (Art 39¶1).</param>
public sealed record RejectAsNotAnApplication(Actor Actor, DateOnly Date, DateTimeOffset At, string? ProperChannel = null)
    : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.RejectAsNotAnApplication;
}

/// <param name="Items">Everything to correct, all in this one notice (Art 30: 一次性告知).</param>
/// <param name="PeriodEnd">The last day of the 合理的补正期限 the agency sets (inclusive); after the notice date.</param>
public sealed record RequestSupplement(
    Actor Actor, DateOnly Date, DateTimeOffset At, IReadOnlyList<string> Items, DateOnly PeriodEnd) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.RequestSupplement;
}

/// <summary>The corrected application arrived on <paramref name="Date"/>, the new receipt date (Art 30).</summary>
public sealed record ReceiveSupplement(Actor Actor, DateOnly Date, DateTimeOffset At) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.ReceiveSupplement;
}

/// <summary>A 正当理由 for not correcting in time (Art 30), with the further period the agency allows.</summary>
/// <param name="NewPeriodEnd">The new last day for the correction (inclusive), not before <paramref name="Date"/>.</param>
public sealed record RecordSupplementExcuse(
    Actor Actor, DateOnly Date, DateTimeOffset At, string Reason, DateOnly NewPeriodEnd) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.RecordSupplementExcuse;
}

public sealed record SupplementLapsed(Actor Actor, DateOnly Date, DateTimeOffset At) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.SupplementLapsed;
}

/// <summary>The 说明理由 request of Art 35: the applicant is asked to explain the volume or frequency of the applications.</summary>
/// <param name="Explain">What the applicant must explain (the 说明理由告知书's text); required.</param>
public sealed record RequestReasons(Actor Actor, DateOnly Date, DateTimeOffset At, string? Explain = null) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.RequestReasons;
}

public sealed record ReasonsRejected(Actor Actor, DateOnly Date, DateTimeOffset At) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.ReasonsRejected;
}

/// <param name="DelayedReplyDue">The 延迟答复的合理期限 the agency fixes when it cannot reply within the Art 33 period
/// (Art 35); later than the current deadline.</param>
public sealed record ReasonsAccepted(Actor Actor, DateOnly Date, DateTimeOffset At, DateOnly? DelayedReplyDue = null)
    : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.ReasonsAccepted;
}

public sealed record StartProcessing(Actor Actor, DateOnly Date, DateTimeOffset At) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.StartProcessing;
}

/// <summary>The 征求意见书 was sent on <paramref name="Date"/> and received by the third party on <paramref name="LetterReceivedOn"/>.</summary>
public sealed record StartThirdPartyConsultation(
    Actor Actor, DateOnly Date, DateTimeOffset At, string ThirdParty, DateOnly LetterReceivedOn) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.StartThirdPartyConsultation;
}

/// <param name="OpinionReceived">False when the 15 working days ran out without an opinion (Art 32: the agency decides).</param>
public sealed record EndThirdPartyConsultation(Actor Actor, DateOnly Date, DateTimeOffset At, bool OpinionReceived)
    : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.EndThirdPartyConsultation;
}

public sealed record StartAgencyConsultation(
    Actor Actor, DateOnly Date, DateTimeOffset At, string OtherAgency, DateOnly LetterReceivedOn) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.StartAgencyConsultation;
}

/// <param name="OpinionReceived">False when the 15 working days ran out: deemed consent (Art 34).</param>
public sealed record EndAgencyConsultation(Actor Actor, DateOnly Date, DateTimeOffset At, bool OpinionReceived)
    : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.EndAgencyConsultation;
}

/// <summary>The handler asks for the one extension of Art 33¶2 on <paramref name="Date"/>; nothing moves until the head decides.</summary>
/// <param name="WorkingDays">1 to 20.</param>
public sealed record RequestExtension(Actor Actor, DateOnly Date, DateTimeOffset At, string Reason, int WorkingDays) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.RequestExtension;
}

/// <summary>
/// The head's consent (Art 33¶2) to the extension requested, given on <paramref name="Date"/>: the
/// <see cref="RequestCommand.Actor"/> is the head (<see cref="ActorRole.OfficeHead"/>), never the one who asked.
/// </summary>
/// <param name="ApplicantNotifiedOn">The day the applicant was told (告知申请人).</param>
public sealed record Extend(Actor Actor, DateOnly Date, DateTimeOffset At, DateOnly ApplicantNotifiedOn) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.Extend;
}

/// <summary>The head refuses the extension requested; the deadline stays. <paramref name="Reason"/> may be empty.</summary>
public sealed record RefuseExtension(Actor Actor, DateOnly Date, DateTimeOffset At, string? Reason = null) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.RefuseExtension;
}

/// <param name="Amount">The fee in 元 (see <see cref="ProcessingFee"/>).</param>
/// <param name="NoticeReceivedOn">The day the applicant received the notice; the 20 working days to pay run from the next day.</param>
public sealed record IssueFeeNotice(
    Actor Actor, DateOnly Date, DateTimeOffset At, decimal Amount, FeeBasis Basis, DateOnly NoticeReceivedOn)
    : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.IssueFeeNotice;
}

public sealed record FeePaid(Actor Actor, DateOnly Date, DateTimeOffset At) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.FeePaid;
}

public sealed record FeeLapsed(Actor Actor, DateOnly Date, DateTimeOffset At) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.FeeLapsed;
}

/// <param name="Particulars">What the reply tells the applicant besides its outcome (<see cref="ReplyParticularsRule"/>); none when null.</param>
public sealed record Reply(Actor Actor, DateOnly Date, DateTimeOffset At, ReplyOutcome Outcome, ReplyParticulars? Particulars = null)
    : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.Reply;
}

public sealed record Withdraw(Actor Actor, DateOnly Date, DateTimeOffset At, string? Reason = null) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.Withdraw;
}

/// <summary>
/// Count the running deadlines again on the calendar now in force; <paramref name="Reason"/> says why (the notice
/// loaded), e.g. “国务院办公厅2027年放假安排已载入”.
/// </summary>
public sealed record RecalculateDeadlines(Actor Actor, DateOnly Date, DateTimeOffset At, string Reason) : RequestCommand(Actor, Date, At)
{
    public override RequestTrigger Trigger => RequestTrigger.RecalculateDeadlines;
}
