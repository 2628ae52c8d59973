using Gongkai.Domain.Proactive;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Proactive;

/// <summary>Builders for items in any state, and a valid sample command for every trigger.</summary>
internal static class ItemScenario
{
    public static readonly Guid AgencyId = Guid.NewGuid();

    /// <summary>The worked example's date (spec §12): formed and created on a Thursday before 国庆 2020.</summary>
    public static readonly DateOnly Day = new(2020, 9, 24);

    public static readonly ItemActor Author = new("staff-1", "王科员", ItemRole.Staff);
    public static readonly ItemActor Colleague = new("staff-2", "刘科员", ItemRole.Staff);
    public static readonly ItemActor Reviewer = new("reviewer-1", "李审查", ItemRole.Reviewer);
    public static readonly ItemActor Admin = new("admin-1", "赵管理", ItemRole.Admin);
    public static readonly ItemActor Platform = new("system", "系统", ItemRole.System);

    public static readonly CategoryTree Tree = CategoryTree.Create(DefaultCategories.Create(AgencyId).Value).Value;

    public static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    public static Category CategoryAt(string path) =>
        Tree.FindByPath(path) ?? throw new InvalidOperationException($"No default category {path}");

    public static ItemContent Content(string title = "东城区对口支援拉萨市当雄县工作动态", DateOnly? formedOn = null, string category = "业务动态") =>
        new()
        {
            Category = CategoryAt(category),
            Title = title,
            FormedOn = formedOn ?? Day,
            FullTextElectronic = true,
            Body = "9月24日，东城区对外联络服务办公室赴当雄县开展对口支援工作调研。",
        };

    public static DisclosureItem Draft(ItemActor? author = null, ItemContent? content = null, DateOnly? on = null)
    {
        var date = on ?? Day;
        return Ok(DisclosureItem.Create(new CreateItem(author ?? Author, date, At(date), Guid.NewGuid(), AgencyId, content ?? Content())));
    }

    /// <summary>Applies a command dated on the item's last event date (or <paramref name="on"/>), expecting success.</summary>
    public static ItemEvent Step(DisclosureItem item, ItemTrigger trigger, DateOnly? on = null) =>
        Ok(item.Apply(Command(trigger, item, on)));

    /// <summary>Drafted, submitted, approved and published on <see cref="Day"/> (or <paramref name="on"/>).</summary>
    public static DisclosureItem Published(DateOnly? on = null)
    {
        var item = Draft();
        Step(item, ItemTrigger.Submit);
        Step(item, ItemTrigger.Approve);
        Step(item, ItemTrigger.Publish, on);
        return item;
    }

    /// <summary>An item in <paramref name="state"/>, reached by the shortest path through the table from Draft.</summary>
    public static DisclosureItem InState(ItemState state)
    {
        var item = Draft();
        foreach (var trigger in PathTo(state))
        {
            Step(item, trigger);
        }

        Assert.Equal(state, item.State);
        return item;
    }

    /// <summary>The shortest trigger sequence from Draft to <paramref name="state"/> (breadth-first over the table).</summary>
    public static IReadOnlyList<ItemTrigger> PathTo(ItemState state)
    {
        var paths = new Dictionary<ItemState, List<ItemTrigger>> { [ItemState.Draft] = [] };
        var queue = new Queue<ItemState>([ItemState.Draft]);
        while (queue.Count > 0)
        {
            var from = queue.Dequeue();
            foreach (var row in ItemTransitions.All.Where(t => t.From == from && !paths.ContainsKey(t.To)))
            {
                paths[row.To] = [.. paths[from], row.Trigger];
                queue.Enqueue(row.To);
            }
        }

        return paths.TryGetValue(state, out var path) ? path : throw new InvalidOperationException($"{state} is unreachable");
    }

    /// <summary>A command for <paramref name="trigger"/> that passes the trigger's own rules wherever the table allows it.</summary>
    public static ItemCommand Command(ItemTrigger trigger, DisclosureItem item, DateOnly? on = null)
    {
        var d = on ?? item.Events[^1].Date;
        var at = At(d);
        return trigger switch
        {
            ItemTrigger.Create => new CreateItem(Author, d, at, Guid.NewGuid(), AgencyId, Content()),
            ItemTrigger.Import => new ImportItem(Admin, d, at, Guid.NewGuid(), AgencyId, Content()),
            ItemTrigger.Revise => new ReviseItem(Author, d, at, Content(item.Title + "（修改）", item.FormedOn)),
            ItemTrigger.Submit => new SubmitItem(Author, d, at),
            ItemTrigger.Approve => new ApproveItem(Reviewer, d, at, "不涉及国家秘密"),
            ItemTrigger.Reject => new RejectItem(Reviewer, d, at, "含有内部工作流程信息，请删除第二段"),
            ItemTrigger.Publish => new PublishItem(Author, d, at),
            ItemTrigger.DraftUpdate => new DraftItemUpdate(Author, d, at, Content(item.Title + "（更新）", d)),
            ItemTrigger.DiscardUpdate => new DiscardItemUpdate(Author, d, at),
            ItemTrigger.Withdraw => new WithdrawItem(Reviewer, d, at, "信息已过时，不再适用"),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }

    /// <summary>Everything a refused command must leave as it was.</summary>
    public static object Snapshot(DisclosureItem item) => (
        item.State, item.Version, item.Title, item.FormedOn, item.Approval, item.RejectionReason, item.PublishedOn,
        item.FirstPublishedOn, item.WithdrawnOn, item.ComputeContentHash(),
        string.Join('|', item.Versions.Select(v => v.Number)), string.Join('|', item.Events.Select(e => e.Sequence)));
}
