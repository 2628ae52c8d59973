using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>A letter whose addressee's receipt starts a period (spec/letters.md §6).</summary>
public enum ReceivedNotice
{
    /// <summary>The 征求意见书 to a third party or another agency: 15 working days from its receipt (Arts 32, 34).</summary>
    ConsultationLetter,

    /// <summary>The 收费通知书: 20 working days to pay from the day after its receipt (Art 42; 国办函〔2020〕109号).</summary>
    FeeNotice,
}

/// <summary>The receipt of a notice, recorded when its delivery is (the 送达回证, the EMS signature, a confirmation).</summary>
public sealed partial class DisclosureRequest
{
    /// <summary>
    /// The addressee received <paramref name="notice"/> on <paramref name="receivedOn"/>: while its period still runs,
    /// the period counts from that day instead of the date given when the step was recorded (Arts 32 and 34 “自收到征求意见书
    /// 之日起”, Art 42 with 国办函〔2020〕109号 “收到收费通知次日起”). The change is one
    /// <see cref="RequestTrigger.RecalculateDeadlines"/> step naming old and new; the same date, or a period no longer
    /// running (the opinion came, the fee was paid, the application closed), changes nothing and gives null.
    /// </summary>
    public Result<RequestEvent?> NoticeReceived(RecalculateDeadlines command, ReceivedNotice notice, DateOnly receivedOn, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        var running = notice switch
        {
            ReceivedNotice.ConsultationLetter => State is RequestState.ThirdPartyConsultation or RequestState.AgencyConsultation,
            _ => State == RequestState.AwaitingFee && FeePaidOn is null,
        };
        if (!running)
        {
            return (RequestEvent?)null;
        }

        return notice == ReceivedNotice.ConsultationLetter
            ? ConsultationLetterReceived(command, receivedOn, calendar)
            : FeeNoticeReceived(command, receivedOn, calendar);
    }

    private Result<RequestEvent?> ConsultationLetterReceived(RecalculateDeadlines command, DateOnly receivedOn, WorkCalendar calendar)
    {
        if (ConsultationStartedOn is not { } sentOn || receivedOn == ConsultationLetterReceivedOn)
        {
            return (RequestEvent?)null;
        }

        var kind = State == RequestState.ThirdPartyConsultation ? "第三方" : "其他机关";
        if (receivedOn < sentOn)
        {
            return new Problem(RequestProblems.LetterReceivedBeforeSent,
                $"{kind}收到征求意见书的日期（{RequestText.Date(receivedOn)}）不能早于发出日期（{RequestText.Date(sentOn)}）");
        }

        var due = StatutoryDeadline.Consultation.CountFrom(calendar, receivedOn);
        if (!due.TryGetValue(out var consultationDue))
        {
            return due.Problem;
        }

        var before = ConsultationDue;
        ConsultationLetterReceivedOn = receivedOn;
        ConsultationDue = consultationDue;
        return Changed(command, $"{command.Reason}：{kind}于{RequestText.Date(receivedOn)}收到征求意见书", "征求意见期限", before, consultationDue, "条例第三十二条、第三十四条", calendar);
    }

    private Result<RequestEvent?> FeeNoticeReceived(RecalculateDeadlines command, DateOnly receivedOn, WorkCalendar calendar)
    {
        if (receivedOn == FeeNoticeReceivedOn)
        {
            return (RequestEvent?)null;
        }

        var sentOn = _events.Last(e => e.Trigger == RequestTrigger.IssueFeeNotice).Date;
        if (receivedOn < sentOn)
        {
            return new Problem(RequestProblems.FeeNoticeReceivedBeforeSent,
                $"申请人收到收费通知的日期（{RequestText.Date(receivedOn)}）不能早于发出日期（{RequestText.Date(sentOn)}）");
        }

        var due = StatutoryDeadline.FeePayment.CountFrom(calendar, receivedOn);
        if (!due.TryGetValue(out var feeDue))
        {
            return due.Problem;
        }

        var before = FeeDue;
        FeeNoticeReceivedOn = receivedOn;
        FeeDue = feeDue;
        return Changed(command, $"{command.Reason}：申请人于{RequestText.Date(receivedOn)}收到收费通知书", "缴费期限", before, feeDue, "条例第四十二条、国办函〔2020〕109号", calendar);
    }

    private RequestEvent Changed(
        RecalculateDeadlines command, string what, string period, DateOnly? before, DateOnly after, string basis, WorkCalendar calendar)
    {
        var change = before is { } b && b != after
            ? $"{period}由{RequestText.Date(b)}调整为{RequestText.Due(after, calendar)}"
            : $"{period}仍为{RequestText.Due(after, calendar)}";

        // Recorded on the day it is made, but never before the last step (the history stays in order).
        var date = command.Date < _events[^1].Date ? _events[^1].Date : command.Date;
        return Record(command with { Date = date }, State, State, $"{what}，{change}（{basis}）");
    }
}
