using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// How to reach the applicant (条例 Art 29¶2(一): 联系方式). At least one way is required, since every notice of the
/// procedure (补正, extension, fee, reply) has to reach the applicant. Blank parts are stored as null.
/// </summary>
public sealed record ContactDetails
{
    public const int MaxPartLength = 200;

    // For EF Core.
    private ContactDetails()
    {
    }

    private ContactDetails(string? phone, string? email, string? postalAddress)
    {
        Phone = phone;
        Email = email;
        PostalAddress = postalAddress;
    }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? PostalAddress { get; private set; }

    /// <summary>No contact details on record (an application taken over from a ledger that did not keep them).</summary>
    public static ContactDetails NotRecorded => new(null, null, null); // a new one each time: EF owns it per applicant

    public static Result<ContactDetails> Create(string? phone, string? email, string? postalAddress)
    {
        phone = Clean(phone);
        email = Clean(email);
        postalAddress = Clean(postalAddress);
        if (phone is null && email is null && postalAddress is null)
        {
            return new Problem("contact.required", "申请人联系方式（电话、电子邮箱或通信地址）至少填写一项");
        }

        if (phone?.Length > MaxPartLength || email?.Length > MaxPartLength || postalAddress?.Length > MaxPartLength)
        {
            return new Problem("contact.tooLong", $"联系方式每项不能超过{RequestText.Number(MaxPartLength)}个字符");
        }

        if (email is not null && (email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@')))
        {
            return new Problem("contact.email", $"电子邮箱“{email}”格式不正确");
        }

        return new ContactDetails(phone, email, postalAddress);
    }

    /// <summary>
    /// The parts as shown to a reader who may not see them in full (issue 13: oversight, audit): a phone's last 4
    /// digits, an e-mail's first character and domain, an address's first 6 characters.
    /// </summary>
    public ContactDetails Masked() => new(
        Phone is null ? null : Phone.Length <= 4 ? "****" : "****" + Phone[^4..],
        Email is null ? null : Email[..1] + "***" + Email[Email.LastIndexOf('@')..],
        PostalAddress is null ? null : (PostalAddress.Length <= 6 ? "" : PostalAddress[..6]) + "****");

    /// <summary>No part of the details: contact details are personal data and stay out of logs.</summary>
    public override string ToString() => "联系方式";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
