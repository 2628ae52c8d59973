using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Letters;

/// <summary>
/// The facts of an application a letter is composed from (spec/letters.md §2): who, what and when, and what each kind
/// needs besides. A letter whose template uses a field the case lacks is refused, naming the field.
/// </summary>
public sealed record LetterCase
{
    /// <summary>The applicant's name or organisation's name: the addressee of the letters to the applicant.</summary>
    public required string ApplicantName { get; init; }

    /// <summary>The 申请编号, e.g. 2026-000012.</summary>
    public required string TrackingNumber { get; init; }

    /// <summary>收到申请之日 (Art 31).</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The information requested, as the application describes it.</summary>
    public required string Content { get; init; }

    /// <summary>The reply's decision (reply only).</summary>
    public ReplyOutcome? Outcome { get; init; }

    public ReplyParticulars Particulars { get; init; } = ReplyParticulars.None;

    /// <summary>A third party was consulted (Art 32): a 保护第三方合法权益 decision cites Art 32 too.</summary>
    public bool ThirdPartyConsulted { get; init; }

    /// <summary>The reply deadline (receipt: 答复期限).</summary>
    public DateOnly? ReplyDue { get; init; }

    /// <summary>补正告知书: every item to correct (Art 30: 一次性), and the period's end.</summary>
    public IReadOnlyList<string> SupplementItems { get; init; } = [];

    public DateOnly? SupplementPeriodEnd { get; init; }

    /// <summary>延期答复告知书: the working days added and the new deadline (Art 33¶2).</summary>
    public int? ExtensionWorkingDays { get; init; }

    public DateOnly? ExtendedDue { get; init; }

    /// <summary>The reasons of a letter that is not a reply: why 说明理由 is asked, why the extension, why disclosed over the third party's objection.</summary>
    public string? Reasons { get; init; }

    /// <summary>说明理由告知书: by when the applicant should explain (the agency's choice; Art 35 sets none).</summary>
    public DateOnly? ExplanationDue { get; init; }

    /// <summary>The third party (consultation, notice) and, for the notice, the content decided for disclosure.</summary>
    public string? ThirdPartyName { get; init; }

    public string? DisclosedContent { get; init; }

    /// <summary>The agency consulted under Art 34.</summary>
    public string? OtherAgencyName { get; init; }

    /// <summary>收费通知书: the fee's facts.</summary>
    public FeeFacts? Fee { get; init; }

    /// <summary>The 补正告知书 that a 逾期不补正 reply cites (its 文号, date, and the period's end).</summary>
    public CitedLetter? SupplementNotice { get; init; }

    /// <summary>The 收费通知书 that a 逾期未缴纳信息处理费 reply cites (its 文号, date, and the payment deadline).</summary>
    public CitedLetter? FeeNotice { get; init; }

    /// <summary>
    /// The facts the application itself records: applicant, 申请编号, receipt (the submission day until one is
    /// confirmed), content, outcome, deadlines, 补正 items, extension, whether a third party was consulted. The rest
    /// (particulars, names, fee facts, the letters a reply cites) the caller adds with <c>with</c>.
    /// </summary>
    public static LetterCase From(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new LetterCase
        {
            ApplicantName = request.Applicant.Name,
            TrackingNumber = request.TrackingNumber,
            ReceivedOn = request.ReceivedOn ?? request.SubmittedOn,
            Content = request.Content,
            Outcome = request.Outcome,
            ThirdPartyConsulted = request.Events.Any(e => e.Trigger == RequestTrigger.StartThirdPartyConsultation),
            ReplyDue = request.ReplyDue,
            SupplementItems = request.SupplementItems,
            SupplementPeriodEnd = request.SupplementPeriodEnd,
            ExtensionWorkingDays = request.ExtensionWorkingDays,
            ExtendedDue = request.ExtendedDue,
        };
    }
}

/// <summary>An earlier letter a reply cites: its 文号, date of issue and the deadline it set.</summary>
public sealed record CitedLetter(string Number, DateOnly IssuedOn, DateOnly Deadline);

/// <summary>Why a letter is not an original, printed above its title (<see cref="LetterDocument.Mark"/>).</summary>
public sealed record LetterMark
{
    private LetterMark(string? replacedNumber) => ReplacedNumber = replacedNumber;

    /// <summary>The 文号 of the letter a correction replaces; null for a reconstruction.</summary>
    public string? ReplacedNumber { get; }

    /// <summary>Rendered from the records of a case closed before letters existed (an imported ledger, the seed's case).</summary>
    public static LetterMark Reconstruction() => new((string?)null);

    /// <summary>A correction: a new letter, with a new 文号, that replaces <paramref name="replacedNumber"/>.</summary>
    public static LetterMark Correction(string replacedNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(replacedNumber);
        return new(replacedNumber.Trim());
    }

    /// <summary>The line as printed, e.g. 本答复书系根据办理记录重新生成.</summary>
    public string Text(string title) => ReplacedNumber is null ? $"本{title}系根据办理记录重新生成" : $"本{title}更正并取代{ReplacedNumber}";
}
