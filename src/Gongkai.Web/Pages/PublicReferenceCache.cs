using Gongkai.Core.Data;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Pages;

/// <summary>
/// What every public page of an agency's column reads and staff change rarely: the agency itself, the full list's
/// filter choices and the names an item page shows. Kept per agency for <c>Gongkai:PublicCacheSeconds</c> (default
/// <see cref="DefaultSeconds"/>; 0 reads the database every time) and dropped at once when this site saves a change
/// (<see cref="PublicContentChanges.Generation"/> is part of the key); a change by another process shows within the
/// lifetime. Only found agencies are kept: an unknown id costs a query each time, and cannot fill the cache with misses.
/// <para>
/// The full list and item pages themselves are kept whole in the output cache (<see cref="PagePolicy"/>) for the same
/// lifetime unless <c>Gongkai:PublicOutputCache</c> is false; they are evicted by the same signal.
/// </para>
/// </summary>
public sealed class PublicReferenceCache(IMemoryCache cache, IConfiguration configuration, PublicContentChanges changes)
{
    public const string SecondsKey = "Gongkai:PublicCacheSeconds";

    public const string OutputCacheKey = "Gongkai:PublicOutputCache";

    public const int DefaultSeconds = 60;

    /// <summary>
    /// The output-cache policy of public pages that are the same for every reader (no form token, no cookie): the
    /// framework's default rules apply on top (GET and HEAD, 200 only, never for a signed-in user or a response that
    /// sets a cookie), and the key is the whole address, query string included.
    /// </summary>
    public const string PagePolicy = "public-page";

    private readonly TimeSpan _lifetime = Lifetime(configuration);

    public static TimeSpan Lifetime(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Max(configuration.GetValue(SecondsKey, DefaultSeconds), 0));

    /// <summary>How long the output cache keeps a whole page: zero when it is switched off.</summary>
    public static TimeSpan PageLifetime(IConfiguration configuration) =>
        configuration.GetValue(OutputCacheKey, true) ? Lifetime(configuration) : TimeSpan.Zero;

    public Task<Agency?> AgencyAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        GetAsync<Agency>(("agency", agencyId), () => FindAgency.ByIdAsync(db, agencyId, cancellationToken));

    public async Task<CatalogueFilters.Response> FiltersAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        (await GetAsync<CatalogueFilters.Response>(("filters", agencyId), async () => await CatalogueFilters.HandleAsync(db, agencyId, cancellationToken)))!;

    public async Task<PublicItem.Names> ItemNamesAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        (await GetAsync<PublicItem.Names>(("names", agencyId), async () => await PublicItem.NamesAsync(db, agencyId, cancellationToken)))!;

    private async Task<T?> GetAsync<T>((string Kind, Guid AgencyId) name, Func<Task<T?>> load)
        where T : class
    {
        // The generation is read before the database: a value read just before a change is kept under the old key.
        var key = (name.Kind, name.AgencyId, changes.Generation);
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
