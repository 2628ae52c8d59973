using System.Security.Cryptography;

namespace Gongkai.Core.Data.Files;

/// <summary>
/// The files attached to disclosed items, stored by content: a file is kept once under its SHA-256
/// (<c>ab/abcdef…</c>), so the hash an <see cref="Domain.Proactive.Attachment"/> records both names the file and
/// proves it unchanged. Written to a temporary name first and moved into place: a half-written file never has a
/// content name.
/// </summary>
public sealed class AttachmentStore(string root)
{
    /// <summary>
    /// The given folder, else <c>files</c> beside a SQLite database, else (PostgreSQL) <c>files</c> in
    /// <see cref="DataFolder.Default"/>: never relative to the working directory, which differs between the CLI and the site.
    /// </summary>
    public static AttachmentStore ForDatabase(DatabaseTarget target, string? folder = null) =>
        new(folder is not null ? Path.GetFullPath(folder) : target.Provider == DatabaseProvider.Sqlite
            ? Path.Combine(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource)!, "files")
            : Path.Combine(DataFolder.Default, "files"));

    /// <summary>Stores the content and gives its SHA-256 (lowercase hex) and size; storing the same content again is a no-op.</summary>
    public async Task<(string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(root);
        var temporary = Path.Combine(root, "incoming-" + Guid.NewGuid().ToString("N"));
        string sha256;
        long size;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                size = file.Length;
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temporary, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Stored already, possibly a moment ago by another writer of the same bytes (the name is their hash).
                File.Delete(temporary);
            }
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return (sha256, size);
    }

    /// <summary>The stored content, or null when there is none or it no longer matches its hash (a damaged file is not served).</summary>
    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256 ? bytes : null;
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lowercase hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256);
    }
}
