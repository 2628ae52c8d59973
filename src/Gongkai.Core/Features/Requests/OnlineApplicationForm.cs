using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The public application form as it arrives (web form or API): raw text, checked field by field. The identity
/// fields of the kind not chosen are ignored, so a form posted without script (both fieldsets present) still means
/// one thing. Field names are the keys of <see cref="Checked.Errors"/>, the same in the page and the API.
/// </summary>
public sealed record OnlineApplicationForm
{
    /// <summary>The description, short enough that it and the 形式要求 line fit the stored content.</summary>
    public const int MaxContentLength = DisclosureRequest.MaxContentLength - 100;

    /// <summary>What the form puts between the description and the form of the information asked for.</summary>
    private const string DeliveryLine = "\n\n获取信息的方式：";

    public string? ApplicantKind { get; init; }

    public string? Name { get; init; }

    /// <summary>A natural person's document kind (<see cref="IdentityDocumentKind"/> name); 居民身份证 when blank.</summary>
    public string? PersonDocumentKind { get; init; }

    public string? PersonDocumentNumber { get; init; }

    public string? CreditCode { get; init; }

    /// <summary>An organisation's other proof of identity, when it has no credit code or gives one besides.</summary>
    public string? OrganizationDocumentKind { get; init; }

    public string? OrganizationDocumentNumber { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? PostalAddress { get; init; }

    /// <summary>申请内容: the name, 文号 or another description of the information sought (条例 Art 29¶2(二)).</summary>
    public string? Content { get; init; }

    /// <summary>获取信息的方式 (条例 Art 29¶2(三)): one of <see cref="DeliveryMethods"/>, or blank.</summary>
    public string? DeliveryMethod { get; init; }

    /// <summary>The ways of delivery the form offers (条例 Art 40: the agency decides the form in the end).</summary>
    public static IReadOnlyList<string> DeliveryMethods { get; } = ["纸质文本邮寄", "电子邮件", "自行领取", "当场查阅、抄录"];

    /// <summary>The applicant and the content to store, or the problems by field (never both).</summary>
    public sealed record Checked(Applicant? Applicant, string? Content, IReadOnlyDictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <param name="today">From the injected clock: a 居民身份证 birth date cannot be after it.</param>
    public Checked Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var kind = ParseKind(ApplicantKind);
        if (kind is null)
        {
            errors[nameof(ApplicantKind)] = "请选择申请人类型（自然人，或法人及其他组织的类型）";
        }

        var name = (Name ?? "").Trim();
        var nameLabel = kind is { } k && k.IsOrganization() ? "申请人名称" : "申请人姓名";
        if (name.Length == 0)
        {
            errors[nameof(Name)] = $"请填写{nameLabel}";
        }
        else if (name.Length > Domain.Requests.Applicant.MaxNameLength)
        {
            errors[nameof(Name)] = $"{nameLabel}不能超过{Domain.Requests.Applicant.MaxNameLength}个字";
        }

        IdentityDocument? document = null;
        CreditCode? creditCode = null;
        if (kind == Domain.Requests.ApplicantKind.NaturalPerson)
        {
            document = Document(nameof(PersonDocumentKind), PersonDocumentKind, nameof(PersonDocumentNumber), PersonDocumentNumber, today, required: true, errors);
        }
        else if (kind is not null)
        {
            if (!string.IsNullOrWhiteSpace(CreditCode))
            {
                creditCode = Keep(Domain.Requests.CreditCode.TryParse(CreditCode), nameof(CreditCode), errors);
            }

            document = Document(nameof(OrganizationDocumentKind), OrganizationDocumentKind, nameof(OrganizationDocumentNumber), OrganizationDocumentNumber, today, required: false, errors);
            if (string.IsNullOrWhiteSpace(CreditCode) && string.IsNullOrWhiteSpace(OrganizationDocumentNumber))
            {
                errors[nameof(CreditCode)] = "请填写统一社会信用代码；没有的，请填写其他身份证明（条例第二十九条第二款）";
            }
        }

        var contact = Keep(ContactDetails.Create(Phone, Email, PostalAddress), ContactField(), errors);

        var content = (Content ?? "").Trim();
        if (content.Length == 0)
        {
            errors[nameof(Content)] = "请填写申请公开的政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条第二款）";
        }
        else if (content.Length > MaxContentLength)
        {
            errors[nameof(Content)] = $"申请内容不能超过{MaxContentLength}个字，实为{content.Length}个字";
        }

        var delivery = (DeliveryMethod ?? "").Trim();
        if (delivery.Length > 0 && !DeliveryMethods.Contains(delivery, StringComparer.Ordinal))
        {
            errors[nameof(DeliveryMethod)] = "获取信息的方式无效，请从列出的方式中选择";
        }

        if (errors.Count > 0 || kind is not { } applicantKind || contact is null)
        {
            return new Checked(null, null, errors);
        }

        var applicant = applicantKind == Domain.Requests.ApplicantKind.NaturalPerson
            ? Domain.Requests.Applicant.NaturalPerson(name, document!, contact)
            : Domain.Requests.Applicant.Organization(applicantKind, name, creditCode, document, contact);
        if (!applicant.TryGetValue(out var made))
        {
            return new Checked(null, null, new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(Name)] = applicant.Problem.Message });
        }

        // 条例 Art 29¶2(三): the form of the information asked for travels with the description.
        return new Checked(made, delivery.Length == 0 ? content : $"{content}{DeliveryLine}{delivery}", errors);
    }

    /// <summary>
    /// The description of the information asked for in a stored content: without the 获取信息的方式 line the form
    /// appends (条例 Art 29¶2(三)), which is not part of what is asked for.
    /// </summary>
    public static string Description(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Split(DeliveryLine)[0];
    }

    /// <summary>The field a contact problem belongs to: the one too long or malformed, else the first (none given).</summary>
    private string ContactField() =>
        Email?.Trim() is { Length: > 0 } e && (e.Length > ContactDetails.MaxPartLength || !e.Contains('@', StringComparison.Ordinal) || e.StartsWith('@') || e.EndsWith('@')) ? nameof(Email)
        : Phone?.Trim().Length > ContactDetails.MaxPartLength ? nameof(Phone)
        : PostalAddress?.Trim().Length > ContactDetails.MaxPartLength ? nameof(PostalAddress)
        : nameof(Phone);

    private static ApplicantKind? ParseKind(string? text) =>
        text?.Trim() is { Length: > 0 } t && !char.IsAsciiDigit(t[0]) && !t.StartsWith('-') && Enum.TryParse<ApplicantKind>(t, out var kind) && Enum.IsDefined(kind) ? kind : null;

    private static IdentityDocument? Document(
        string kindField, string? kindText, string numberField, string? number, DateOnly today, bool required, Dictionary<string, string> errors)
    {
        if (!required && string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var kind = IdentityDocumentKind.ResidentIdentityCard;
        if (kindText?.Trim() is { Length: > 0 } k
            && (char.IsAsciiDigit(k[0]) || k.StartsWith('-') || !Enum.TryParse(k, out kind) || !Enum.IsDefined(kind)))
        {
            errors[kindField] = "证件类型无效，请从列出的证件中选择";
            return null;
        }

        return Keep(IdentityDocument.Create(kind, number, today), numberField, errors);
    }

    private static T? Keep<T>(Result<T> result, string field, Dictionary<string, string> errors)
        where T : class
    {
        if (result.TryGetValue(out var value))
        {
            return value;
        }

        errors[field] = result.Problem.Message;
        return null;
    }
}
