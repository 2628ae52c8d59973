using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>The steps of processing: consultation (Arts 32–34), extension (Art 33¶2), fee (Art 42), reply (Arts 36–39).</summary>
public sealed partial class DisclosureRequest
{
    private Result<string> OnStartConsultation(
        DateOnly sentOn, DateOnly letterReceivedOn, string party, string kind, string article, WorkCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(party))
        {
            return new Problem(RequestProblems.ConsultedPartyRequired, $"应填写被征求意见的{kind}");
        }

        if (letterReceivedOn < sentOn)
        {
            return new Problem(RequestProblems.LetterReceivedBeforeSent,
                $"{kind}收到征求意见书的日期（{RequestText.Date(letterReceivedOn)}）不能早于发出日期（{RequestText.Date(sentOn)}）");
        }

        // Arts 32 and 34: 15 working days "自收到征求意见书之日起" — from the consulted party's receipt, not the sending.
        var due = StatutoryDeadline.Consultation.CountFrom(calendar, letterReceivedOn);
        if (!due.TryGetValue(out var consultationDue))
        {
            return due.Problem;
        }

        ConsultationStartedOn = sentOn;
        ConsultationLetterReceivedOn = letterReceivedOn;
        ConsultationDue = consultationDue;
        return $"书面征求{kind}（{party.Trim()}）意见，{kind}于{RequestText.Date(letterReceivedOn)}收到征求意见书，应于{RequestText.Due(consultationDue, calendar)}前提出意见（{article}）；征求意见所需时间不计入答复期限（条例第三十三条第三款）";
    }

    private Result<string> OnEndThirdPartyConsultation(EndThirdPartyConsultation command, WorkCalendar calendar) =>
        EndConsultation(command.Date, command.OpinionReceived, "第三方", calendar).Map(text =>
            (command.OpinionReceived ? "第三方已提出意见" : "第三方逾期未提出意见，由本机关依照条例的规定决定是否公开（条例第三十二条）") + "；" + text);

    private Result<string> OnEndAgencyConsultation(EndAgencyConsultation command, WorkCalendar calendar) =>
        EndConsultation(command.Date, command.OpinionReceived, "其他机关", calendar).Map(text =>
            (command.OpinionReceived ? "被征求意见机关已提出意见" : "被征求意见机关逾期未提出意见，视为同意公开（条例第三十四条）") + "；" + text);

    /// <summary>
    /// Adds the consultation's working days to the reply period (Art 33¶3: "征求第三方和其他机关意见所需时间不计算在
    /// 前款规定的期限内"). Counted from the day after the letter was sent up to the end, but never past the consulted
    /// party's 15 working days: after those the agency decides alone (Arts 32, 34), so later days are not time the
    /// consultation needed.
    /// </summary>
    private Result<string> EndConsultation(DateOnly endedOn, bool opinionReceived, string kind, WorkCalendar calendar)
    {
        var started = ConsultationStartedOn!.Value;
        var due = ConsultationDue!.Value;
        if (!opinionReceived && endedOn <= due)
        {
            return new Problem(RequestProblems.ConsultationPeriodRunning,
                $"{kind}提出意见的期限至{RequestText.Date(due)}，尚未届满，不能按逾期未提出意见处理");
        }

        var countedTo = endedOn < due ? endedOn : due;
        var used = calendar.WorkingDaysBetween(started, countedTo);
        if (!used.TryGetValue(out var days))
        {
            return used.Problem;
        }

        var excluded = ExcludedWorkingDays + days;
        var deadlines = ComputeDeadlines(excluded, ExtensionWorkingDays, calendar);
        if (!deadlines.TryGetValue(out var d))
        {
            return deadlines.Problem;
        }

        ExcludedWorkingDays = excluded;
        (ReplyDue, ExtendedDue) = d;
        ConsultationStartedOn = null;
        ConsultationLetterReceivedOn = null;
        ConsultationDue = null;
        return $"征求意见用时{RequestText.Number(days)}个工作日，不计入答复期限（条例第三十三条第三款），答复期限为{RequestText.Due(d.ReplyDue, calendar)}"
            + (d.ExtendedDue is { } e ? $"，延长后为{RequestText.Due(e, calendar)}" : "");
    }

    /// <summary>
    /// 条例 Art 33¶2: "需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过
    /// 20个工作日" — the handler asks, with the reason; one extension is provided for, of at most 20 working days, asked
    /// for while the period runs. The request moves no deadline: only the head's approval (<see cref="OnExtend"/>) does.
    /// </summary>
    private Result<string> OnRequestExtension(RequestExtension command)
    {
        if (ExtensionWorkingDays is not null)
        {
            return Problem.Conflict(RequestProblems.AlreadyExtended, "答复期限已延长过一次，不能再次延长（条例第三十三条第二款）");
        }

        if (PendingExtension is { } pending)
        {
            return Problem.Conflict(RequestProblems.ExtensionPending,
                $"{pending.RequestedByName}已于{RequestText.Date(pending.RequestedOn)}申请延长答复期限，正待负责人审批，不能重复申请");
        }

        var extension = StatutoryDeadline.Extension;
        if (!extension.Allows(command.WorkingDays))
        {
            return new Problem(RequestProblems.ExtensionTooLong,
                $"延长的期限应为1至{RequestText.Number(extension.WorkingDays)}个工作日，实为{RequestText.Number(command.WorkingDays)}个工作日（{extension.Basis}）");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return new Problem(RequestProblems.ExtensionReasonRequired, "应说明延长答复期限的理由");
        }

        var due = ReplyDue!.Value;
        if (command.Date > due)
        {
            return new Problem(RequestProblems.ExtensionTooLate,
                $"延长答复期限应在答复期限（{RequestText.Date(due)}）届满前申请并经负责人同意，申请之日为{RequestText.Date(command.Date)}");
        }

        ExtensionRequestedOn = command.Date;
        ExtensionRequestedById = command.Actor.UserId;
        ExtensionRequestedByName = command.Actor.DisplayName;
        ExtensionRequestedDays = command.WorkingDays;
        ExtensionRequestReason = command.Reason.Trim();
        return $"{command.Actor.DisplayName}申请延长答复期限{RequestText.Number(command.WorkingDays)}个工作日，理由：{ExtensionRequestReason}；"
            + $"待政府信息公开工作机构负责人审批，审批前答复期限仍为{RequestText.Date(due)}（条例第三十三条第二款）";
    }

    /// <summary>
    /// The head's consent (Art 33¶2): to an extension requested and still pending, by an office head who is not the
    /// one who asked (the consent is a second person's check), given and told to the applicant before the reply
    /// period ran out. Only this moves the deadline.
    /// </summary>
    private Result<string> OnExtend(Extend command, WorkCalendar calendar)
    {
        var decision = CheckDecision(command.Actor);
        if (!decision.TryGetValue(out var pending))
        {
            return decision.Problem;
        }

        if (command.ApplicantNotifiedOn < command.Date)
        {
            return new Problem(RequestProblems.ExtensionNoticeBeforeApproval,
                $"告知申请人的日期（{RequestText.Date(command.ApplicantNotifiedOn)}）不能早于负责人同意的日期（{RequestText.Date(command.Date)}）");
        }

        // Extending what has already run out is not an extension: approval and notice fall within the period. A
        // pending request does not stop the clock — the original deadline binds until the approval.
        var due = ReplyDue!.Value;
        if (command.Date > due || command.ApplicantNotifiedOn > due)
        {
            return new Problem(RequestProblems.ExtensionTooLate,
                $"延长答复期限应在答复期限（{RequestText.Date(due)}）届满前经负责人同意并告知申请人，告知之日为{RequestText.Date(command.ApplicantNotifiedOn)}");
        }

        var deadlines = ComputeDeadlines(ExcludedWorkingDays, pending.WorkingDays, calendar);
        if (!deadlines.TryGetValue(out var d))
        {
            return deadlines.Problem;
        }

        ExtensionWorkingDays = pending.WorkingDays;
        ExtendedDue = d.ExtendedDue;
        ClearPendingExtension();
        return $"经{command.Actor.DisplayName}同意，延长答复期限{RequestText.Number(pending.WorkingDays)}个工作日至{RequestText.Due(d.ExtendedDue!.Value, calendar)}"
            + $"（{pending.RequestedByName}于{RequestText.Date(pending.RequestedOn)}申请），理由：{pending.Reason}；"
            + $"已于{RequestText.Date(command.ApplicantNotifiedOn)}告知申请人（条例第三十三条第二款）";
    }

    private Result<string> OnRefuseExtension(RefuseExtension command)
    {
        var decision = CheckDecision(command.Actor);
        if (!decision.TryGetValue(out var pending))
        {
            return decision.Problem;
        }

        ClearPendingExtension();
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? "" : $"，理由：{command.Reason.Trim()}";
        return $"{command.Actor.DisplayName}不同意延长答复期限（{pending.RequestedByName}于{RequestText.Date(pending.RequestedOn)}申请延长"
            + $"{RequestText.Number(pending.WorkingDays)}个工作日）{reason}；答复期限仍为{RequestText.Date(CurrentDue!.Value)}（条例第三十三条第二款）";
    }

    /// <summary>Who may decide a pending extension: an office head (Art 33¶2), not the one who asked for it.</summary>
    private Result<PendingExtension> CheckDecision(Actor decidedBy)
    {
        ArgumentNullException.ThrowIfNull(decidedBy);
        if (PendingExtension is not { } pending)
        {
            return Problem.Conflict(RequestProblems.ExtensionNotRequested, "没有待审批的延长答复期限申请");
        }

        if (decidedBy.Role != ActorRole.OfficeHead)
        {
            return Problem.Forbidden(RequestProblems.ExtensionApprover, "延长答复期限应经政府信息公开工作机构负责人同意（条例第三十三条第二款）");
        }

        if (string.Equals(decidedBy.UserId, pending.RequestedById, StringComparison.Ordinal))
        {
            return Problem.Forbidden(RequestProblems.ExtensionSelfApproval, "不能审批本人提出的延长答复期限申请，应由其他负责人审批（条例第三十三条第二款）");
        }

        return pending;
    }

    private void ClearPendingExtension()
    {
        ExtensionRequestedOn = null;
        ExtensionRequestedById = null;
        ExtensionRequestedByName = null;
        ExtensionRequestedDays = null;
        ExtensionRequestReason = null;
    }

    private Result<string> OnIssueFeeNotice(IssueFeeNotice command, WorkCalendar calendar)
    {
        if (command.Amount <= 0m || decimal.Round(command.Amount, 2) != command.Amount || !Enum.IsDefined(command.Basis))
        {
            return new Problem(RequestProblems.FeeAmount, "信息处理费金额应为大于0、最多两位小数的元数，并注明按件或按量计收");
        }

        if (command.NoticeReceivedOn < command.Date)
        {
            return new Problem(RequestProblems.FeeNoticeReceivedBeforeSent,
                $"申请人收到收费通知的日期（{RequestText.Date(command.NoticeReceivedOn)}）不能早于发出日期（{RequestText.Date(command.Date)}）");
        }

        // [川] item 二: the notice goes out "在政府信息公开申请处理期限内".
        if (command.Date > CurrentDue)
        {
            return new Problem(RequestProblems.FeeNoticeTooLate,
                $"收费通知应在申请处理期限（{RequestText.Date(CurrentDue!.Value)}）内发出");
        }

        // [川] item 二 (secondary source): "申请人应当在收到收费通知次日起20个工作日内缴纳费用" — day 1 is the first
        // working day after the receipt, the same convention as everywhere else.
        var due = StatutoryDeadline.FeePayment.CountFrom(calendar, command.NoticeReceivedOn);
        if (!due.TryGetValue(out var feeDue))
        {
            return due.Problem;
        }

        FeeAmount = command.Amount;
        FeeBasis = command.Basis;
        FeeDue = feeDue;
        FeeNoticeReceivedOn = command.NoticeReceivedOn;
        var basis = command.Basis == Requests.FeeBasis.PerApplication ? "按件计收" : "按量计收";
        return $"发出收费通知，信息处理费{RequestText.Yuan(command.Amount)}（{basis}），申请人于{RequestText.Date(command.NoticeReceivedOn)}收到，应于{RequestText.Due(feeDue, calendar)}前缴纳（条例第四十二条；四川省财政厅等通知第二项）";
    }

    private Result<string> OnFeePaid(FeePaid command)
    {
        if (command.Date > FeeDue)
        {
            return new Problem(RequestProblems.FeePeriodOver, $"缴费期限已于{RequestText.Date(FeeDue!.Value)}届满");
        }

        FeePaidOn = command.Date;
        return $"申请人已缴纳信息处理费{RequestText.Yuan(FeeAmount!.Value)}，继续办理";
    }

    private Result<string> OnFeeLapsed(FeeLapsed command)
    {
        if (command.Date <= FeeDue)
        {
            return new Problem(RequestProblems.FeePeriodRunning, $"缴费期限至{RequestText.Date(FeeDue!.Value)}，尚未届满");
        }

        return $"申请人未在缴费期限（至{RequestText.Date(FeeDue!.Value)}）内缴纳信息处理费，视为放弃申请，不再处理（四川省财政厅等通知第二项）";
    }

    private Result<string> OnReply(Reply command, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(command.Outcome);
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

        var late = "";
        if (CurrentDue is { } due && command.Date > due)
        {
            // A late reply is still a reply; the delay goes on record (Art 53 exposure).
            var overdue = calendar.WorkingDaysBetween(due, command.Date);
            if (!overdue.TryGetValue(out var days))
            {
                return overdue.Problem;
            }

            late = $"（超过答复期限{RequestText.Date(due)}共{RequestText.Number(days)}个工作日）";
        }

        Outcome = command.Outcome;
        RepliedOn = command.Date;
        Particulars = checkedParticulars;
        return $"答复：{command.Outcome.DisplayName}{late}";
    }

    /// <summary>The reply deadline and, if extended, the extended one, both counted from the receipt date.</summary>
    private Result<(DateOnly ReplyDue, DateOnly? ExtendedDue)> ComputeDeadlines(int excluded, int? extension, WorkCalendar calendar)
    {
        var received = ReceivedOn!.Value;
        var reply = calendar.AddWorkingDays(received, StatutoryDeadline.Reply.WorkingDays + excluded);
        if (!reply.TryGetValue(out var replyDue))
        {
            return reply.Problem;
        }

        if (extension is not { } days)
        {
            return (replyDue, null);
        }

        // Day 1 of the extension is the first working day after the reply deadline (spec §12's worked example).
        return calendar.AddWorkingDays(replyDue, days).Map(extended => (replyDue, (DateOnly?)extended));
    }
}
