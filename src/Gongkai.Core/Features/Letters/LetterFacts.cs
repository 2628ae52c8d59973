using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The facts a letter of a stored application is composed from (spec/letters.md §2): what the application records
/// (<see cref="LetterCase.From"/>: applicant, 申请编号, receipt, content, outcome, reply particulars, deadlines), the
/// letters of it already issued that a reply cites (the 补正告知书 of 逾期不补正, the 收费通知书 of 逾期未缴纳), and what
/// the handler adds at issue (<see cref="Input"/>): what the records do not hold, such as the third party's name.
/// </summary>
public static class LetterFacts
{
    /// <summary>What the handler adds at issue; each field is used only by the kinds that print it.</summary>
    /// <param name="Reasons">说明理由告知书: why the volume or frequency is beyond reason (default: what the 说明理由 step recorded);
    /// 延期答复告知书: why (default: the extension's reason); the notice to a third party: why disclosed over its objection.</param>
    /// <param name="ExplanationDue">说明理由告知书: by when to explain (Art 35 sets no period; the agency's choice).</param>
    /// <param name="ThirdPartyName">The third party consulted (Art 32) or told of the disclosure.</param>
    /// <param name="DisclosedContent">The notice to a third party: the content decided for disclosure.</param>
    /// <param name="OtherAgencyName">The agency consulted (Art 34).</param>
    /// <param name="FeeCount">收费通知书: 按件 the applications this one counts as (default 1), 按量 the pages.</param>
    /// <param name="FeeEarlierInMonth">收费通知书, 按件: the applicant's applications earlier in the natural month.</param>
    /// <param name="PaymentMethod">收费通知书: how to pay.</param>
    /// <param name="CitedNumber">A reply of 逾期不补正 or 逾期未缴纳 whose notice was not issued here: its 文号 …</param>
    /// <param name="CitedIssuedOn">… and its date.</param>
    public sealed record Input(
        string? Reasons = null, DateOnly? ExplanationDue = null, string? ThirdPartyName = null, string? DisclosedContent = null, string? OtherAgencyName = null,
        int? FeeCount = null, int? FeeEarlierInMonth = null, string? PaymentMethod = null, string? CitedNumber = null, DateOnly? CitedIssuedOn = null)
    {
        public static Input None { get; } = new();
    }

    /// <summary>
    /// The kinds whose facts the application records now (the issue form offers these): the receipt once received, a
    /// 补正告知书 once 补正 was asked, 说明理由 once asked, 延期 once granted, consultations and the notice to a third
    /// party while it is being processed or replied, the fee notice once a fee was set, the reply once replied.
    /// </summary>
    public static IReadOnlyList<LetterKind> Available(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var processing = request.ReceivedOn is not null && (!request.State.IsTerminal() || request.Outcome is not null);
        return
        [
            .. Enum.GetValues<LetterKind>().Where(kind => kind switch
            {
                LetterKind.Receipt => request.ReceivedOn is not null && request.ReplyDue is not null,
                LetterKind.Supplement => request.SupplementRequested && request.SupplementItems.Count > 0 && request.SupplementPeriodEnd is not null,
                LetterKind.ExplainReasons => request.ReasonsRequested is not null,
                LetterKind.Extension => request.ExtendedDue is not null,
                LetterKind.ThirdPartyConsultation or LetterKind.AgencyConsultation or LetterKind.ThirdPartyNotice => processing,
                LetterKind.FeeNotice => request.FeeAmount is not null,
                LetterKind.Reply => DecisionOf(request) is not null,
                _ => false,
            }),
        ];
    }

