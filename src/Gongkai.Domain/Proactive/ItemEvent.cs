namespace Gongkai.Domain.Proactive;

/// <summary>
/// One step of an item's workflow, appended for every transition: who did what, when, to which version.
/// <paramref name="FromState"/> is null for the first event (Create, Import). <paramref name="Date"/> is the
/// statutory date (China Standard Time); <paramref name="At"/> is when the step was recorded.
/// </summary>
/// <param name="Version">The item's working version after the step.</param>
public sealed record ItemEvent(
    int Sequence,
    ItemTrigger Trigger,
    ItemState? FromState,
    ItemState ToState,
    ItemActor Actor,
    DateOnly Date,
    DateTimeOffset At,
    int Version,
    string Description)
{
    // For EF Core, which cannot pass the Actor to a constructor; it sets the properties itself.
    private ItemEvent()
        : this(0, default, null, default, null!, default, default, 0, "")
    {
    }
}
