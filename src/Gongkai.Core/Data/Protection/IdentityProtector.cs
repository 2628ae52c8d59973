using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Core.Data.Protection;

/// <summary>
/// Encryption at rest for applicants' identity numbers (DESIGN.md: encrypted at rest, masked on every output, never
/// logged): AES-256-GCM with a random nonce per value, and a keyed fingerprint (HMAC-SHA256) to find the same
/// number again without decrypting. Both keys are derived (HKDF) from one 32-byte master key kept outside the
/// database: <c>GONGKAI_DATA_KEY</c> (base64), else a key file beside the SQLite database. A third key derived from it
/// signs the 台账 (<see cref="AuditMac"/>): outside the database like the others, so someone who can write the database
/// cannot forge what it signs.
/// </summary>
public sealed class IdentityProtector
{
    public const string KeyVariable = "GONGKAI_DATA_KEY";
    private const string Version = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _fingerprintKey;
    private readonly byte[] _auditKey;

    public IdentityProtector(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The master key must be 32 bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "gongkai/identity/encryption"u8.ToArray());
        _fingerprintKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "gongkai/identity/fingerprint"u8.ToArray());
        _auditKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "gongkai/audit/signing"u8.ToArray());
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_fingerprintKey))[..16];
    }

    /// <summary>Names the key without revealing it (models and logs may carry it).</summary>
    public string KeyId { get; }

    /// <summary>
    /// The master key for a database: <c>GONGKAI_DATA_KEY</c> if set; else the key file (for SQLite
    /// <c>gongkai.db.key</c> beside the database, for PostgreSQL <c>gongkai.key</c> in <see cref="DataFolder.Default"/>;
    /// created with owner-only permissions on first use).
    /// </summary>
    public static IdentityProtector ForDatabase(DatabaseTarget target)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(KeyVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new IdentityProtector(Convert.FromBase64String(fromEnvironment.Trim()));
        }

        // PostgreSQL: in the data folder, not the working directory, so the CLI and the site find the same key.
        var keyFile = target.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource + ".key"
            : Path.Combine(DataFolder.Default, "gongkai.key");
        return new IdentityProtector(LoadOrCreateKey(keyFile));
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length, TagSize));
        return Version + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Decrypts; a value altered in the database or sealed with another key throws CryptographicException.</summary>
    public string Unprotect(string protectedText)
    {
        if (!protectedText.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown protected-value format.");
        }

        var sealedBytes = Convert.FromBase64String(protectedText[Version.Length..]);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Protected value too short.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The same number always gives the same fingerprint; the fingerprint does not reveal the number.</summary>
    public string Fingerprint(string plaintext) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_fingerprintKey, Encoding.UTF8.GetBytes(plaintext)));

    /// <summary>
    /// HMAC-SHA256 (hex) with the 台账 key: the records' hashes in the entries and the signature of the chain's head in
    /// the checkpoints (Data/Audit). A key of its own (HKDF), so these MACs never equal a fingerprint.
    /// </summary>
    public string AuditMac(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(HMACSHA256.HashData(_auditKey, data));

    private static byte[] LoadOrCreateKey(string keyFile)
    {
        if (File.Exists(keyFile))
        {
            return Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = $"{keyFile}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
                stream.Flush(flushToDisk: true);
            }

            // Whole or not at all, and never over another key: the CLI and the site may start at once, and a key
            // replaced after data was sealed with it would make that data unreadable. The first one in place wins.
            File.Move(temporary, keyFile, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            File.Delete(temporary);
            return Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
        }
    }
}
