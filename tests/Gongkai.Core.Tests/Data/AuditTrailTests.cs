using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Data;

public sealed class AuditTrailTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8)));

    private static async Task RecordAsync(TestDatabase database, int count)
    {
        await using var db = database.Open();
        for (var i = 1; i <= count; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1.2345678));
            AuditTrail.Record(db, Clock, "张三（经办人）", "request.transition", "DisclosureRequest", $"R-{i}", null, $$"""{"state":"Received","n":{{i}}}""", $$"""{"state":"Processing","n":{{i}}}""");
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken);
    }

    /// <summary>What a person with direct database access would do to hide a change: the triggers go first.</summary>
    private static async Task TamperAsync(TestDatabase database, string sql)
    {
        await using var db = database.Open();
        if (database.Target.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_change ON audit_entries;", TestContext.Current.CancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;", TestContext.Current.CancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_UntouchedChain_Intact(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, 5);
        await RecordAsync(database, 3);

        var result = await VerifyAsync(database);

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(8, result.Checked);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_EntryAlteredWithRawSql_NamesIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, 6);
        await TamperAsync(database, "UPDATE audit_entries SET after = '[\"Replied\"]' WHERE sequence = 4");

        var result = await VerifyAsync(database);

        Assert.Equal(4, result.BrokenAt);
        Assert.Equal("第4条记录的内容已被修改（哈希不符）", result.Reason);
        Assert.Equal(3, result.Checked);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_EntryDeleted_NamesTheGap(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, 6);
        await TamperAsync(database, "DELETE FROM audit_entries WHERE sequence = 3");

        var result = await VerifyAsync(database);

        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("第3条至第3条记录缺失", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_EntryRehashedButNotItsSuccessor_NamesTheSuccessor(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, 4);
        await using (var db = database.Open())
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2, TestContext.Current.CancellationToken);
            var forged = new AuditEntry
            {
                Sequence = 2,
                Actor = "someone",
                Action = entry.Action,
                EntityType = entry.EntityType,
                EntityId = entry.EntityId,
                Before = entry.Before,
                After = entry.After,
                At = entry.At,
                PreviousHash = entry.PreviousHash,
                Hash = "",
            };
            await TamperAsync(database, $"UPDATE audit_entries SET actor = 'someone', hash = '{AuditTrail.Hash(forged)}' WHERE sequence = 2");
        }

        var result = await VerifyAsync(database);

        Assert.Equal(3, result.BrokenAt);
        Assert.Equal("第3条记录的前序哈希与第2条记录不符", result.Reason);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task RawUpdate_TriggersInPlace_Refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, 2);
        await using var db = database.Open();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'x' WHERE sequence = 1", TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", TestContext.Current.CancellationToken));
        Assert.True((await VerifyAsync(database)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SaveChanges_ModifiedEntry_RefusedByTheModel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, 1);
        await using var db = database.Open();
        var entry = await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        db.Entry(entry).Property(e => e.Actor).CurrentValue = "x";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
    /// <summary>Two writers chain to the same last entry at once: the second is saved after the first, chain intact.</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Record_TwoWritersAtOnce_SecondRechainedAfterTheFirstChainIntact(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var first = database.Open();
        await using var second = database.Open();
        AuditTrail.Record(first, Clock, "甲", "request.transition", "DisclosureRequest", "R-1", null, null, "{}");
        AuditTrail.Record(second, Clock, "乙", "request.transition", "DisclosureRequest", "R-2", null, null, "{}");

        await first.SaveChangesAsync(ct);
        await second.SaveChangesAsync(ct);

        await using var db = database.Open();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        Assert.Equal(["甲", "乙"], entries.Select(e => e.Actor));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.True((await VerifyAsync(database)).IsIntact);
    }
}
