using Gongkai.Domain.Letters;

namespace Gongkai.Core.Data.Letters;

/// <summary>How a letter reached its addressee (spec/letters.md §6). Stored as int: append, never reorder.</summary>
public enum DeliveryMethod
{
    /// <summary>当面: the day the addressee signed for it.</summary>
    InPerson,

    /// <summary>邮寄 (China Post EMS only, project decision): the EMS number, the posting date and the signed-for date.</summary>
    Post,

    /// <summary>电子邮件: the mail server's acceptance.</summary>
    Email,

    /// <summary>网上: the status page; the moment the addressee first opened it.</summary>
    Online,
}

/// <summary>
/// An issued letter (文书, spec/letters.md §2): its 文号 (agency, kind, year and a gapless serial), the document as
/// printed, stored as JSON with its SHA-256, who issued it and when. Everything but the delivery facts is fixed at issue
/// (init-only here; the database refuses an UPDATE of them, <see cref="LetterMapping"/>); a correction is a new letter
/// whose <see cref="ReplacesId"/> names this one.
/// </summary>
public sealed class Letter
{
    public const int MaxNumberLength = 100;
    public const int MaxTemplateVersionLength = 100;
    public const int MaxIssuedByLength = 200;
    public const int MaxEmsNumberLength = 13;

    public Guid Id { get; init; }

    public Guid AgencyId { get; init; }

    public Guid RequestId { get; init; }

    public LetterKind Kind { get; init; }

    /// <summary>The year of the 文号: the year of <see cref="IssuedOn"/>.</summary>
    public int Year { get; init; }

    /// <summary>N of 第N号: 1, 2, 3 … without gaps per agency, kind and year.</summary>
    public int Serial { get; init; }

    /// <summary>The 文号 as printed, e.g. 东外联依申复〔2026〕第3号.</summary>
    public required string Number { get; init; }

    /// <summary>The letter this one corrects (same request and kind), which stays as it was.</summary>
    public Guid? ReplacesId { get; init; }

    /// <summary>The <see cref="LetterDocument"/> as JSON (<see cref="LetterJson"/>), exactly as issued.</summary>
    public required string Document { get; init; }

    /// <summary>Hex SHA-256 of the UTF-8 bytes of <see cref="Document"/>.</summary>
    public required string DocumentSha256 { get; init; }

    /// <summary>The version of the template the document was composed from, when it came from one.</summary>
    public string? TemplateVersion { get; init; }

    /// <summary>The user id (or process) that issued it.</summary>
    public required string IssuedBy { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>The date of issue in China, printed on the letter.</summary>
    public DateOnly IssuedOn { get; init; }

    public DeliveryMethod? DeliveryMethod { get; internal set; }

    /// <summary>邮寄: the day it was handed to the post (交邮之日), which counts for the agency's deadline.</summary>
    public DateOnly? PostedOn { get; internal set; }

    public string? EmsNumber { get; internal set; }

    /// <summary>
    /// The addressee's receipt: the day signed for (当面, 邮寄), confirmed (电子邮件, when recorded) or first opened
    /// (网上). The periods that run from the addressee's receipt (Arts 32, 34, the fee notice) start here.
    /// </summary>
    public DateOnly? ReceivedOn { get; internal set; }

    /// <summary>电子邮件: when the agency's mail server accepted the message.</summary>
    public DateTimeOffset? EmailedAt { get; internal set; }

    /// <summary>When the addressee first opened it on the status page.</summary>
    public DateTimeOffset? FirstOpenedAt { get; internal set; }
}

/// <summary>The last serial taken of an agency's series of 文号 for a kind and year (the next letter takes one more).</summary>
public sealed class LetterSeries
{
    public Guid AgencyId { get; init; }

    public LetterKind Kind { get; init; }

    public int Year { get; init; }

    public int LastSerial { get; set; }
}

/// <summary>An agency's <see cref="LetterSettings"/>, stored as JSON (<see cref="LetterJson"/>).</summary>
public sealed class LetterSettingsRecord
{
    public Guid AgencyId { get; init; }

    public required string Settings { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
