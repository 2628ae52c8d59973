using Gongkai.Domain.Proactive;
using static Gongkai.Domain.Tests.Proactive.ItemScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Proactive;

/// <summary>The review workflow's table: every row works, every pair outside it is refused the same way (STYLE.md habit 5).</summary>
public sealed class ItemTransitionTests
{
    public static TheoryData<ItemState, ItemTrigger, ItemState> Rows()
    {
        var data = new TheoryData<ItemState, ItemTrigger, ItemState>();
        foreach (var row in ItemTransitions.All)
        {
            data.Add(row.From, row.Trigger, row.To);
        }

        return data;
    }

    public static TheoryData<ItemState, ItemTrigger> PairsNotInTable()
    {
        var data = new TheoryData<ItemState, ItemTrigger>();
        foreach (var state in Enum.GetValues<ItemState>())
        {
            foreach (var trigger in Enum.GetValues<ItemTrigger>())
            {
                if (!ItemTransitions.TryFind(state, trigger, out _))
                {
                    data.Add(state, trigger);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Apply_RowOfTheTable_MovesToTargetAndRecordsEvent(ItemState from, ItemTrigger trigger, ItemState to)
    {
        var item = InState(from);
        var before = item.Events.Count;

        var e = Ok(item.Apply(Command(trigger, item)));

        Assert.Equal(to, item.State);
        Assert.Equal(before + 1, item.Events.Count);
        Assert.Same(e, item.Events[^1]);
        Assert.Equal((before + 1, trigger, (ItemState?)from, to, item.Version), (e.Sequence, e.Trigger, e.FromState, e.ToState, e.Version));
        Assert.False(string.IsNullOrWhiteSpace(e.Description));
    }

    [Theory]
    [MemberData(nameof(PairsNotInTable))]
    public void Apply_PairNotInTable_TransitionNotAllowedAndNothingChanges(ItemState state, ItemTrigger trigger)
    {
        var item = InState(state);
        var before = Snapshot(item);

        var problem = Fails(item.Apply(Command(trigger, item)), ItemProblems.TransitionNotAllowed);

        Assert.Equal($"当前状态“{state.DisplayName()}”不允许执行“{trigger.DisplayName()}”", problem.Message);
        Assert.Equal(before, Snapshot(item));
    }

    [Fact]
    public void Table_PairsInAndOutOfTable_CoverEveryStateAndTrigger()
    {
        var pairs = Enum.GetValues<ItemState>().Length * Enum.GetValues<ItemTrigger>().Length;
        Assert.Equal(pairs, ItemTransitions.All.Count + PairsNotInTable().Count);
        Assert.Equal(ItemTransitions.All.Count, ItemTransitions.All.Select(t => (t.From, t.Trigger)).Distinct().Count());
    }

    [Fact]
    public void Table_EveryStateReachableFromDraft()
    {
        foreach (var state in Enum.GetValues<ItemState>())
        {
            _ = PathTo(state);
        }
    }

    [Fact]
    public void Table_Publish_OnlyFromApprovedStates() =>
        Assert.All(
            ItemTransitions.All.Where(t => t.To == ItemState.Published && t.Trigger == ItemTrigger.Publish),
            t => Assert.Contains(t.From, new[] { ItemState.Approved, ItemState.UpdateApproved }));

    [Fact]
    public void Table_NothingReachesPublicWithoutPassingApprovedFirst()
    {
        // Remove the approved states: no path from Draft may then reach a public state.
        var reachable = new HashSet<ItemState> { ItemState.Draft };
        var queue = new Queue<ItemState>([ItemState.Draft]);
        while (queue.Count > 0)
        {
            var from = queue.Dequeue();
            foreach (var row in ItemTransitions.All.Where(t => t.From == from && t.To != ItemState.Approved && reachable.Add(t.To)))
            {
                queue.Enqueue(row.To);
            }
        }

        Assert.DoesNotContain(reachable, s => s.IsPublic());
    }

    [Fact]
    public void Table_Withdrawn_IsTerminalAndReachableFromEveryPublicState()
    {
        Assert.DoesNotContain(ItemTransitions.All, t => t.From.IsTerminal());
        foreach (var state in Enum.GetValues<ItemState>().Where(s => s.IsPublic()))
        {
            Assert.True(ItemTransitions.TryFind(state, ItemTrigger.Withdraw, out var row), state.ToString());
            Assert.Equal(ItemState.Withdrawn, row.To);
        }
    }

    [Fact]
    public void Table_UpdateStates_StayPublicUntilWithdrawn() =>
        Assert.All(
            ItemTransitions.All.Where(t => t.From.IsPublic()),
            t => Assert.True(t.To.IsPublic() || t.To == ItemState.Withdrawn, $"{t.From} --{t.Trigger}--> {t.To}"));

    [Fact]
    public void Table_CreateAndImport_NeverATransition() =>
        Assert.DoesNotContain(ItemTransitions.All, t => t.Trigger is ItemTrigger.Create or ItemTrigger.Import);

    [Fact]
    public void DisplayNames_EveryStateTriggerAndRole_DistinctChinese()
    {
        var states = Enum.GetValues<ItemState>().Select(s => s.DisplayName()).ToList();
        var triggers = Enum.GetValues<ItemTrigger>().Select(t => t.DisplayName()).ToList();
        var roles = Enum.GetValues<ItemRole>().Select(r => r.DisplayName()).ToList();
        Assert.Equal(states.Count, states.Distinct().Count());
        Assert.Equal(triggers.Count, triggers.Distinct().Count());
        Assert.Equal(roles.Count, roles.Distinct().Count());
    }
}
