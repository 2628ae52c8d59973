using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// An identity document: its kind and number. Only a 居民身份证 number is checked (GB 11643-1999, see
/// <see cref="IdentityNumber"/>); other numbers follow each issuer's own scheme, so they are only required to be
/// present and of sane length. Personal data: <see cref="ToString"/> shows the masked number.
/// </summary>
public sealed record IdentityDocument
{
    public const int MaxNumberLength = 40;

    // For EF Core.
    private IdentityDocument()
    {
        Number = "";
    }

    private IdentityDocument(IdentityDocumentKind kind, string number)
    {
        Kind = kind;
        Number = number;
    }

    public IdentityDocumentKind Kind { get; private set; }

    /// <summary>The full number, for storage (encrypted at rest) only.</summary>
    public string Number { get; private set; }

    /// <summary>A 居民身份证 masked as <see cref="IdentityNumber.Masked"/>; any other number: all but its last 4 characters hidden.</summary>
    public string MaskedNumber => Kind == IdentityDocumentKind.ResidentIdentityCard
        ? IdentityNumber.Mask(Number)
        : new string('*', Math.Max(0, Number.Length - 4)) + Number[Math.Max(0, Number.Length - 4)..];

    /// <param name="notAfter">Today (from the injected clock): a 居民身份证 birth date must not be after it.</param>
    public static Result<IdentityDocument> Create(IdentityDocumentKind kind, string? number, DateOnly? notAfter = null)
    {
        if (!Enum.IsDefined(kind))
        {
            return new Problem("identityDocument.kind", "证件类型无效");
        }

        if (kind == IdentityDocumentKind.ResidentIdentityCard)
        {
            return IdentityNumber.TryParse(number, notAfter).Map(n => new IdentityDocument(kind, n.Value));
        }

        var trimmed = (number ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new Problem("identityDocument.numberRequired", $"{kind.DisplayName()}号码不能为空");
        }

        if (trimmed.Length > MaxNumberLength)
        {
            return new Problem("identityDocument.numberTooLong",
                $"{kind.DisplayName()}号码不能超过{RequestText.Number(MaxNumberLength)}个字符");
        }

        return new IdentityDocument(kind, trimmed);
    }

    public override string ToString() => $"{Kind.DisplayName()} {MaskedNumber}";
}
