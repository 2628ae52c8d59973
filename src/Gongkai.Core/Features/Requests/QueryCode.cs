using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The 查询码 an online applicant gets with the 申请编号: 8 characters from an alphabet without look-alikes (no 0/O,
/// 1/I/L), about 39 bits from <see cref="RandomNumberGenerator"/>. Only its SHA-256, salted with the request's id, is
/// stored (<c>requests.query_code_hash</c>); the code is shown once and cannot be recovered from the database.
/// </summary>
public static class QueryCode
{
    public const int Length = 8;

    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as typed, upper-cased, spaces and hyphens removed; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 4 * Length)
        {
            return null;
        }

        var code = string.Concat(typed.Where(c => c is not (' ' or '-' or '\u3000'))).ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>Lower-case hex SHA-256 of "id:code": the salt makes one table of hashes useless against every request.</summary>
    public static string Hash(Guid requestId, string code) =>
        Convert.ToHexStringLower(HashBytes(requestId, code));

    /// <summary>True when <paramref name="code"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(Guid requestId, string code, string? storedHash)
    {
        var expected = new byte[SHA256.HashSizeInBytes];
        var known = storedHash is { Length: SHA256.HashSizeInBytes * 2 } && Convert.FromHexString(storedHash, expected, out _, out _) == System.Buffers.OperationStatus.Done;
        var equal = CryptographicOperations.FixedTimeEquals(HashBytes(requestId, code), expected);
        return known & equal;
    }

    private static byte[] HashBytes(Guid requestId, string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{requestId:D}:{code}"));
}
