using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>The steps before processing: receipt (Art 31), 补正 (Art 30), Art 35 reasons, Art 39¶1, on-the-spot reply.</summary>
public sealed partial class DisclosureRequest
{
    private Result<string> OnConfirmReceipt(ConfirmReceipt command, WorkCalendar calendar) =>
        StartReplyClock(command.Date, calendar).Map(text => $"与申请人确认收到申请；{Channel.ReceiptRule()}。{text}");

    private Result<string> OnReplyOnTheSpot(ReplyOnTheSpot command)
    {
        ArgumentNullException.ThrowIfNull(command.Outcome);

        // 条例 Art 33¶1: "能够当场答复的，应当当场予以答复" — on the receipt date itself.
        if (command.Date != ReceivedOn)
        {
            return new Problem(RequestProblems.NotOnTheSpot,
                $"当场答复应在收到申请之日（{RequestText.Date(ReceivedOn!.Value)}）作出，实为{RequestText.Date(command.Date)}");
        }

        var valid = CheckReplyOutcome(command.Outcome);
        if (!valid.IsSuccess)
        {
            return valid.Problem;
        }

        var particulars = ReplyParticularsRule.Check(command.Outcome, command.Particulars, command.Date);
        if (!particulars.TryGetValue(out var checkedParticulars))
        {
            return particulars.Problem;
        }

        Outcome = command.Outcome;
        RepliedOn = command.Date;
        Particulars = checkedParticulars;
        return $"当场答复：{command.Outcome.DisplayName}（条例第三十三条第一款）";
    }

    private static Result<string> OnRejectAsNotAnApplication(RejectAsNotAnApplication command) =>
        "以政府信息公开申请形式进行信访、投诉、举报等活动，告知申请人不作为政府信息公开申请处理（条例第三十九条第一款）"
        + (string.IsNullOrWhiteSpace(command.ProperChannel) ? "" : $"，并告知可通过{command.ProperChannel.Trim()}提出");

    private Result<string> OnRequestSupplement(RequestSupplement command)
    {
        // 条例 Art 30: "7个工作日内一次性告知" — one notice listing everything, and only within 7 working days.
        if (SupplementRequested)
        {
            return Problem.Conflict(RequestProblems.SupplementAlreadyRequested, "补正告知只能作出一次，应一次性告知全部需要补正的事项（条例第三十条）");
        }

        var items = (command.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        if (items.Count == 0)
        {
            return new Problem(RequestProblems.SupplementItemsRequired, "补正告知应说明需要补正的事项（条例第三十条）");
        }

        if (command.PeriodEnd <= command.Date)
        {
            return new Problem(RequestProblems.SupplementPeriodInvalid,
                $"补正期限的截止日（{RequestText.Date(command.PeriodEnd)}）应晚于告知之日（{RequestText.Date(command.Date)}）");
        }

        if (command.Date > SupplementNoticeDue)
        {
            return new Problem(RequestProblems.SupplementTooLate,
                $"补正告知应自收到申请之日（{RequestText.Date(ReceivedOn!.Value)}）起7个工作日内作出，即不晚于{RequestText.Date(SupplementNoticeDue!.Value)}，{RequestText.Date(command.Date)}已超过（条例第三十条）");
        }

        SupplementRequested = true;
        _supplementItems.AddRange(items);
        SupplementPeriodEnd = command.PeriodEnd;
        SupplementNoticeDue = null;

        // 条例 Art 30: "答复期限自行政机关收到补正的申请之日起计算" — the running clock no longer applies.
        ReplyDue = null;
        return $"一次性告知申请人补正{RequestText.Number(items.Count)}项内容，补正期限至{RequestText.Date(command.PeriodEnd)}；答复期限自收到补正的申请之日起重新计算（条例第三十条）";
    }

    private Result<string> OnReceiveSupplement(ReceiveSupplement command, WorkCalendar calendar)
    {
        if (command.Date > SupplementPeriodEnd)
        {
            return new Problem(RequestProblems.SupplementPeriodOver,
                $"补正期限已于{RequestText.Date(SupplementPeriodEnd!.Value)}届满；申请人有正当理由的，先记录正当理由（条例第三十条）");
        }

        var started = StartReplyClock(command.Date, calendar);
        if (!started.TryGetValue(out var text))
        {
            return started.Problem;
        }

        SupplementReceivedOn = command.Date;
        return $"收到补正后的申请，答复期限重新计算（条例第三十条）。{text}";
    }

    private Result<string> OnRecordSupplementExcuse(RecordSupplementExcuse command)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return new Problem(RequestProblems.ExcuseRequired, "应记录申请人逾期补正的正当理由（条例第三十条）");
        }

