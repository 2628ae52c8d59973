using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;

namespace Gongkai.Core.Tests.Data;

/// <summary>
/// A fresh, migrated database per test on one of <see cref="TestProviders.Providers"/>: a SQLite file always, and a
/// PostgreSQL database of its own when <c>GONGKAI_TEST_PG</c> is set (unique data per test). Never a mocked or
/// in-memory provider. Attached files go to a temporary folder of the test's own.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly ScratchDatabase _scratch;
    private readonly TempFolder _files = new("gongkai-files-");

    private TestDatabase(ScratchDatabase scratch)
    {
        _scratch = scratch;
        Files = new AttachmentStore(Path.Combine(_files.Path, "files"));
    }

    public DatabaseTarget Target => _scratch.Target;

    /// <summary>Attached files, in the test's own folder.</summary>
    public AttachmentStore Files { get; }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var database = new TestDatabase(ScratchDatabase.Create(provider, "gongkai_t_"));
        await using var db = await GongkaiDatabase.OpenAndMigrateAsync(database.Target, TestContext.Current.CancellationToken);
        return database;
    }

    public GongkaiDbContext Open() => GongkaiDatabase.Open(Target);

    public async ValueTask DisposeAsync()
    {
        await _scratch.DisposeAsync();
        _files.Dispose();
    }
}
