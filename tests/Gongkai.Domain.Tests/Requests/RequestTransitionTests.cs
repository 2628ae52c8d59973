using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>The transition table: every row works, every pair outside it is refused the same way (STYLE.md habit 5).</summary>
public sealed class RequestTransitionTests
{
    public static TheoryData<RequestState, RequestTrigger, RequestState> Rows()
    {
        var data = new TheoryData<RequestState, RequestTrigger, RequestState>();
        foreach (var row in RequestTransitions.All)
        {
            data.Add(row.From, row.Trigger, row.To);
        }

        return data;
    }

    public static TheoryData<RequestState, RequestTrigger> PairsNotInTable()
    {
        var data = new TheoryData<RequestState, RequestTrigger>();
        foreach (var state in Enum.GetValues<RequestState>())
        {
            foreach (var trigger in Enum.GetValues<RequestTrigger>())
            {
                if (!RequestTransitions.TryFind(state, trigger, out _))
                {
                    data.Add(state, trigger);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Apply_RowOfTheTable_MovesToTargetAndRecordsEvent(RequestState from, RequestTrigger trigger, RequestState to)
    {
        // The head decides an extension only once one was asked for.
        var request = trigger is RequestTrigger.Extend or RequestTrigger.RefuseExtension ? WithPendingExtension(from) : InState(from);
        var before = request.Events.Count;

        var e = Ok(request.Apply(Command(trigger, request), OfficialCalendar));

        Assert.Equal(to, request.State);
        Assert.Equal(before + 1, request.Events.Count);
        Assert.Same(e, request.Events[^1]);
        Assert.Equal((before + 1, trigger, (RequestState?)from, to), (e.Sequence, e.Trigger, e.FromState, e.ToState));
        Assert.False(string.IsNullOrWhiteSpace(e.Description));
    }

    [Theory]
    [MemberData(nameof(PairsNotInTable))]
    public void Apply_PairNotInTable_TransitionNotAllowedAndNothingChanges(RequestState state, RequestTrigger trigger)
    {
        var request = InState(state);
        var events = request.Events.ToList();
        var (replyDue, receivedOn, outcome) = (request.ReplyDue, request.ReceivedOn, request.Outcome);

        var problem = Fails(request.Apply(Command(trigger, request), OfficialCalendar), RequestProblems.TransitionNotAllowed);

        Assert.Equal($"当前状态“{state.DisplayName()}”不允许执行“{trigger.DisplayName()}”", problem.Message);
        Assert.Equal(state, request.State);
        Assert.Equal(events, request.Events);
        Assert.Equal((replyDue, receivedOn, outcome), (request.ReplyDue, request.ReceivedOn, request.Outcome));
    }

    [Fact]
    public void Table_PairsInAndOutOfTable_CoverEveryStateAndTrigger()
    {
        var pairs = Enum.GetValues<RequestState>().Length * Enum.GetValues<RequestTrigger>().Length;
        Assert.Equal(pairs, RequestTransitions.All.Count + PairsNotInTable().Count);
        Assert.Equal(RequestTransitions.All.Count, RequestTransitions.All.Select(t => (t.From, t.Trigger)).Distinct().Count());
    }

    [Fact]
    public void Table_EveryStateReachableFromSubmitted()
    {
        foreach (var state in Enum.GetValues<RequestState>())
        {
            _ = PathTo(state);
        }
    }

    [Fact]
    public void Table_TerminalStates_HaveNoOutgoingRows() =>
        Assert.DoesNotContain(RequestTransitions.All, t => t.From.IsTerminal());

    [Fact]
    public void Table_Withdraw_AllowedFromEveryNonTerminalState()
    {
        foreach (var state in Enum.GetValues<RequestState>().Where(s => !s.IsTerminal()))
        {
            Assert.True(RequestTransitions.TryFind(state, RequestTrigger.Withdraw, out var row), state.ToString());
            Assert.Equal(RequestState.Withdrawn, row.To);
        }
    }

    [Fact]
    public void Table_Submit_NeverATransition() =>
        Assert.DoesNotContain(RequestTransitions.All, t => t.Trigger == RequestTrigger.Submit);

    [Fact]
    public void DisplayNames_EveryStateAndTrigger_DistinctChinese()
    {
        var states = Enum.GetValues<RequestState>().Select(s => s.DisplayName()).ToList();
        var triggers = Enum.GetValues<RequestTrigger>().Select(t => t.DisplayName()).ToList();
        Assert.Equal(states.Count, states.Distinct().Count());
        Assert.Equal(triggers.Count, triggers.Distinct().Count());
    }
}
