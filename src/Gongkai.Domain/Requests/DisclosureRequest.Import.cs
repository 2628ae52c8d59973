using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

public sealed partial class DisclosureRequest
{
    /// <summary>
    /// Takes over an application from an office's existing 台账 with one <see cref="RequestTrigger.Import"/> event: a
    /// concluded one in its terminal state with its outcome (逾期不补正 and 逾期未缴费 as 视为放弃申请, Art 30 and [川];
    /// every other outcome as a reply), an open one as received with its Art 33 deadline running from the receipt
    /// date. The ledger's 收到日期 is the receipt date (Art 31) whatever the channel.
    /// </summary>
    public static Result<DisclosureRequest> Import(ImportFromLedger command, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        if ((command.Outcome is null) != (command.RepliedOn is null))
        {
            return new Problem("request.importIncomplete", "办理结果和答复日期应同时填写（仍在办理的申请两者都留空）");
        }

        if (command.RepliedOn < command.ReceivedOn)
        {
            return new Problem("request.dateOutOfOrder", "答复日期早于收到日期");
        }

        var particulars = ReplyParticulars.None;
        if (command.Outcome is null && !string.IsNullOrWhiteSpace(command.Reasons))
        {
            return new Problem(ReplyParticularsRule.NotExpected, "仍在办理的申请不应填写答复理由");
        }

        if (command.Outcome is { } concluded)
        {
            var checkedParticulars = ReplyParticularsRule.CheckImported(concluded, command.Reasons);
            if (!checkedParticulars.TryGetValue(out particulars))
            {
                return checkedParticulars.Problem;
            }
        }

        var submitted = Submit(
            new Submit(command.Actor, command.ReceivedOn, command.At, command.Id, command.AgencyId, command.TrackingNumber, command.Applicant, command.Channel, command.Content),
            calendar);
        if (!submitted.TryGetValue(out var request))
        {
            return submitted.Problem;
        }

        // Submit recorded the lodging; an import replaces that with the one event it really is.
        request._events.Clear();
        if (request.State == RequestState.Submitted)
        {
            var clock = request.StartReplyClock(command.ReceivedOn, calendar);
            if (!clock.IsSuccess)
            {
                return clock.Problem;
            }
        }

        request.State = RequestState.Received;
        var description = $"从原台账导入：收到申请之日为{RequestText.Date(command.ReceivedOn)}";
        if (command.Outcome is { } outcome && command.RepliedOn is { } repliedOn)
        {
            request.State = outcome.OtherHandlingGround is OtherHandlingGround.NoSupplement or OtherHandlingGround.FeeNotPaid
                ? RequestState.DeemedWithdrawn
                : RequestState.Replied;
            request.Outcome = outcome;
            request.RepliedOn = repliedOn;
            request.Particulars = particulars;
            request.ClosedOn = repliedOn;
            request.SupplementNoticeDue = null;
            description += $"，{RequestText.Date(repliedOn)}办结：{outcome.DisplayName}";
        }

        request.Record(command, null, request.State, description);
        return request;
    }
}
