using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Gongkai.Domain.Proactive;

/// <summary>One allowed transition: in <paramref name="From"/>, <paramref name="Trigger"/> leads to <paramref name="To"/>.</summary>
public sealed record ItemTransition(ItemState From, ItemTrigger Trigger, ItemState To, string Basis);

/// <summary>
/// The review workflow's transition table, as data. Every (state, trigger) pair that is not a row here is refused
/// with the same problem, <c>item.transitionNotAllowed</c>. Rows that pass the table can still be refused by a rule
/// of the trigger (who may act, a reason, the dates, the approval of the current version); those rules are in
/// DisclosureItem. Publish is reachable only from an approved state: nothing is published unreviewed (Art 17).
/// </summary>
public static class ItemTransitions
{
    public static IReadOnlyList<ItemTransition> All { get; } =
    [
        new(ItemState.Draft, ItemTrigger.Revise, ItemState.Draft, "编辑草稿"),
        new(ItemState.Draft, ItemTrigger.Submit, ItemState.Submitted, "条例第十七条"),

        new(ItemState.Submitted, ItemTrigger.Approve, ItemState.Approved, "条例第十七条"),
        new(ItemState.Submitted, ItemTrigger.Reject, ItemState.Rejected, "条例第十七条"),

        new(ItemState.Rejected, ItemTrigger.Revise, ItemState.Draft, "按审查意见修改"),

        new(ItemState.Approved, ItemTrigger.Revise, ItemState.Draft, "修改后须重新审查"),
        new(ItemState.Approved, ItemTrigger.Publish, ItemState.Published, "条例第十九条、第二十条、第二十三条"),

        new(ItemState.Published, ItemTrigger.DraftUpdate, ItemState.UpdateDrafted, "条例第二十六条（变更）"),
        new(ItemState.Published, ItemTrigger.Withdraw, ItemState.Withdrawn, "撤回公开"),

        new(ItemState.UpdateDrafted, ItemTrigger.Revise, ItemState.UpdateDrafted, "编辑更新稿"),
        new(ItemState.UpdateDrafted, ItemTrigger.Submit, ItemState.UpdateSubmitted, "条例第十七条"),
        new(ItemState.UpdateDrafted, ItemTrigger.DiscardUpdate, ItemState.Published, "放弃更新"),
        new(ItemState.UpdateDrafted, ItemTrigger.Withdraw, ItemState.Withdrawn, "撤回公开"),

        new(ItemState.UpdateSubmitted, ItemTrigger.Approve, ItemState.UpdateApproved, "条例第十七条"),
        new(ItemState.UpdateSubmitted, ItemTrigger.Reject, ItemState.UpdateRejected, "条例第十七条"),
        new(ItemState.UpdateSubmitted, ItemTrigger.Withdraw, ItemState.Withdrawn, "撤回公开"),

        new(ItemState.UpdateRejected, ItemTrigger.Revise, ItemState.UpdateDrafted, "按审查意见修改"),
        new(ItemState.UpdateRejected, ItemTrigger.DiscardUpdate, ItemState.Published, "放弃更新"),
        new(ItemState.UpdateRejected, ItemTrigger.Withdraw, ItemState.Withdrawn, "撤回公开"),

        new(ItemState.UpdateApproved, ItemTrigger.Revise, ItemState.UpdateDrafted, "修改后须重新审查"),
        new(ItemState.UpdateApproved, ItemTrigger.Publish, ItemState.Published, "条例第二十六条"),
        new(ItemState.UpdateApproved, ItemTrigger.DiscardUpdate, ItemState.Published, "放弃更新"),
        new(ItemState.UpdateApproved, ItemTrigger.Withdraw, ItemState.Withdrawn, "撤回公开"),
    ];

    private static readonly FrozenDictionary<(ItemState, ItemTrigger), ItemTransition> Table =
        All.ToFrozenDictionary(t => (t.From, t.Trigger));

    public static bool TryFind(ItemState from, ItemTrigger trigger, [NotNullWhen(true)] out ItemTransition? transition) =>
        Table.TryGetValue((from, trigger), out transition);
}
