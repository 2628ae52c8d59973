namespace Gongkai.Domain.Requests;

/// <summary>
/// One step of the procedure, appended for every transition: who did what, when, and the deadlines as they stand
/// after the step. <paramref name="FromState"/> is null for the lodging event. Dates are the statutory dates
/// (China Standard Time); <paramref name="At"/> is when the step was recorded.
/// </summary>
/// <param name="ReplyDue">20 working days after the receipt date plus excluded consultation days (Art 33); null while
/// no reply clock runs (before confirmation, while awaiting a 补正).</param>
/// <param name="ExtendedDue">The deadline after the one Art 33¶2 extension, if granted.</param>
/// <param name="SupplementNoticeDue">The last day a 补正告知 can be sent (Art 30: 7 working days), until one is sent.</param>
/// <param name="DelayedReplyDue">The reply date the agency fixed under Art 35, if any.</param>
public sealed record RequestEvent(
    int Sequence,
    RequestTrigger Trigger,
    RequestState? FromState,
    RequestState ToState,
    Actor Actor,
    DateOnly Date,
    DateTimeOffset At,
    DateOnly? ReplyDue,
    DateOnly? ExtendedDue,
    DateOnly? SupplementNoticeDue,
    DateOnly? DelayedReplyDue,
    string Description)
{
    // For EF Core, which cannot pass the owned Actor to a constructor; it sets the properties itself.
    private RequestEvent()
        : this(0, default, null, default, null!, default, default, null, null, null, null, "")
    {
    }
}
