using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Audit;

/// <summary>What a verification of the 台账 found: the chain, the checkpoints and the records against their last entries.</summary>
/// <param name="Checked">
/// Entries found intact: every entry when the chain is whole, else those before the break (entries 1 to 19999 for a
/// change at 20000: the changed entry is not among them).
/// </param>
/// <param name="BrokenAt">The sequence number of the first entry that does not fit the chain, or null.</param>
/// <param name="Reason">Why, in Chinese.</param>
public sealed record AuditVerification(long Checked, long? BrokenAt, string? Reason)
{
    /// <summary>The chain's last entry when it is whole (null for an empty 台账): what a checkpoint signs.</summary>
    public AuditEntry? Head { get; init; }

    /// <summary>Records changed or deleted outside the application, and forged checkpoint lines, each in Chinese.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Records compared with the hash in their last entry.</summary>
    public long RecordsChecked { get; init; }

    /// <summary>Records with no entry that holds their hash (written before issue 16, or taken over by an import): not checkable.</summary>
    public long RecordsWithoutHash { get; init; }

    public bool IsIntact => BrokenAt is null && Findings.Count == 0;
}

/// <summary>The append-only, hash-chained audit trail (台账).</summary>
public static class AuditTrail
{
    /// <summary>How records are written into entries: readable Chinese, not \u escapes (the 台账 is read by people).</summary>
    public static JsonSerializerOptions Json { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Adds an entry to the context, chained to the last one (persisted or added in this context); it is saved
    /// with the change it records, in the same SaveChanges.
    /// </summary>
    public static AuditEntry Record(GongkaiDbContext db, TimeProvider clock, string actor, string action, string entityType, string entityId, Guid? agencyId, string? before, string? after)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).MaxBy(e => e.Sequence);
        var last = pending ?? db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefault();
        return Append(db, last, clock, actor, action, entityType, entityId, agencyId, before, after);
    }

    /// <summary>
    /// Adds an entry chained to <paramref name="last"/>, which the caller read (null: the trail is empty). For a
    /// writer that adds many entries in one transaction (<see cref="Features.Requests.SubmissionWriter"/>): the last
    /// entry is read once, not once per entry.
    /// </summary>
    internal static AuditEntry Append(
        GongkaiDbContext db, AuditEntry? last, TimeProvider clock, string actor, string action, string entityType, string entityId, Guid? agencyId, string? before, string? after)
    {
        var now = clock.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        var sequence = (last?.Sequence ?? 0) + 1;
        var previousHash = last?.Hash ?? GenesisHash;
        var entry = new AuditEntry
        {
            Sequence = sequence,
            AgencyId = agencyId,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before,
            After = after,
            At = at,
            PreviousHash = previousHash,
            Hash = ComputeHash(sequence, agencyId, actor, action, entityType, entityId, before, after, at, null, previousHash),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Walks the chain in order and names the first entry that was altered (its hash no longer matches its fields),
    /// re-linked (its previous hash is not the hash before it) or that follows a deleted one (a gap); then compares each
    /// audited record with the hash its last entry holds (<see cref="RecordCheck"/>).
    /// </summary>
    public static Task<AuditVerification> VerifyAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, null, cancellationToken);

    /// <summary>
    /// As <see cref="VerifyAsync(GongkaiDbContext, CancellationToken)"/>, and against the signed checkpoints of
    /// <paramref name="checkpointFile"/> (<see cref="AuditCheckpoints"/>; null: none): an entry whose hash differs from
    /// the head signed at its sequence (the chain was rewritten and its hashes recomputed), a chain that ends before a
    /// signed sequence (its last entries were deleted), and a line whose signature fails (forged) are found.
    /// </summary>
    public static Task<AuditVerification> VerifyAsync(GongkaiDbContext db, string? checkpointFile, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, checkpointFile, records: true, cancellationToken);

    /// <param name="records">False: the chain and the checkpoints only (the site's daily checkpoint), no record read.</param>
    internal static async Task<AuditVerification> VerifyAsync(GongkaiDbContext db, string? checkpointFile, bool records, CancellationToken cancellationToken)
    {
        var checkpoints = checkpointFile is null ? AuditCheckpoints.Empty : AuditCheckpoints.Read(db.Protector, checkpointFile);
        var check = new RecordCheck();
        var c = CultureInfo.InvariantCulture;
        long expected = 1;
        long confirmed = 0;
        AuditEntry? head = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var broken = Break(entry, expected, head?.Hash ?? GenesisHash);
            if (broken is not null)
            {
                return new AuditVerification(expected - 1, entry.Sequence, broken) { Findings = checkpoints.Forged };
            }

            if (checkpoints.HeadAt(entry.Sequence) is { } checkpoint)
            {
                // The chain fits together but not with what was signed: rewritten since the last checkpoint that still
                // holds, its hashes recomputed. Which entry was changed cannot be told; none after that checkpoint is trusted.
                if (checkpoint.Hash != entry.Hash)
                {
                    var rewritten = $"第{(confirmed + 1).ToString(c)}条至第{entry.Sequence.ToString(c)}条记录已被改写（哈希被重新计算，与{checkpoint.Time}的检查点不符）";
                    return new AuditVerification(confirmed, confirmed + 1, rewritten) { Findings = checkpoints.Forged };
                }

                confirmed = entry.Sequence;
            }

            if (records)
            {
                check.Saw(entry);
            }

            head = entry;
            expected++;
        }

        if (checkpoints.Last is { } signed && signed.Sequence > expected - 1)
        {
            var missing = $"第{expected.ToString(c)}条至第{signed.Sequence.ToString(c)}条记录缺失（已被删除：{signed.Time}的检查点记到第{signed.Sequence.ToString(c)}条）";
            return new AuditVerification(expected - 1, expected, missing) { Findings = checkpoints.Forged };
        }

        var found = records ? await check.RunAsync(db, cancellationToken) : [];
        return new AuditVerification(expected - 1, null, null)
        {
            Head = head,
            Findings = [.. checkpoints.Forged, .. found],
            RecordsChecked = check.Checked,
            RecordsWithoutHash = check.WithoutHash,
        };
    }

    /// <summary>Why <paramref name="entry"/> does not fit the chain, in Chinese; null when it fits.</summary>
    private static string? Break(AuditEntry entry, long expected, string previousHash)
    {
        var c = CultureInfo.InvariantCulture;
        if (entry.Sequence != expected)
        {
            return $"第{expected.ToString(c)}条至第{(entry.Sequence - 1).ToString(c)}条记录缺失（已被删除）";
        }

        if (entry.PreviousHash != previousHash)
        {
            return $"第{entry.Sequence.ToString(c)}条记录的前序哈希与第{(entry.Sequence - 1).ToString(c)}条记录不符";
        }

        return entry.Hash != Hash(entry) ? $"第{entry.Sequence.ToString(c)}条记录的内容已被修改（哈希不符）" : null;
    }

    /// <summary>
    /// Before a SaveChanges: gives each pending entry the hash of its record as it will be stored (derived columns
    /// already set), and chains the pending entries again so each hash covers it. Done here, not when the entry is
    /// added, because a writer may change the record after recording the entry, and the columns are derived on saving.
    /// </summary>
    internal static void Seal(GongkaiDbContext db)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).OrderBy(e => e.Entity.Sequence).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var wanted = pending.Where(e => RecordContent.Audited.ContainsKey(e.Entity.EntityType)).Select(e => (e.Entity.EntityType, e.Entity.EntityId)).ToHashSet();
        var records = wanted.Count == 0 ? [] : RecordHashes(db, wanted);
        var previousHash = pending[0].Entity.PreviousHash;
        foreach (var tracked in pending)
        {
            var entry = tracked.Entity;
            var recordHash = records.GetValueOrDefault((entry.EntityType, entry.EntityId));
            tracked.Property(e => e.RecordHash).CurrentValue = recordHash;
            tracked.Property(e => e.PreviousHash).CurrentValue = previousHash;
            tracked.Property(e => e.Hash).CurrentValue = Hash(entry);
            previousHash = entry.Hash;
        }
    }

    /// <summary>The hashes of the tracked records that pending entries name, by (kind, id).</summary>
    private static Dictionary<(string, string), string> RecordHashes(GongkaiDbContext db, HashSet<(string, string)> wanted)
    {
        var records = new Dictionary<(string, string), string>();
        var types = wanted.Select(w => w.Item1).ToHashSet(StringComparer.Ordinal);

        // Changes were just detected (Entries in Seal); a bulk import tracks 100,000 rows, so not once more, and its
        // rows of another kind than the entries name cost a type test each.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var tracked in db.ChangeTracker.Entries())
            {
                var type = tracked.Metadata.ClrType.Name;
                if (types.Contains(type) && tracked.State is (EntityState.Added or EntityState.Modified or EntityState.Unchanged)
                    && RecordContent.Id(tracked) is { } id && wanted.Contains((type, id)))
                {
                    records[(type, id)] = RecordContent.Hash(db, tracked);
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        return records;
    }

    /// <summary>
    /// After a SaveChanges refused because another writer took the next sequence first: chains this context's pending
    /// entries again after the newest saved one (new sequences, previous hashes and hashes), so the caller can save
    /// again. False when nothing is pending or the newest saved entry does not clash (the failure was something else).
    /// </summary>
    internal static bool Rechain(GongkaiDbContext db)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.Sequence).ToList();
        var last = pending.Count == 0 ? null : db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefault();
        if (last is null || last.Sequence < pending[0].Sequence)
        {
            return false;
        }

        var previous = last;
        foreach (var entry in pending)
        {
            db.Entry(entry).State = EntityState.Detached;
            var sequence = previous.Sequence + 1;
            var rechained = new AuditEntry
            {
                Sequence = sequence,
                AgencyId = entry.AgencyId,
                Actor = entry.Actor,
                Action = entry.Action,
                EntityType = entry.EntityType,
                EntityId = entry.EntityId,
                Before = entry.Before,
                After = entry.After,
                At = entry.At,
                RecordHash = entry.RecordHash,
                PreviousHash = previous.Hash,
                Hash = ComputeHash(sequence, entry.AgencyId, entry.Actor, entry.Action, entry.EntityType, entry.EntityId, entry.Before, entry.After, entry.At, entry.RecordHash, previous.Hash),
            };
            db.AuditEntries.Add(rechained);
            previous = rechained;
        }

        return true;
    }

    public static string Hash(AuditEntry e) =>
        ComputeHash(e.Sequence, e.AgencyId, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.At, e.RecordHash, e.PreviousHash);

    private static string ComputeHash(long sequence, Guid? agencyId, string actor, string action, string entityType, string entityId, string? before,
        string? after, DateTimeOffset at, string? recordHash, string previousHash)
    {
        // Fields separated by U+001F (unit separator), absent values as U+0000, so no two entries hash alike by shifting text.
        // The record's hash comes last and only when there is one: the entries written before it existed keep their hashes.
        var c = CultureInfo.InvariantCulture;
        var text = string.Join(
            '\u001F',
            sequence.ToString(c),
            agencyId?.ToString("D") ?? "\0",
            actor,
            action,
            entityType,
            entityId,
            before ?? "\0",
            after ?? "\0",
            at.UtcTicks.ToString(c),
            previousHash);
        if (recordHash is not null)
        {
            text += "\u001F" + recordHash;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
