using Gongkai.Core.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Core.Data;

/// <summary>
/// The one write transaction of an import (issue 16, 11): its records and its 台账 entry are written under a lock taken
/// before the 台账's last entry is read, so the next sequence it reads is still the next at commit, however long the
/// save takes and however many online applications arrive meanwhile (they wait for the lock, as they wait for another
/// batch). SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the file's write lock. PostgreSQL: the
/// online writers' advisory lock (no application is numbered while ledger rows go in) and the 台账 table in EXCLUSIVE
/// mode (reads go on; every other writer of an entry, a staff step too, waits for the commit). A lock held by someone
/// else longer than the command timeout (30 s) fails as <see cref="DatabaseBusy"/>, with nothing written.
/// </summary>
internal static class ImportTransaction
{
    internal const string PostgresAuditLock = "LOCK TABLE audit_entries IN EXCLUSIVE MODE";

    public static async Task<IDbContextTransaction> BeginAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (db.Database.IsNpgsql())
            {
                // Always in this order, as the online writer takes them (its lock, then a row of the 台账): no deadlock.
                await db.Database.ExecuteSqlRawAsync(SubmissionWriter.PostgresLock, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(PostgresAuditLock, cancellationToken);
            }

            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
