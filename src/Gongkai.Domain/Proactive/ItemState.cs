namespace Gongkai.Domain.Proactive;

/// <summary>
/// Where a disclosure item is in its review workflow. Before the first publication: Draft → Submitted → Approved
/// (or Rejected → Draft) → Published. An update of a published item runs the same cycle in the Update* states, in
/// which the published version stays visible until the new one is published. Withdrawn is terminal.
/// </summary>
public enum ItemState
{
    /// <summary>Being written; never published.</summary>
    Draft,

    /// <summary>Waiting for the 保密审查 (条例 Art 17); the content is frozen.</summary>
    Submitted,

    /// <summary>The review refused it with a reason; the author revises it.</summary>
    Rejected,

    /// <summary>The review approved this version; it may be published as it is.</summary>
    Approved,

    /// <summary>Public.</summary>
    Published,

    /// <summary>Public; a new version (a change, Art 26 "变更") is being written.</summary>
    UpdateDrafted,

    /// <summary>Public; the new version waits for the 保密审查.</summary>
    UpdateSubmitted,

    /// <summary>Public; the review refused the new version.</summary>
    UpdateRejected,

    /// <summary>Public; the new version is approved and may replace the published one.</summary>
    UpdateApproved,

    /// <summary>No longer public; its versions and events are kept.</summary>
    Withdrawn,
}

public static class ItemStates
{
    public static bool IsTerminal(this ItemState state) => state == ItemState.Withdrawn;

    /// <summary>True when a published version is visible to the public.</summary>
    public static bool IsPublic(this ItemState state) =>
        state is ItemState.Published or ItemState.UpdateDrafted or ItemState.UpdateSubmitted
            or ItemState.UpdateRejected or ItemState.UpdateApproved;

    public static string DisplayName(this ItemState state) => state switch
    {
        ItemState.Draft => "草稿",
        ItemState.Submitted => "待保密审查",
        ItemState.Rejected => "保密审查未通过",
        ItemState.Approved => "保密审查通过，待公开",
        ItemState.Published => "已公开",
        ItemState.UpdateDrafted => "已公开，更新稿编辑中",
        ItemState.UpdateSubmitted => "已公开，更新稿待保密审查",
        ItemState.UpdateRejected => "已公开，更新稿保密审查未通过",
        ItemState.UpdateApproved => "已公开，更新稿保密审查通过，待公开",
        ItemState.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
