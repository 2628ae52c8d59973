using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Audit;

/// <summary>What a verification of the chain found.</summary>
/// <param name="Checked">
/// Entries found intact: every entry when the chain is whole, else those before the break (entries 1 to 19999 for a
/// change at 20000: the changed entry is not among them).
/// </param>
/// <param name="BrokenAt">The sequence number of the first entry that does not fit the chain, or null.</param>
/// <param name="Reason">Why, in Chinese.</param>
public sealed record AuditVerification(long Checked, long? BrokenAt, string? Reason)
{
    public bool IsIntact => BrokenAt is null;
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
            Hash = ComputeHash(sequence, agencyId, actor, action, entityType, entityId, before, after, at, previousHash),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Walks the chain in order and names the first entry that was altered (its hash no longer matches its
    /// fields), re-linked (its previous hash is not the hash before it) or that follows a deleted one (a gap).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = GenesisHash;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var c = CultureInfo.InvariantCulture;
            if (entry.Sequence != expected)
            {
                return new AuditVerification(expected - 1, entry.Sequence, $"第{expected.ToString(c)}条至第{(entry.Sequence - 1).ToString(c)}条记录缺失（已被删除）");
            }

            if (entry.PreviousHash != previousHash)
            {
                return new AuditVerification(expected - 1, entry.Sequence, $"第{entry.Sequence.ToString(c)}条记录的前序哈希与第{(entry.Sequence - 1).ToString(c)}条记录不符");
            }

            if (entry.Hash != Hash(entry))
            {
                return new AuditVerification(expected - 1, entry.Sequence, $"第{entry.Sequence.ToString(c)}条记录的内容已被修改（哈希不符）");
            }

            previousHash = entry.Hash;
            expected++;
        }

        return new AuditVerification(expected - 1, null, null);
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
                PreviousHash = previous.Hash,
                Hash = ComputeHash(sequence, entry.AgencyId, entry.Actor, entry.Action, entry.EntityType, entry.EntityId, entry.Before, entry.After, entry.At, previous.Hash),
            };
            db.AuditEntries.Add(rechained);
            previous = rechained;
        }

        return true;
    }

    public static string Hash(AuditEntry e) =>
        ComputeHash(e.Sequence, e.AgencyId, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.At, e.PreviousHash);

    private static string ComputeHash(long sequence, Guid? agencyId, string actor, string action, string entityType, string entityId, string? before,
        string? after, DateTimeOffset at, string previousHash)
    {
        // Fields separated by U+001F (unit separator), absent values as U+0000, so no two entries hash alike by shifting text.
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
