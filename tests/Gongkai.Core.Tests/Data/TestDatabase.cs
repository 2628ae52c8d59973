using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Core.Tests.Data;

/// <summary>
/// A fresh, migrated database per test: a SQLite file always, and a PostgreSQL database of its own when
/// <c>GONGKAI_TEST_PG</c> holds a connection string (npgsql's TestUtil idea: the server chosen by an environment
/// variable, unique data per test). Never a mocked or in-memory provider.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GONGKAI_TEST_PG";
    private readonly string _folder;

    private TestDatabase(DatabaseTarget target, string folder)
    {
        Target = target;
        _folder = folder;
        Files = new AttachmentStore(Path.Combine(folder, "files"));
    }

    public DatabaseTarget Target { get; }

    /// <summary>Attached files, in the test's own folder (beside the SQLite file; a temporary one for PostgreSQL).</summary>
    public AttachmentStore Files { get; }

    /// <summary>The providers to run storage tests on: SQLite, and PostgreSQL when configured.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var providers = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                providers.Add("postgres");
            }

            return providers;
        }
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        TestDatabase database;
        var folder = Directory.CreateTempSubdirectory("gongkai-db-").FullName;
        if (provider == "postgres")
        {
            var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable))
            {
                Database = "gongkai_t_" + Guid.NewGuid().ToString("N")[..16],
            };
            database = new TestDatabase(DatabaseTarget.Resolve(builder.ConnectionString), folder);
        }
        else
        {
            database = new TestDatabase(DatabaseTarget.Resolve(Path.Combine(folder, "gongkai.db")), folder);
        }

        await using var db = await GongkaiDatabase.OpenAndMigrateAsync(database.Target, TestContext.Current.CancellationToken);
        return database;
    }

    public GongkaiDbContext Open() => GongkaiDatabase.Open(Target);

    public async ValueTask DisposeAsync()
    {
        if (Target.Provider == DatabaseProvider.Postgres)
        {
            await using (var db = Open())
            {
                await db.Database.EnsureDeletedAsync();
            }

            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
