using System.Globalization;
using System.Text;
using Gongkai.Core.Data.Protection;
using Npgsql;

namespace Gongkai.Core.Data.Audit;

/// <summary>
/// The 台账's checkpoints: a text file outside the database, appended to and never rewritten, one line per checkpoint —
/// <c>time sequence head-hash signature</c>, the signature an HMAC-SHA256 with the 台账 key
/// (<see cref="IdentityProtector.AuditMac"/>) over the three. Someone who can write the database but not read the key
/// can neither delete the last entries (the chain then ends before a signed sequence) nor rewrite the chain with its
/// hashes recomputed (the head at a signed sequence changes) nor add a line of their own (its signature fails)
/// without <c>audit verify</c> saying so. What the chain gained after the last checkpoint is as safe as the chain
/// alone: hence one on every verify and daily by the site. Keep the file where the database's writers cannot change
/// it (an append-only file, <c>chattr +a</c>, or copied off the machine).
/// </summary>
public sealed class AuditCheckpoints
{
    /// <summary>Where the checkpoints go when not beside the SQLite file (or in the data folder for PostgreSQL).</summary>
    public const string FileVariable = "GONGKAI_AUDIT_CHECKPOINTS";

    /// <summary>One signed head, as read from the file.</summary>
    /// <param name="Time">When it was written (UTC, ISO 8601), as the line says.</param>
    public sealed record Checkpoint(string Time, long Sequence, string Hash);

    private readonly Dictionary<long, Checkpoint> _heads = [];

    public static AuditCheckpoints Empty { get; } = new();

    /// <summary>The checkpoint with the highest sequence among the lines whose signature holds.</summary>
    public Checkpoint? Last { get; private set; }

    /// <summary>Lines whose signature fails, in Chinese.</summary>
    public IReadOnlyList<string> Forged { get; private set; } = [];

    /// <summary>What was signed at <paramref name="sequence"/>, if a checkpoint was.</summary>
    public Checkpoint? HeadAt(long sequence) => _heads.GetValueOrDefault(sequence);

    /// <summary>
    /// The file for a database: <c>GONGKAI_AUDIT_CHECKPOINTS</c> if set; else <c>gongkai.db.checkpoints</c> beside a
    /// SQLite file (as the key file), for PostgreSQL <c>checkpoints-host-port-database.txt</c> in <see cref="DataFolder.Default"/>.
    /// </summary>
    public static string FileFor(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var fromEnvironment = Environment.GetEnvironmentVariable(FileVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment.Trim());
        }

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource + ".checkpoints";
        }

        var pg = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var name = string.Concat($"checkpoints-{pg.Host}-{pg.Port.ToString(CultureInfo.InvariantCulture)}-{pg.Database}.txt".Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch));
        return Path.Combine(DataFolder.Default, name);
    }

    /// <summary>The file's lines; a missing file is no checkpoint yet.</summary>
    public static AuditCheckpoints Read(IdentityProtector protector, string file)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var checkpoints = new AuditCheckpoints();
        if (!File.Exists(file))
        {
            return checkpoints;
        }

        var forged = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            var parts = line.Split(' ');
            if (parts.Length != 4 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                || Sign(protector, parts[0], sequence, parts[2]) != parts[3])
            {
                // A line cut short by a crash while being written is as untrustworthy as a forged one: said, never used.
                forged.Add($"检查点文件第{number.ToString(CultureInfo.InvariantCulture)}行的签名不符（被伪造或改动）：{file}");
                continue;
            }

            var checkpoint = new Checkpoint(parts[0], sequence, parts[2]);
            checkpoints._heads[sequence] = checkpoint;
            if (checkpoints.Last is null || sequence >= checkpoints.Last.Sequence)
            {
                checkpoints.Last = checkpoint;
            }
        }

        checkpoints.Forged = forged;
        return checkpoints;
    }

    /// <summary>
    /// Appends a checkpoint of <paramref name="head"/>, which the caller verified. The file is created owner-only, as the
    /// key file; the line goes in one write, flushed to disk.
    /// </summary>
    public static void Append(IdentityProtector protector, string file, AuditEntry head, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(head);
        var time = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var line = $"{time} {head.Sequence.ToString(CultureInfo.InvariantCulture)} {head.Hash} {Sign(protector, time, head.Sequence, head.Hash)}\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, options);
        stream.Write(Encoding.ASCII.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Verifies the chain against the checkpoints (not the records: the site does this daily, the records are for
    /// <c>audit verify</c>) and, when it is whole, appends a checkpoint of its head. The verification says what was found.
    /// </summary>
    public static async Task<AuditVerification> WriteAsync(GongkaiDbContext db, string file, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var verification = await AuditTrail.VerifyAsync(db, file, records: false, cancellationToken);

        // Only a chain found whole is signed: a checkpoint of a rewritten chain would vouch for the rewrite.
        if (verification.BrokenAt is null && verification.Head is { } head)
        {
            Append(db.Protector, file, head, clock.GetUtcNow());
        }

        return verification;
    }

    private static string Sign(IdentityProtector protector, string time, long sequence, string hash) =>
        protector.AuditMac(Encoding.UTF8.GetBytes($"gongkai-checkpoint\u001F{time}\u001F{sequence.ToString(CultureInfo.InvariantCulture)}\u001F{hash}"));
}