    /// <summary>
    /// The case of <paramref name="kind"/> for <paramref name="request"/>; refused when a fee notice's computation does
    /// not give the amount the fee step recorded (the notice and the procedure must never disagree).
    /// </summary>
    public static async Task<Result<LetterCase>> ForAsync(
        GongkaiDbContext db, DisclosureRequest request, LetterKind kind, Input input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        var facts = LetterCase.From(request) with
        {
            // The letter quotes what was asked for (spec/letters.md §2) within one paragraph: the description without the form's
            // 获取信息的方式 line, its lines joined.
            Content = string.Join(' ', OnlineApplicationForm.Description(request.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            Outcome = DecisionOf(request),

            // A closing records no particulars: a reply telling it gives the handler's reasons (Art 35: why unreasonable).
            Particulars = request.Outcome is null && kind == LetterKind.Reply ? new ReplyParticulars { Reasons = Text(input.Reasons) } : request.Particulars,
            Reasons = Text(input.Reasons) ?? kind switch
            {
                LetterKind.ExplainReasons => request.ReasonsRequested,
                LetterKind.Extension => ExtensionReason(request),
                _ => null,
            },
            ExplanationDue = input.ExplanationDue,
            ThirdPartyName = Text(input.ThirdPartyName),
            DisclosedContent = Text(input.DisclosedContent),
            OtherAgencyName = Text(input.OtherAgencyName),
        };

        if (kind == LetterKind.FeeNotice && request.FeeBasis is { } basis && request.FeeAmount is { } amount)
        {
            var fee = new FeeFacts(basis, input.FeeCount ?? 1, input.FeeEarlierInMonth ?? 0, Text(input.PaymentMethod) ?? "");
            var computed = FeeComputation.Of(fee);
            if (!computed.TryGetValue(out var computation))
            {
                return computed.Problem;
            }

            if (computation.Total != amount)
            {
                return Problem.Invalid("letter.feeMismatch",
                    $"按所填件数或页数计算的信息处理费为{FeeComputation.Yuan(computation.Total)}，与收费步骤记录的{FeeComputation.Yuan(amount)}不一致，请核对件数或页数");
            }

            facts = facts with { Fee = fee };
        }

        if (kind == LetterKind.Reply && facts.Outcome?.OtherHandlingGround is { } ground)
        {
            var cited = ground switch
            {
                OtherHandlingGround.NoSupplement when request.SupplementPeriodEnd is { } end =>
                    await CitedAsync(db, request.Id, LetterKind.Supplement, end, input, cancellationToken),
                OtherHandlingGround.FeeNotPaid when request.FeeDue is { } due =>
                    await CitedAsync(db, request.Id, LetterKind.FeeNotice, due, input, cancellationToken),
                _ => null,
            };
            facts = ground == OtherHandlingGround.NoSupplement ? facts with { SupplementNotice = cited } : facts with { FeeNotice = cited };
        }

        return facts;
    }

    /// <summary>
    /// The decision a reply states: the reply's outcome; for an application the procedure closed as 逾期不补正 (条例
    /// Art 30), 逾期未缴纳 (Art 42) or, its reasons found unreasonable, 不予处理 (Art 35), which no reply step records,
    /// the outcome it counts as — the applicant is told of it by a reply (spec/letters.md §3: 其他处理 1 and 2 citing
    /// the notice, 不予处理 4 with the reasons; §4: a decision); else null.
    /// </summary>
    public static ReplyOutcome? DecisionOf(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Outcome
            ?? (request.Events is [.., { Trigger: var closing }]
                && (request.State, closing) is (RequestState.DeemedWithdrawn, RequestTrigger.SupplementLapsed or RequestTrigger.FeeLapsed)
                    or (RequestState.NotHandled, RequestTrigger.ReasonsRejected)
                ? RequestReportRows.ClosingOutcome(closing)
                : null);
    }

    /// <summary>
    /// The notice a reply cites: the latest such letter issued on the application that no other replaced, else the one
    /// the handler names (a notice made before the platform issued letters); null when neither, and the composer names it missing.
    /// </summary>
    private static async Task<CitedLetter?> CitedAsync(
        GongkaiDbContext db, Guid requestId, LetterKind kind, DateOnly deadline, Input input, CancellationToken cancellationToken)
    {
        var latest = await GetLetter.InForceAsync(db, requestId, kind, cancellationToken);
        if (latest is not null)
        {
            return new CitedLetter(latest.Number, latest.IssuedOn, deadline);
        }

        return Text(input.CitedNumber) is { } number && input.CitedIssuedOn is { } on ? new CitedLetter(number, on, deadline) : null;
    }

    /// <summary>
    /// The reason of the extension asked for: pending, or once granted as the request step's description gives it
    /// (the domain keeps the reason only while the extension is pending); else null, and the handler types it.
    /// </summary>
    private static string? ExtensionReason(DisclosureRequest request)
    {
        if (request.PendingExtension is { } pending)
        {
            return pending.Reason;
        }

        const string start = "理由：";
        const string end = "；待";
        var description = request.Events.LastOrDefault(e => e.Trigger == RequestTrigger.RequestExtension)?.Description ?? "";
        var from = description.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : description.LastIndexOf(end, StringComparison.Ordinal);
        return to > from ? Text(description[(from + start.Length)..to]) : null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
