using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Core.Data;

/// <summary>
/// A write that waited longer than the command timeout (30 s) for a lock someone else holds (issue 16, 11): SQLite's
/// "database is locked" after its busy wait, PostgreSQL's timeout at a lock. Nothing of the write was stored and the
/// same write later is expected to succeed, so the site answers 503 with Retry-After and the CLI says to retry: it is
/// neither the user's mistake nor a bug.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>What a user or operator reads.</summary>
    public const string Message = "数据库正忙（另一项写入操作占用时间较长），本次操作未保存，请稍后重试";

    /// <summary>When to try again: about one busy wait later.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>SQLITE_BUSY and SQLITE_LOCKED (primary result codes, so also their extended forms).</summary>
    private const int SqliteBusy = 5;

    private const int SqliteLocked = 6;

    public static bool Is(Exception e) => e switch
    {
        DbUpdateException { InnerException: { } inner } => Is(inner),
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        PostgresException p => p.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled,

        // Npgsql's own command timeout: the server was still waiting (at the advisory or the table lock).
        NpgsqlException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
