using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Core.Data.Accounts;

/// <summary>
/// An agency's API key for an integration (<c>X-Api-Key</c>). The key itself is shown once when issued and never
/// stored: only its SHA-256, which finds the row through a unique index, and its first characters, which let staff
/// tell keys apart. A key is 32 random bytes, so an unsalted hash is enough: nobody can guess a key to match one.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 100;

    /// <summary>Characters of the key kept to tell keys apart (8 of 43: 48 of its 256 bits, no help to a guesser).</summary>
    public const int PrefixLength = 8;

    public Guid Id { get; init; }

    public Guid AgencyId { get; init; }

    /// <summary>What the key is for, e.g. 办公系统对接.</summary>
    public required string Name { get; init; }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 text (<see cref="HashOf"/>).</summary>
    public required string Hash { get; init; }

    public required string Prefix { get; init; }

    /// <summary>The staff user id that issued the key.</summary>
    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set once; a revoked key is refused from the next call on.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The last day (China time) a call carried the key: written at most once a day per key.</summary>
    public DateOnly? LastUsedOn { get; set; }

    /// <summary>A new key: 32 random bytes, base64url without padding (43 characters, safe in a header).</summary>
    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The same hash as the configuration keys (<c>Gongkai:ApiKeys:&lt;hash&gt;</c>): lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
