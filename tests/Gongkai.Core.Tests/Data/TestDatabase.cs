using Gongkai.Core.Data;

namespace Gongkai.Core.Tests.Data;

/// <summary>
/// A fresh, migrated database per test on one of <see cref="TestProviders.Providers"/>: a SQLite file always, and a
/// PostgreSQL database of its own when <c>GONGKAI_TEST_PG</c> is set (unique data per test). Never a mocked or
/// in-memory provider.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly ScratchDatabase _scratch;

    private TestDatabase(ScratchDatabase scratch) => _scratch = scratch;

    public DatabaseTarget Target => _scratch.Target;

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var database = new TestDatabase(ScratchDatabase.Create(provider, "gongkai_t_"));
        await using var db = await GongkaiDatabase.OpenAndMigrateAsync(database.Target, TestContext.Current.CancellationToken);
        return database;
    }

    public GongkaiDbContext Open() => GongkaiDatabase.Open(Target);

    public ValueTask DisposeAsync() => _scratch.DisposeAsync();
}
