using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// The applicant (申请人) with what 条例 Art 29¶2(一) requires: name, proof of identity, contact details. A natural
/// person proves identity with an <see cref="IdentityDocument"/>; an organisation with its 统一社会信用代码 and,
/// optionally, another document. An organisation that has no credit code (a foreign organisation, say) gives another
/// document instead: the statute asks for 身份证明, not specifically for the code.
/// </summary>
public sealed record Applicant
{
    public const int MaxNameLength = 100;

    // For EF Core.
    private Applicant()
    {
        Name = "";
        Contact = null!;
    }

    private Applicant(ApplicantKind kind, string name, IdentityDocument? document, CreditCode? creditCode, ContactDetails contact)
    {
        Kind = kind;
        Name = name;
        Document = document;
        CreditCode = creditCode;
        Contact = contact;
    }

    public ApplicantKind Kind { get; private set; }

    /// <summary>姓名 or 名称.</summary>
    public string Name { get; private set; }

    /// <summary>A natural person's identity document; for an organisation, an optional further document.</summary>
    public IdentityDocument? Document { get; private set; }

    /// <summary>An organisation's 统一社会信用代码; always null for a natural person.</summary>
    public CreditCode? CreditCode { get; private set; }

    public ContactDetails Contact { get; private set; }

    public static Result<Applicant> NaturalPerson(string? name, IdentityDocument document, ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(contact);
        return CleanName(name, "申请人姓名").Map(n => new Applicant(ApplicantKind.NaturalPerson, n, document, null, contact));
    }

    public static Result<Applicant> Organization(
        ApplicantKind kind, string? name, CreditCode? creditCode, IdentityDocument? otherDocument, ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!Enum.IsDefined(kind) || !kind.IsOrganization())
        {
            return new Problem("applicant.kind", "法人或其他组织的申请人类型应为商业企业、科研机构、社会公益组织、法律服务机构或其他组织");
        }

        if (creditCode is null && otherDocument is null)
        {
            return new Problem("applicant.identityRequired", "法人或其他组织应提供统一社会信用代码或其他身份证明");
        }

        return CleanName(name, "申请人名称").Map(n => new Applicant(kind, n, otherDocument, creditCode, contact));
    }

    /// <summary>
    /// An applicant as an office's existing 台账 recorded them: kind and name, the identity number if the ledger has
    /// one (checked by <c>ImportFromLedger</c>'s caller), and no contact details (ledgers do not keep them). Only
    /// for records taken over; a new application needs Art 29's 身份证明 and 联系方式.
    /// </summary>
    public static Result<Applicant> FromLedger(ApplicantKind kind, string? name, IdentityDocument? document, CreditCode? creditCode)
    {
        if (!Enum.IsDefined(kind))
        {
            return new Problem("applicant.kind", "申请人类型无效");
        }

        return CleanName(name, kind.IsOrganization() ? "申请人名称" : "申请人姓名")
            .Map(n => new Applicant(kind, n, document, kind.IsOrganization() ? creditCode : null, ContactDetails.NotRecorded));
    }

    /// <summary>Kind and name only: documents and contact details are personal data and stay out of logs.</summary>
    public override string ToString() => $"{Kind.DisplayName()}：{Name}";

    private static Result<string> CleanName(string? name, string label)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new Problem("applicant.nameRequired", $"{label}不能为空");
        }

        return trimmed.Length > MaxNameLength
            ? new Problem("applicant.nameTooLong", $"{label}不能超过{RequestText.Number(MaxNameLength)}个字")
            : trimmed;
    }
}
