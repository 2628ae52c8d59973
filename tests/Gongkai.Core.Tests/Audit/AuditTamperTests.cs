using System.Security.Cryptography;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Audit;

/// <summary>
/// Issue 16, 14: someone who can write the database (not read the key) rewrites the 台账 or a record; each way is found,
/// on both databases. Each test also shows that the chain alone, as verified before, passes the same tampering.
/// </summary>
public sealed class AuditTamperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task RecordAsync(TestDatabase database, FakeTimeProvider clock, int count)
    {
        await using var db = database.Open();
        for (var i = 1; i <= count; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            AuditTrail.Record(db, clock, "张三（经办人）", "request.transition", "DisclosureRequest", $"R-{i}", null, $$"""{"n":{{i}}}""", $$"""{"n":{{i + 1}}}""");
        }

        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A database, a checkpoint file of its own and a clock.</summary>
    private sealed class Scene(TestDatabase database, TempFolder folder) : IAsyncDisposable
    {
        public TestDatabase Database => database;

        public string File { get; } = Path.Combine(folder.Path, "checkpoints.txt");

        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero));

        public static async Task<Scene> CreateAsync(string provider) => new(await TestDatabase.CreateAsync(provider), new TempFolder("gongkai-checkpoints-"));

        /// <summary>Adds <paramref name="count"/> entries, then writes a checkpoint as the site and <c>audit verify</c> do.</summary>
        public async Task<AuditVerification> RecordAndCheckpointAsync(int count)
        {
            await RecordAsync(database, Clock, count);
            await using var db = database.Open();
            return await AuditCheckpoints.WriteAsync(db, File, Clock, Ct);
        }

        public async ValueTask DisposeAsync()
        {
            await database.DisposeAsync();
            folder.Dispose();
        }
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database, string? file)
    {
        await using var db = database.Open();
        return await AuditTrail.VerifyAsync(db, file, Ct);
    }

    /// <summary>What a person with direct database access does: the append-only triggers go first.</summary>
    private static async Task TamperAsync(TestDatabase database, string sql)
    {
        await using var db = database.Open();
        var dropTriggers = database.Target.Provider == DatabaseProvider.Postgres
            ? "DROP TRIGGER IF EXISTS audit_entries_no_change ON audit_entries;"
            : "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;";
        await db.Database.ExecuteSqlRawAsync(dropTriggers, Ct);
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_LastEntriesDeletedAfterACheckpoint_FindsTheTruncation(string provider)
    {
        await using var scene = await Scene.CreateAsync(provider);
        var (database, file) = (scene.Database, scene.File);
        Assert.True((await scene.RecordAndCheckpointAsync(6)).IsIntact);

        await TamperAsync(database, "DELETE FROM audit_entries WHERE sequence >= 5");

        Assert.True((await VerifyAsync(database, null)).IsIntact);
        var result = await VerifyAsync(database, file);
        Assert.Equal(5, result.BrokenAt);
        Assert.Equal(4, result.Checked);
        Assert.Equal("第5条至第6条记录缺失（已被删除：2026-12-05T01:00:06Z的检查点记到第6条）", result.Reason);
    }

    /// <summary>The attacker knows the algorithm (AuditTrail.Hash) but not the key: entry 3 changed, 3 to 6 rehashed.</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_EntryChangedAndLaterHashesRecomputed_FoundAtTheCheckpoint(string provider)
    {
        await using var scene = await Scene.CreateAsync(provider);
        var (database, file) = (scene.Database, scene.File);
        await scene.RecordAndCheckpointAsync(2);
        await scene.RecordAndCheckpointAsync(4);

        await RewriteFromAsync(database, 3, "李四");

        Assert.True((await VerifyAsync(database, null)).IsIntact);
        var result = await VerifyAsync(database, file);
        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(2, result.Checked);
        Assert.Equal("第3条至第6条记录已被改写（哈希被重新计算，与2026-12-05T01:00:06Z的检查点不符）", result.Reason);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_ForgedCheckpointLine_Found(string provider)
    {
        await using var scene = await Scene.CreateAsync(provider);
        var (database, file) = (scene.Database, scene.File);
        await scene.RecordAndCheckpointAsync(3);

        // A line for the current head, signed with a key of the forger's own.
        await using (var db = database.Open())
        {
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync(Ct);
            AuditCheckpoints.Append(new IdentityProtector(RandomNumberGenerator.GetBytes(32)), file, head, scene.Clock.GetUtcNow());
        }

        var result = await VerifyAsync(database, file);

        Assert.Null(result.BrokenAt);
        Assert.False(result.IsIntact);
        Assert.Equal([$"检查点文件第2行的签名不符（被伪造或改动）：{file}"], result.Findings);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_RequestRowEditedInSql_NamesTheApplication(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await SubmitAsync(database);
        var before = await VerifyAsync(database, null);

        await TamperAsync(database, "UPDATE requests SET content = '请公开全部预算' WHERE tracking_number = 'WEB-2022-0007'");

        Assert.True(before.IsIntact, string.Join("；", before.Findings));
        Assert.Equal(2, before.RecordsChecked);
        var result = await VerifyAsync(database, null);
        Assert.Null(result.BrokenAt);
        Assert.Equal([$"依申请公开申请 {id:D}（编号 WEB-2022-0007） 与台账第2条记录中的内容哈希不符（在台账之外被直接修改）"], result.Findings);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_RequestRowDeletedInSql_NamesIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await SubmitAsync(database);

        await TamperAsync(database, "DELETE FROM request_events; DELETE FROM requests WHERE tracking_number = 'WEB-2022-0007'");

        var result = await VerifyAsync(database, null);
        Assert.Equal([$"依申请公开申请 {id:D} 已不在数据库中，但第2条记录之后台账中没有删除它的记录（被直接删除）"], result.Findings);
    }

    /// <summary>A step through the application (a list column, a new step row) keeps the record and its last entry alike.</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_StepAppliedThroughTheApplication_RecordMatchesItsLastEntry(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await SubmitAsync(database);
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 1, 12, 1, 0, 0, TimeSpan.Zero));
        await using (var db = database.Open())
        {
            var agencyId = (await db.Requests.SingleAsync(Ct)).AgencyId;
            var supplement = new RequestSupplement(new Actor("u-7", "赵六", ActorRole.Staff), new DateOnly(2022, 1, 12), clock.GetUtcNow(), ["文件名称", "文号"], new DateOnly(2022, 1, 30));
            var step = await ApplyStep.HandleAsync(db, clock, WorkCalendar.Official, new ApplyStep.Request(id, agencyId, supplement), Ct);
            Assert.True(step.IsSuccess, step.IsSuccess ? "" : step.Problem.Message);
        }

        var result = await VerifyAsync(database, null);

        Assert.True(result.IsIntact, string.Join("；", result.Findings));
        Assert.Equal((2L, 0L), (result.RecordsChecked, result.RecordsWithoutHash));
        await using var read = database.Open();
        Assert.All(await read.AuditEntries.ToListAsync(Ct), e => Assert.NotNull(e.RecordHash));
    }

    /// <summary>Entries written before issue 16 have no record hash: not judged, counted.</summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Verify_RecordWhoseEntriesHaveNoHash_CountedNotFailed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SubmitAsync(database);

        // The entries as the code before issue 16 wrote them: no record hash, and entry hashes without it.
        await TamperAsync(database, "UPDATE audit_entries SET record_hash = NULL");
        await RelinkAsync(database, 1);
        var result = await VerifyAsync(database, null);

        Assert.True(result.IsIntact, result.Reason + string.Join("；", result.Findings));
        Assert.Equal((0L, 2L), (result.RecordsChecked, result.RecordsWithoutHash));
    }

    /// <summary>An agency and an application lodged online with the application's confirmation of receipt: entries 1 to 2.</summary>
    private static async Task<Guid> SubmitAsync(TestDatabase database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));
        var agency = Agency.Create("某区某局").Value;
        await using var db = database.Open();
        db.Agencies.Add(agency);
        var contact = ContactDetails.Create("010-12345678", null, null).Value;
        var applicant = Applicant.NaturalPerson("张三", IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value, contact).Value;
        var request = DisclosureRequest.Submit(new Submit(new Actor("test", "测试", ActorRole.Staff), new DateOnly(2022, 1, 10), clock.GetUtcNow(), Guid.NewGuid(),
            agency.Id, "WEB-2022-0007", applicant, Channel.InPerson, "请公开预算"), WorkCalendar.Official).Value;
        db.Requests.Add(request);
        AuditTrail.Record(db, clock, "cli:test", "agency.created", nameof(Agency), agency.Id.ToString("D"), agency.Id, null, """{"Name":"某区某局"}""");
        AuditTrail.Record(db, clock, SubmissionWriter.ActorId, "request.submittedOnline", nameof(DisclosureRequest), request.Id.ToString("D"), agency.Id, null, ApplyStep.Snapshot(request));
        await db.SaveChangesAsync(Ct);
        return request.Id;
    }

    /// <summary>Changes the actor of entry <paramref name="from"/> and recomputes its hash and every later one.</summary>
    private static async Task RewriteFromAsync(TestDatabase database, long from, string actor)
    {
        await TamperAsync(database, $"UPDATE audit_entries SET actor = '{actor}' WHERE sequence = {from}");
        await RelinkAsync(database, from);
    }

    /// <summary>Recomputes the previous hash and the hash of entry <paramref name="from"/> and every later one, as an attacker who knows the algorithm can.</summary>
    private static async Task RelinkAsync(TestDatabase database, long from)
    {
        await using var db = database.Open();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(Ct);
        var previous = entries.SingleOrDefault(e => e.Sequence == from - 1)?.Hash ?? AuditTrail.GenesisHash;
        foreach (var entry in entries.Where(e => e.Sequence >= from))
        {
            db.Entry(entry).Property(e => e.PreviousHash).CurrentValue = previous;
            previous = AuditTrail.Hash(entry);
            await TamperAsync(database, $"UPDATE audit_entries SET previous_hash = '{entry.PreviousHash}', hash = '{previous}' WHERE sequence = {entry.Sequence}");
        }
    }
}
