using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Audit;

/// <summary>
/// The 台账 of one record (an application, an item, a report version, the 第二十条 figures): its entries, oldest
/// first, as written. The first entry names the record's agency, whose right to read it the caller checks.
/// </summary>
public static class RecordTrail
{
    /// <summary>A record changes tens of times; more than this is not a page anybody reads.</summary>
    public const int MaxEntries = 500;

    public static async Task<IReadOnlyList<AuditEntry>> HandleAsync(GongkaiDbContext db, string entityType, string entityId, CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Sequence)
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
}
