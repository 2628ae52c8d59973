namespace Gongkai.Domain.Proactive;

/// <summary>
/// What a trigger carries: who acts, the date of the step (<paramref name="Date"/>) and when it was recorded
/// (<paramref name="At"/>). One small record per <see cref="ItemTrigger"/>, applied with <see cref="DisclosureItem.Apply"/>.
/// </summary>
public abstract record ItemCommand(ItemActor Actor, DateOnly Date, DateTimeOffset At)
{
    public abstract ItemTrigger Trigger { get; }
}

/// <summary>A new draft; the actor is its author.</summary>
public sealed record CreateItem(ItemActor Actor, DateOnly Date, DateTimeOffset At, Guid Id, Guid AgencyId, ItemContent Content)
    : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Create;
}

/// <summary>
/// An item published before the platform, from an office's 台账; <paramref name="Date"/> is the day it was
/// published. Admin or system only.
/// </summary>
public sealed record ImportItem(ItemActor Actor, DateOnly Date, DateTimeOffset At, Guid Id, Guid AgencyId, ItemContent Content)
    : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Import;
}

/// <summary>Replaces the working version's content.</summary>
public sealed record ReviseItem(ItemActor Actor, DateOnly Date, DateTimeOffset At, ItemContent Content) : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Revise;
}

public sealed record SubmitItem(ItemActor Actor, DateOnly Date, DateTimeOffset At) : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Submit;
}

/// <param name="Note">The reviewer's remarks, if any.</param>
/// <param name="ShownAttachments">The SHA-256 of each attachment the reviewer was shown (the review form carries them);
/// the approval is refused when the version's attachments are no longer these. Null only for a caller that shows no
/// form (a process, the demo seeder): the version's attachments are then recorded as they are.</param>
public sealed record ApproveItem(ItemActor Actor, DateOnly Date, DateTimeOffset At, string? Note = null, IReadOnlyList<string>? ShownAttachments = null)
    : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Approve;
}

/// <param name="Reason">Why the version may not be published as it is; required.</param>
public sealed record RejectItem(ItemActor Actor, DateOnly Date, DateTimeOffset At, string Reason) : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Reject;
}

/// <summary>Publication of the approved version on <paramref name="Date"/>, the 公开日期.</summary>
public sealed record PublishItem(ItemActor Actor, DateOnly Date, DateTimeOffset At) : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Publish;
}

/// <summary>A new version of a published item; its <see cref="ItemContent.FormedOn"/> is the day the information changed.</summary>
public sealed record DraftItemUpdate(ItemActor Actor, DateOnly Date, DateTimeOffset At, ItemContent Content) : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.DraftUpdate;
}

public sealed record DiscardItemUpdate(ItemActor Actor, DateOnly Date, DateTimeOffset At) : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.DiscardUpdate;
}

/// <param name="Reason">Why the item is taken down (e.g. no longer accurate, found to contain withheld information); required.</param>
public sealed record WithdrawItem(ItemActor Actor, DateOnly Date, DateTimeOffset At, string Reason) : ItemCommand(Actor, Date, At)
{
    public override ItemTrigger Trigger => ItemTrigger.Withdraw;
}
