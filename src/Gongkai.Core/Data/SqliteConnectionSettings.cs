using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Core.Data;

/// <summary>
/// Per-connection SQLite settings, applied once to each native connection (Microsoft.Data.Sqlite pools them, and EF
/// Core opens and closes a pooled one around every query, so a PRAGMA on every open would cost a statement each time).
/// <list type="bullet">
/// <item><c>synchronous = FULL</c>: every commit is on disk before it returns, also in WAL mode (NORMAL would lose the
/// last commits on power failure). Stated here so durability never depends on how the native library was built.</item>
/// <item><c>cache_size</c> 8 MB (the default is 2 MB) and <c>mmap_size</c> 256 MB: the full list's index pages and
/// the reference tables stay in memory; reads from the mapped file skip a copy.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA cache_size = -8192; PRAGMA mmap_size = 268435456;";

    public static readonly SqliteConnectionSettings Instance = new();

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, this);
    }
}