        if (command.NewPeriodEnd < command.Date)
        {
            return new Problem(RequestProblems.SupplementPeriodInvalid,
                $"新的补正期限截止日（{RequestText.Date(command.NewPeriodEnd)}）不能早于记录之日（{RequestText.Date(command.Date)}）");
        }

        SupplementExcuse = command.Reason.Trim();
        SupplementPeriodEnd = command.NewPeriodEnd;
        return $"申请人有正当理由：{SupplementExcuse}；补正期限至{RequestText.Date(command.NewPeriodEnd)}（条例第三十条）";
    }

    private Result<string> OnSupplementLapsed(SupplementLapsed command)
    {
        if (command.Date <= SupplementPeriodEnd)
        {
            return new Problem(RequestProblems.SupplementPeriodRunning,
                $"补正期限至{RequestText.Date(SupplementPeriodEnd!.Value)}，尚未届满");
        }

        return $"补正期限已于{RequestText.Date(SupplementPeriodEnd!.Value)}届满，申请人无正当理由逾期不补正，视为放弃申请，不再处理（条例第三十条）";
    }

    /// <summary>条例 Art 35: the agency "可以要求申请人说明理由" — the request says what is to be explained.</summary>
    private Result<string> OnRequestReasons(RequestReasons command)
    {
        var text = command.Explain?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new Problem(RequestProblems.ExplainRequired, "应写明要求申请人说明的事项（条例第三十五条）");
        }

        if (text.Length > ReplyParticularsRule.MaxExplainLength)
        {
            return new Problem(ReplyParticularsRule.TooLong, $"要求申请人说明的事项不能超过{RequestText.Number(ReplyParticularsRule.MaxExplainLength)}个字");
        }

        ReasonsRequested = text;
        return $"要求申请人说明申请数量、频次的理由（条例第三十五条）：{text}";
    }

    private Result<string> OnReasonsAccepted(ReasonsAccepted command)
    {
        if (command.DelayedReplyDue is not { } delayed)
        {
            return "认定申请理由合理，继续办理（条例第三十五条）";
        }

        // 条例 Art 35: a delayed date only for a reply that cannot be made "在本条例第三十三条规定的期限内".
        if (delayed <= CurrentDue)
        {
            return new Problem(RequestProblems.DelayedReplyNotLater,
                $"延迟答复的期限（{RequestText.Date(delayed)}）应晚于现有答复期限（{RequestText.Date(CurrentDue!.Value)}）");
        }

        DelayedReplyDue = delayed;
        return $"认定申请理由合理，但无法在条例第三十三条规定的期限内答复，确定延迟至{RequestText.Date(delayed)}前答复并告知申请人（条例第三十五条）";
    }

    /// <summary>Rules every reply outcome must meet, whichever trigger carries it.</summary>
    private Result<bool> CheckReplyOutcome(ReplyOutcome outcome)
    {
        if (outcome.OtherHandlingGround is OtherHandlingGround.NoSupplement or OtherHandlingGround.FeeNotPaid)
        {
            return new Problem(RequestProblems.OutcomeNotAReply,
                $"“{outcome.DisplayName}”不是答复结果，由“{RequestTrigger.SupplementLapsed.DisplayName()}”或“{RequestTrigger.FeeLapsed.DisplayName()}”记录");
        }

        if (outcome.CannotProvideGround == CannotProvideGround.UnclearAfterSupplement && SupplementReceivedOn is null)
        {
            return new Problem(RequestProblems.NoSupplementReceived, "未收到补正后的申请，不能以“补正后申请内容仍不明确”答复");
        }

        return true;
    }
}
