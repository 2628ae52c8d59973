namespace Gongkai.Domain.Proactive;

/// <summary>What moves an item from one state to the next; each has its command in ItemCommands.cs.</summary>
public enum ItemTrigger
{
    /// <summary>A new draft: only ever the first event, made by <see cref="DisclosureItem.Create"/>.</summary>
    Create,

    /// <summary>Replaces the draft's content; after a rejection or an approval it goes back to drafting.</summary>
    Revise,

    /// <summary>Hands the draft to the 保密审查 (条例 Art 17).</summary>
    Submit,
    Approve,
    Reject,
    Publish,

    /// <summary>Starts a new version of a published item (a change, Art 26 "变更").</summary>
    DraftUpdate,

    /// <summary>Drops an unpublished new version; the published one stays as it is.</summary>
    DiscardUpdate,
    Withdraw,

    /// <summary>
    /// Taken over, already published, from an office's existing 台账 (its review recorded there): only ever the
    /// first event, made by <see cref="DisclosureItem.Import"/>.
    /// </summary>
    Import,
}

public static class ItemTriggers
{
    public static string DisplayName(this ItemTrigger trigger) => trigger switch
    {
        ItemTrigger.Create => "新建草稿",
        ItemTrigger.Revise => "修改",
        ItemTrigger.Submit => "提交保密审查",
        ItemTrigger.Approve => "保密审查通过",
        ItemTrigger.Reject => "保密审查不通过",
        ItemTrigger.Publish => "公开",
        ItemTrigger.DraftUpdate => "起草更新",
        ItemTrigger.DiscardUpdate => "放弃更新",
        ItemTrigger.Withdraw => "撤回",
        ItemTrigger.Import => "从原台账导入",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
