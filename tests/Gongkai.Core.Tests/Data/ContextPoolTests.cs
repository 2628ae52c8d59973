using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Gongkai.Core.Tests.Data;

/// <summary>
/// The site leases its contexts from a pool (SiteDatabase); the online applications' writer switches change detection
/// off on its context. A context given back must come out again as new: settings back to the defaults, nothing
/// tracked, and still carrying the database's identity protector.
/// </summary>
public sealed class ContextPoolTests
{
    [Fact]
    public async Task Pool_ContextGivenBack_ComesOutWithDefaultsAndTheProtector()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        var protector = IdentityProtector.ForDatabase(database.Target);
        var options = (DbContextOptions<SqliteGongkaiDbContext>)GongkaiDatabase.Options(database.Target, protector);
        var pool = new PooledDbContextFactory<SqliteGongkaiDbContext>(options, 1);

        var first = pool.CreateDbContext();
        first.ChangeTracker.AutoDetectChangesEnabled = false;
        first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        first.Agencies.Add(Domain.Agencies.Agency.Create("北京市东城区").Value);
        await first.DisposeAsync();

        await using var second = pool.CreateDbContext();
        Assert.Same(first, second);
        Assert.True(second.ChangeTracker.AutoDetectChangesEnabled);
        Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
        Assert.Empty(second.ChangeTracker.Entries());
        Assert.Same(protector, second.Protector);
    }
}
