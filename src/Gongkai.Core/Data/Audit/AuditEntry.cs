namespace Gongkai.Core.Data.Audit;

/// <summary>
/// One line of the 台账: who did what to which record, when, with the record before and after (JSON). Entries
/// are append-only and chained: <see cref="Hash"/> covers every field and <see cref="PreviousHash"/>, so an altered
/// or deleted entry breaks the chain at that point (see <see cref="AuditTrail.VerifyAsync(GongkaiDbContext, CancellationToken)"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3 … without gaps: a missing number is a deleted entry.</summary>
    public long Sequence { get; init; }

    public Guid? AgencyId { get; init; }

    /// <summary>The user or process that acted (never an applicant's personal data).</summary>
    public required string Actor { get; init; }

    /// <summary>What happened, e.g. <c>agency.created</c>, <c>request.transition</c>.</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>The record before the change as JSON (null for a creation); personal data masked.</summary>
    public string? Before { get; init; }

    /// <summary>The record after the change as JSON (null for a deletion); personal data masked.</summary>
    public string? After { get; init; }

    /// <summary>When, in UTC, to the microsecond (what PostgreSQL keeps, so the hash survives a round trip).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>
    /// The record's content after the change (<see cref="RecordContent"/>: a keyed hash of the row as stored), for the
    /// kinds of record in <see cref="RecordContent.Audited"/> when the writer had the record at hand; null for other
    /// entries and for those written before issue 16. <c>audit verify</c> compares each record with its last one.
    /// </summary>
    public string? RecordHash { get; init; }

    /// <summary>Hex SHA-256 of the previous entry; 64 zeros for the first.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Hex SHA-256 of this entry's fields (<see cref="RecordHash"/> too when it has one) and <see cref="PreviousHash"/>.</summary>
    public required string Hash { get; init; }
}
