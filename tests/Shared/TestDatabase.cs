using System.Collections.Concurrent;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Tests;

/// <summary>
/// The one test database of the Core, Web and CLI tests: a database of its own per test or fixture on one of
/// <see cref="TestProviders.Names"/> (a SQLite file in a temp folder of its own, or a uniquely named PostgreSQL
/// database), dropped, best effort, when disposed. Never a mocked or in-memory provider. <see cref="CreateAsync"/>
/// gives it migrated: the migrations run once per provider and test process, into a template that each database is
/// copied from (a file copy; PostgreSQL's CREATE DATABASE … TEMPLATE), since migrating every test's database was most
/// of a storage test's time. Attached files go to a temporary folder of the database's own.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Template>>> Templates = new(StringComparer.Ordinal);

    private readonly TempFolder? _folder;
    private readonly TempFolder _files = new("gongkai-files-");

    private TestDatabase(string db, TempFolder? folder)
    {
        Db = db;
        Target = DatabaseTarget.Resolve(db);
        _folder = folder;
        Files = new AttachmentStore(Path.Combine(_files.Path, "files"));
    }

    /// <summary>What an operator passes as <c>--db</c>: the SQLite file or the PostgreSQL connection string.</summary>
    public string Db { get; }

    public DatabaseTarget Target { get; }

    /// <summary>Attached files, in the database's own folder.</summary>
    public AttachmentStore Files { get; }

    /// <summary>A fresh database with every migration applied and no records.</summary>
    /// <param name="prefix">Names the temp folder or the PostgreSQL database, to tell what a leftover came from.</param>
    public static async Task<TestDatabase> CreateAsync(string provider, string prefix = "gongkai_t_")
    {
        var template = await Templates.GetOrAdd(provider, p => new Lazy<Task<Template>>(() => Template.CreateAsync(p))).Value;
        var database = Unmigrated(provider, prefix);
        return await Cleanup.DisposeOnFailureAsync(database, d => template.CopyToAsync(d.Target));
    }

    /// <summary>A place for a database that does not exist yet: for the tests of what creates and migrates one (a host, the CLI).</summary>
    public static TestDatabase Unmigrated(string provider, string prefix)
    {
        switch (provider)
        {
            case TestProviders.Postgres:
                return new TestDatabase(TestProviders.NewPostgresDatabase(prefix), null);
            case TestProviders.Sqlite:
                var folder = new TempFolder(prefix);
                return new TestDatabase(Path.Combine(folder.Path, "gongkai.db"), folder);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not one of " + string.Join(", ", TestProviders.Names));
        }
    }

    public GongkaiDbContext Open() => GongkaiDatabase.Open(Target);

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            await DropAsync(Target);
        }
        else
        {
            // SQLite's pooled connections keep the file open, and an open file cannot be deleted everywhere.
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }

        _files.Dispose();
    }

    private static async Task DropAsync(DatabaseTarget target)
    {
        await Cleanup.TryAsync("drop the test database " + target.Display, async () =>
        {
            await using var db = GongkaiDatabase.Open(target);
            await db.Database.EnsureDeletedAsync();
        });
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A provider's migrated, empty database of this test process, removed when the process exits.</summary>
    private sealed class Template
    {
        private readonly TestDatabase _database;

        private Template(TestDatabase database) => _database = database;

        public static async Task<Template> CreateAsync(string provider)
        {
            var database = Unmigrated(provider, "gongkai_template_");
            await using (var db = await GongkaiDatabase.OpenAndMigrateAsync(database.Target))
            {
                if (provider == TestProviders.Sqlite)
                {
                    // Everything into the main file, so that copying the file copies the database.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }
            }

            // No connection may stay open on a database being copied (PostgreSQL refuses a template in use).
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new Template(database);
        }

        public async Task CopyToAsync(DatabaseTarget target)
        {
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                File.Copy(PathOf(_database.Target), PathOf(target));
                return;
            }

            var name = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database;
            var template = new NpgsqlConnectionStringBuilder(_database.Target.ConnectionString).Database;
            await using var server = new NpgsqlConnection(TestProviders.PostgresServer!);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        private static string PathOf(DatabaseTarget target) => new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
    }
}
