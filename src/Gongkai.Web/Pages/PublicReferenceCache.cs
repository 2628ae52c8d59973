using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Pages;

/// <summary>
/// What every public page of an agency's column reads and staff change rarely: the agency itself, the full list's
/// filter choices and the names an item page shows. Kept per agency for <c>Gongkai:PublicCacheSeconds</c> (default
/// 30; 0 reads the database every time), so a change shows on the public pages within that time. Only found agencies
/// are kept: an unknown id costs a query each time, and cannot fill the cache with misses.
/// </summary>
public sealed class PublicReferenceCache(IMemoryCache cache, IConfiguration configuration)
{
    public const string SecondsKey = "Gongkai:PublicCacheSeconds";

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(configuration.GetValue(SecondsKey, 30), 0));

    public Task<Agency?> AgencyAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        GetAsync<Agency>(("agency", agencyId), () => db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken));

    public async Task<CatalogueFilters.Response> FiltersAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        (await GetAsync<CatalogueFilters.Response>(("filters", agencyId), async () => await CatalogueFilters.HandleAsync(db, agencyId, cancellationToken)))!;

    public async Task<PublicItem.Names> ItemNamesAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        (await GetAsync<PublicItem.Names>(("names", agencyId), async () => await PublicItem.NamesAsync(db, agencyId, cancellationToken)))!;

    private async Task<T?> GetAsync<T>((string, Guid) key, Func<Task<T?>> load)
        where T : class
    {
        if (_lifetime > TimeSpan.Zero && cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        var value = await load();
        if (value is not null && _lifetime > TimeSpan.Zero)
        {
            cache.Set(key, value, _lifetime);
        }

        return value;
    }
}
