using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The idempotency of an online submission: a key the client sends with it (the form's hidden field, made when the
/// form is shown; the API's <c>Idempotency-Key</c> header), stored with the application in the same transaction,
/// unique per agency. A retry with the same key and the same content gets the first application back — the same
/// 申请编号 and the same 查询码, also when the first answer was lost after the commit — and the same key with other
/// content is refused (<see cref="Reused"/>). The 查询码 of a keyed submission is derived from the key and the content
/// with the data key's HMAC, so a retry can give it again while the database still holds only its salted hash: only
/// who holds the key and the whole content gets it.
/// </summary>
public static class SubmissionKeys
{
    public const int MaxLength = RequestMapping.IdempotencyKeyMaxLength;

    public const string ReusedCode = "submission.idempotencyKeyReused";

    public static Problem Reused { get; } = Problem.Conflict(ReusedCode,
        "该提交标识（Idempotency-Key）已用于内容不同的另一份申请。如需提交新的申请，请重新打开申请表（通过接口提交的，请使用新的标识）");

    /// <summary>A new key for a form about to be shown: 128 random bits, URL-safe.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The key as sent, trimmed; null when none was sent; a problem when it cannot be one.</summary>
    public static Result<string?> Parse(string? sent)
    {
        var key = sent?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return (string?)null;
        }

        return key.Length <= MaxLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? key
            : Problem.Invalid("submission.idempotencyKey", $"提交标识（Idempotency-Key）应为1至{MaxLength}个英文字母、数字或 - _ . : 字符");
    }

    /// <summary>What is compared between two submissions with one key: the applicant as checked and the content.</summary>
    internal static string Canonical(Applicant applicant, string content) => JsonSerializer.Serialize(new[]
    {
        applicant.Kind.ToString(), applicant.Name, applicant.Document?.Kind.ToString(), applicant.Document?.Number, applicant.CreditCode?.Value,
        applicant.Contact.Phone, applicant.Contact.Email, applicant.Contact.PostalAddress, content,
    });

    /// <summary>The stored fingerprint of a keyed submission (keyed: the content cannot be guessed back from it).</summary>
    internal static string Fingerprint(IdentityProtector protector, Guid agencyId, string key, string canonical) =>
        protector.Fingerprint($"submission\n{agencyId:D}\n{key}\n{canonical}");

    /// <summary>The 查询码 of a keyed submission: the same for the same key and content, unguessable without them and the data key.</summary>
    internal static string QueryCodeFor(IdentityProtector protector, Guid agencyId, string key, string canonical)
    {
        var digest = Convert.FromHexString(protector.Fingerprint($"query-code\n{agencyId:D}\n{key}\n{canonical}"));
        var code = new char[QueryCode.Length];
        for (var i = 0; i < code.Length; i++)
        {
            // 32 bits a character: the modulo's bias (2^32 mod 31) is negligible.
            code[i] = QueryCode.Alphabet[(int)(BinaryPrimitives.ReadUInt32BigEndian(digest.AsSpan(i * 4, 4)) % (uint)QueryCode.Alphabet.Length)];
        }

        return new string(code);
    }
}
