using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Accounts;

/// <summary>The agency's keys for the staff page, and the agency a key presented to the API belongs to.</summary>
public static class ApiKeyLookup
{
    /// <summary>Active keys first, newest first (an agency has a handful: sorted here, as SQLite cannot sort by a timestamp with offset).</summary>
    public static async Task<IReadOnlyList<ApiKeyLine>> ListAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.AgencyId == agencyId)
            .Select(k => new ApiKeyLine(k.Id, k.Name, k.Prefix, k.CreatedBy, k.CreatedAt, k.RevokedAt, k.LastUsedOn))
            .ToListAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)];
    }

    /// <summary>
    /// The agency of an active key with this hash, or null (unknown or revoked). One index seek by hash; the day of use
    /// is written only when it changes, so a busy key costs one UPDATE a day, not one per call.
    /// </summary>
    public static async Task<Guid?> AgencyOfAsync(GongkaiDbContext db, TimeProvider clock, string hash, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.AgencyId, k.LastUsedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        var today = ChinaClock.Today(clock);
        if (key.LastUsedOn != today)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedOn, today), cancellationToken);
        }

        return key.AgencyId;
    }
}
