using Gongkai.Core.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Gongkai.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the records are: a SQLite file or a PostgreSQL connection string, from <c>--db</c>, else the environment
/// variable <c>GONGKAI_DB</c>, else the embedded default <see cref="DefaultSqlitePath"/>. A relative file is made
/// absolute against the working directory once, here.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "GONGKAI_DB";
    public const string DefaultFileName = "gongkai.db";

    /// <summary>The embedded default, the same for the CLI and the site: <c>gongkai.db</c> in <see cref="DataFolder.Default"/>.</summary>
    public static string DefaultSqlitePath => Path.Combine(DataFolder.Default, DefaultFileName);

    public static DatabaseTarget Resolve(string? db)
    {
        var value = string.IsNullOrWhiteSpace(db) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : db;
        if (string.IsNullOrWhiteSpace(value))
        {
            value = DefaultSqlitePath;
        }

        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(DatabaseProvider.Postgres, FromUri(new Uri(value)));
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(DatabaseProvider.Postgres, value);
        }

        var path = Path.GetFullPath(value);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true };
        return new DatabaseTarget(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>For messages and the start-up line: the file, or host and database without the password.</summary>
    public string Display => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : new NpgsqlConnectionStringBuilder(ConnectionString) is var pg ? $"postgresql://{pg.Host}:{pg.Port}/{pg.Database}" : "";

    /// <summary>postgresql://user:password@host:port/database as Npgsql's key=value form.</summary>
    private static string FromUri(Uri uri)
    {
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        };
        return builder.ConnectionString;
    }
}

/// <summary>Opens the database for a target and brings its schema up to date.</summary>
public static class GongkaiDatabase
{
    public static GongkaiDbContext Open(DatabaseTarget target) => Open(target, IdentityProtector.ForDatabase(target));

    public static GongkaiDbContext Open(DatabaseTarget target, IdentityProtector protector) => Open(Options(target, protector));

    /// <summary>
    /// A context on options built once by <see cref="Options"/>: a long-lived host (the site) builds them at start-up
    /// instead of on every request, which is what EF Core spends most of a small query's time on otherwise.
    /// </summary>
    public static GongkaiDbContext Open(DbContextOptions options) => options switch
    {
        DbContextOptions<PostgresGongkaiDbContext> postgres => new PostgresGongkaiDbContext(postgres),
        DbContextOptions<SqliteGongkaiDbContext> sqlite => new SqliteGongkaiDbContext(sqlite),
        _ => throw new ArgumentException("Options of another context type.", nameof(options)),
    };

    /// <summary>
    /// The provider's options for a target and its identity key; immutable, so one instance serves every context of a
    /// process (and a pool of them). Everything a context needs is here, nothing is added per instance (OnConfiguring).
    /// </summary>
    /// <param name="interceptors">A host's own, e.g. the site's signal that public content changed.</param>
    public static DbContextOptions Options(DatabaseTarget target, IdentityProtector protector, params IInterceptor[] interceptors) => target.Provider == DatabaseProvider.Postgres
        ? Common(new DbContextOptionsBuilder<PostgresGongkaiDbContext>()
            .UseNpgsql(target.ConnectionString, o => o.MigrationsAssembly(typeof(GongkaiDatabase).Assembly.GetName().Name))
            .AddInterceptors(interceptors), protector)
            .Options
        : Common(new DbContextOptionsBuilder<SqliteGongkaiDbContext>()
            .UseSqlite(target.ConnectionString)
            .AddInterceptors([SqliteConnectionSettings.Instance, .. interceptors]), protector)
            .Options;

    private static T Common<T>(T builder, IdentityProtector protector)
        where T : DbContextOptionsBuilder
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ProtectorOptionsExtension(protector));

        // The model holds the protector's converter: one model per key, never one shared across keys.
        builder.ReplaceService<IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();
        return builder;
    }

    /// <summary>Applies the provider's migrations; a SQLite file gets its folder and write-ahead logging.</summary>
    public static async Task<GongkaiDbContext> OpenAndMigrateAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        var db = Open(target);
        await RefuseOtherMigrationsAsync(db, target, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending)
        {
            // Issue 13: contact details stored in clear before are sealed now (a data step: the key is not in the database).
            await ContactEncryption.SealPlainValuesAsync(db, cancellationToken);
        }

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (reports, the portal) run while one writer works; it is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return db;
    }

    /// <summary>
    /// A database made by migrations this build does not know (those before they were squashed into one initial
    /// migration in issue 12, or a newer build's) is refused with the reason, before anything is changed in it:
    /// migrating would fail half-way on tables that already exist.
    /// </summary>
    private static async Task RefuseOtherMigrationsAsync(GongkaiDbContext db, DatabaseTarget target, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        if (applied.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
        {
            await db.DisposeAsync();
            throw new InvalidOperationException(
                $"数据库 {target.Display} 由其他版本的 Gongkai 创建（迁移 {unknown}），与本版本的数据库结构不兼容：请备份后删除该数据库，由本版本重新创建");
        }
    }
}

/// <summary>Design-time factories for `dotnet ef migrations add` (one migration set per provider).</summary>
public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteGongkaiDbContext>
{
    public SqliteGongkaiDbContext CreateDbContext(string[] args) =>
        (SqliteGongkaiDbContext)GongkaiDatabase.Open(DatabaseTarget.Resolve("design-time.db"), new Protection.IdentityProtector(new byte[32]));
}

public sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresGongkaiDbContext>
{
    public PostgresGongkaiDbContext CreateDbContext(string[] args) =>
        (PostgresGongkaiDbContext)GongkaiDatabase.Open(DatabaseTarget.Resolve("Host=localhost;Database=gongkai_design"), new Protection.IdentityProtector(new byte[32]));
}
