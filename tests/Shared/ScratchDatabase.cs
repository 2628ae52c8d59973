using Gongkai.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Tests;

/// <summary>
/// Where a test or a fixture keeps a database of its own, on one of <see cref="TestProviders.Names"/>: a SQLite file in
/// a temp folder of its own, or a uniquely named PostgreSQL database. Not created here (migrating creates it); dropped,
/// best effort, when disposed.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly TempFolder? _folder;

    private ScratchDatabase(string db, TempFolder? folder)
    {
        Db = db;
        Target = DatabaseTarget.Resolve(db);
        _folder = folder;
    }

    /// <summary>What an operator passes as <c>--db</c>: the SQLite file or the PostgreSQL connection string.</summary>
    public string Db { get; }

    public DatabaseTarget Target { get; }

    /// <param name="prefix">Names the temp folder or the PostgreSQL database, to tell what a leftover came from.</param>
    public static ScratchDatabase Create(string provider, string prefix)
    {
        switch (provider)
        {
            case TestProviders.Postgres:
                return new ScratchDatabase(TestProviders.NewPostgresDatabase(prefix), null);
            case TestProviders.Sqlite:
                var folder = new TempFolder(prefix);
                return new ScratchDatabase(Path.Combine(folder.Path, "gongkai.db"), folder);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not one of " + string.Join(", ", TestProviders.Names));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            await Cleanup.TryAsync("drop the test database " + Target.Display, async () =>
            {
                await using var db = GongkaiDatabase.Open(Target);
                await db.Database.EnsureDeletedAsync();
            });
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            // SQLite's pooled connections keep the file open, and an open file cannot be deleted everywhere.
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }
    }
}
