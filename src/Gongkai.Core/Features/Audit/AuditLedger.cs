using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Audit;

/// <summary>
/// An agency's 台账 as people read it: filtered by case (a record's id or an application's 编号), by who acted and by
/// China dates; each entry with its action, record kind and fields in Chinese (<see cref="AuditText"/>), the operator's
/// name and role instead of an account id, the time in Beijing, and what changed as field: old → new. The entries are
/// read, never changed: the hash chain stays as written. The caller checks the right to read the agency's 台账.
/// </summary>
public static class AuditLedger
{
    /// <summary>A page shows this many; the export takes up to <see cref="MaxExport"/>.</summary>
    public const int PageSize = 200;

    public const int MaxExport = 100_000;

    /// <param name="Case">A record's id, or an application's 编号.</param>
    /// <param name="Operator">Who acted, as written: a staff account's id, or a process (e.g. <c>applicant:online</c>).</param>
    /// <param name="From">First China date included.</param>
    /// <param name="To">Last China date included.</param>
    /// <param name="EntityType">With <paramref name="Case"/>: only that kind of record (the per-record page).</param>
    public sealed record Filter(Guid AgencyId, string? Case = null, string? Operator = null, DateOnly? From = null, DateOnly? To = null, string? EntityType = null);

    /// <summary>One entry for people; <see cref="At"/> is Beijing time.</summary>
    public sealed record Line(
        long Sequence, DateTimeOffset At, string Operator, string Role, string Action, string ActionName, string EntityType, string EntityTypeName,
        string EntityId, string? Subject, IReadOnlyList<AuditDiff.Change> Changes, string Hash);

    /// <param name="More">More entries matched than were read.</param>
    public sealed record Result(IReadOnlyList<Line> Lines, bool More);

    /// <summary>
    /// The entries that match, newest first (a single record's oldest first: its story), at most <paramref name="limit"/>.
    /// </summary>
    public static async Task<Result> HandleAsync(GongkaiDbContext db, Filter filter, int limit = PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Entries(db, filter).AsNoTracking().Where(e => e.AgencyId == filter.AgencyId);
        var single = false;
        if (!string.IsNullOrWhiteSpace(filter.Case))
        {
            var ids = await CaseIdsAsync(db, filter.AgencyId, filter.Case.Trim(), cancellationToken);
            query = query.Where(e => ids.Contains(e.EntityId));
            single = ids.Count == 1;
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.Operator))
        {
            var actor = filter.Operator.Trim();
            query = query.Where(e => e.Actor == actor);
        }

        query = single ? query.OrderBy(e => e.Sequence) : query.OrderByDescending(e => e.Sequence);
        var entries = await query.Take(limit + 1).ToListAsync(cancellationToken);
        var more = entries.Count > limit;
        if (more)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        var operators = await AuditOperators.ResolveAsync(db, entries.Select(e => e.Actor), cancellationToken);
        return new Result([.. entries.Select(e => ToLine(e, operators[e.Actor]))], more);
    }

    private static Line ToLine(AuditEntry e, AuditOperators.Who who) => new(
        e.Sequence,
        ChinaClock.ToChinaTime(e.At),
        who.Name,
        who.Role,
        e.Action,
        AuditText.Action(e.Action),
        e.EntityType,
        AuditText.EntityType(e.EntityType),
        e.EntityId,
        AuditDiff.Subject(e.Before, e.After),
        AuditDiff.Changes(e.EntityType, e.Before, e.After),
        e.Hash);

    /// <summary>
    /// The entries, within the filter's China dates if it has any. EF Core does not translate a comparison of
    /// DateTimeOffset on SQLite; the column holds UTC on both providers (UtcConverter: text in one offset on SQLite,
    /// timestamptz on PostgreSQL), so the bounds compare correctly in SQL as UTC parameters.
    /// </summary>
    private static IQueryable<AuditEntry> Entries(GongkaiDbContext db, Filter filter)
    {
        if (filter.From is null && filter.To is null)
        {
            return db.AuditEntries;
        }

        var start = filter.From is { } from ? ChinaClock.StartOf(from).ToUniversalTime() : Earliest;
        var end = filter.To is { } to ? ChinaClock.StartOf(to.AddDays(1)).ToUniversalTime() : Latest;
        return db.AuditEntries.FromSql($"SELECT * FROM audit_entries WHERE \"at\" >= {start} AND \"at\" < {end}");
    }

    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The record ids a case names: the id itself, or the application with that 编号 in the agency.</summary>
    private static async Task<List<string>> CaseIdsAsync(GongkaiDbContext db, Guid agencyId, string text, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            return [id.ToString("D")];
        }

        var requests = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.TrackingNumber == text)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        return [.. requests.Select(r => r.ToString("D"))];
    }
}
