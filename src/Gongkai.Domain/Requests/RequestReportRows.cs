using Gongkai.Domain.AnnualReports;

namespace Gongkai.Domain.Requests;

/// <summary>
/// Where a closed request is counted in the annual report's section 三 (row keys of spec/report-json.md). The one
/// place that knows the row keys of outcomes and which row a request closed without a reply belongs to.
/// </summary>
public static class RequestReportRows
{
    public static string ForOutcome(ReplyOutcome outcome, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Outcome switch
        {
            Outcome.Disclosed => "disclosed",
            Outcome.PartlyDisclosed => "partlyDisclosed",
            Outcome.Withheld => "withheld." + outcome.WithholdingGround switch
            {
                WithholdingGround.StateSecret => "stateSecret",
                WithholdingGround.ProhibitedByLaw => "prohibitedByLaw",
                WithholdingGround.SecurityStability => "securityStability",
                WithholdingGround.ThirdPartyRights => "thirdPartyRights",
                WithholdingGround.InternalAffairs => "internalAffairs",
                WithholdingGround.ProcessInformation => "processInformation",
                WithholdingGround.EnforcementCaseFile => "enforcementCaseFile",
                WithholdingGround.AdministrativeQuery => "administrativeQuery",
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
            },
            Outcome.CannotProvide => "cannotProvide." + outcome.CannotProvideGround switch
            {
                CannotProvideGround.NotHeld => "notHeld",
                CannotProvideGround.NeedsCreation => "needsCreation",
                CannotProvideGround.UnclearAfterSupplement => "unclearAfterSupplement",
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
            },
            Outcome.NotProcessed => "notProcessed." + outcome.NotProcessedGround switch
            {
                NotProcessedGround.PetitionOrComplaint => "petitionOrComplaint",
                NotProcessedGround.Repeated => "repeated",
                NotProcessedGround.Publication => "publication",
                NotProcessedGround.Excessive => "excessive",
                NotProcessedGround.ConfirmOrReissue => "confirmOrReissue",
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
            },

            // 国办公开办函〔2019〕60号 has the single row （六）其他处理; 国办公开办函〔2021〕30号 splits it into
            // 1 逾期不补正, 2 逾期未缴费, 3 其他 (spec/report-json.md).
            Outcome.Other when format == ReportFormat.V2019 => "other",
            Outcome.Other => "other." + outcome.OtherHandlingGround switch
            {
                OtherHandlingGround.NoSupplement => "noSupplement",
                OtherHandlingGround.FeeNotPaid => "feeNotPaid",
                OtherHandlingGround.Other => "other",
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };
    }

    /// <summary>
    /// The outcome a request counts as when the trigger that closed it was not a reply; null for a reply (its own
    /// outcome counts) and for triggers that do not close a request. Both report formats count these rows:
    /// 逾期不补正 (条例 Art 30) and 逾期未缴费 ([川], 国办函〔2020〕109号) as （六）其他处理 (2021: sub-rows 1 and 2);
    /// Art 35 不予处理 as （五）4 无正当理由大量反复申请; Art 39¶1 as （五）1 信访举报投诉类申请; a withdrawal by the
    /// applicant as （六）其他处理 (2021: 3 其他), since neither format has a row of its own for it.
    /// </summary>
    public static ReplyOutcome? ClosingOutcome(RequestTrigger closingTrigger) => closingTrigger switch
    {
        RequestTrigger.SupplementLapsed => ReplyOutcome.Other(OtherHandlingGround.NoSupplement),
        RequestTrigger.FeeLapsed => ReplyOutcome.Other(OtherHandlingGround.FeeNotPaid),
        RequestTrigger.ReasonsRejected => ReplyOutcome.NotProcessed(NotProcessedGround.Excessive),
        RequestTrigger.RejectAsNotAnApplication => ReplyOutcome.NotProcessed(NotProcessedGround.PetitionOrComplaint),
        RequestTrigger.Withdraw => ReplyOutcome.Other(OtherHandlingGround.Other),
        _ => null,
    };

    /// <summary>The row a closed request is counted in; null while it is open (then it is carried into next year).</summary>
    public static string? For(DisclosureRequest request, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.State.IsTerminal())
        {
            return null;
        }

        var outcome = request.Outcome ?? ClosingOutcome(request.Events[^1].Trigger)
            ?? throw new InvalidOperationException($"Request {request.Id} is {request.State} without an outcome.");
        return ForOutcome(outcome, format);
    }
}
