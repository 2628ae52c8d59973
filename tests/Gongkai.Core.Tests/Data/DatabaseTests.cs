using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Tests.Data;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Migrate_SqliteFile_WriteAheadLogging()
    {
        await using var database = TestDatabase.Unmigrated(TestProviders.Sqlite, "gongkai-migrate-");
        await using var db = await GongkaiDatabase.OpenAndMigrateAsync(database.Target, TestContext.Current.CancellationToken);
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The provider's migrations make the whole model (a model change without its migration fails here).</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Migrate_NewDatabase_AllAppliedAndTheModelMatches(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Unmigrated(provider, "gongkai_migrate_");
        await using var db = await GongkaiDatabase.OpenAndMigrateAsync(database.Target, ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    /// <summary>A database of migrations this build does not know (before the squash) is refused as it is, not half-migrated.</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Migrate_DatabaseOfUnknownMigrations_RefusedInChineseNothingChanged(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261201000000_Old', '10.0.0')", ct);
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => GongkaiDatabase.OpenAndMigrateAsync(database.Target, ct));

        Assert.Contains("由其他版本的 Gongkai 创建（迁移 20261201000000_Old）", refused.Message, StringComparison.Ordinal);
        await using var after = database.Open();
        Assert.Equal(after.Database.GetMigrations().Count() + 1, (await after.Database.GetAppliedMigrationsAsync(ct)).Count());
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("custom/records.db", DatabaseProvider.Sqlite)]
    [InlineData("Host=127.0.0.1;Database=gongkai;Username=u;Password=secret", DatabaseProvider.Postgres)]
    [InlineData("postgresql://u:secret@db.example/gongkai", DatabaseProvider.Postgres)]
    public void Resolve_PathOrConnectionString_Provider(string? db, DatabaseProvider provider)
    {
        var target = DatabaseTarget.Resolve(db);

        Assert.Equal(provider, target.Provider);
        Assert.DoesNotContain("secret", target.Display, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Agencies_DistrictAndDepartments_StoredWithParent(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var district = Agency.Create("北京市东城区").Value;
        var office = Agency.Create("北京市东城区对外联络服务办公室", district.Id).Value;
        await using (var db = database.Open())
        {
            db.Agencies.AddRange(district, office);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        var children = await read.Agencies.Where(a => a.ParentId == district.Id).Select(a => a.Name).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["北京市东城区对外联络服务办公室"], children);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Agencies_DuplicateName_Refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        db.Agencies.AddRange(Agency.Create("北京市东城区").Value, Agency.Create("北京市东城区").Value);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}
