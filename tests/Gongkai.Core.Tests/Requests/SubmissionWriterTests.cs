using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Group commit of online applications: one series without gaps, one transaction per batch, a bad member alone.</summary>
public sealed class SubmissionWriterTests
{
    /// <summary>The test trigger refuses a request whose content holds this.</summary>
    private const string Refused = "触发器拒收";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private static readonly DateOnly Today = new(2026, 3, 2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SubmissionWriter NewWriter(TestDatabase database) => new(database.Open, Clock, WorkCalendar.Official);

    private static string ContentOf(int i) => $"2025年本区老旧小区改造项目清单（第{i}份）";

    private static SubmissionWriter.Pending Pending(Guid agency, string content) =>
        new(new SubmissionWriter.Submission(agency, Today, SubmitOnlineTests.Person.Check(Today).Applicant!, content), CancellationToken.None);

    private static async Task<List<DisclosureRequest>> StoredAsync(TestDatabase database)
    {
        // Every pooled connection closed first: what is read comes from the file (the server), not from a connection
        // of the writer.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await using var db = database.Open();
        var verification = await AuditTrail.VerifyAsync(db, Ct);
        Assert.True(verification.IsIntact, verification.Reason);
        var requests = await db.Requests.AsNoTracking().OrderBy(r => r.TrackingNumber).ToListAsync(Ct);
        var audited = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.EntityId).ToListAsync(Ct);
        Assert.Equal(requests.Select(r => r.Id.ToString("D")).Order(StringComparer.Ordinal), audited.Order(StringComparer.Ordinal));
        return requests;
    }

    private static string[] Series(int count) => [.. Enumerable.Range(1, count).Select(i => $"2026-{i:D6}")];

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Submit_200AtOnce_GroupedIntoFewerTransactionsOneSeriesWithoutGapsStoredChainedAndLookedUp(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;

        (int Index, SubmitOnline.Receipt Receipt)[] receipts;
        await using (var writer = NewWriter(database))
        {
            receipts = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            {
                var result = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agency, SubmitOnlineTests.Person with { Content = ContentOf(i) }), Ct);
                return (i, result.Value.Receipt!);
            })));

            Assert.Equal(200, writer.ApplicationsCommitted);
            Assert.InRange(writer.BatchesCommitted, 1, 199);
        }

        Assert.Equal(Series(200), receipts.Select(r => r.Receipt.TrackingNumber).Order(StringComparer.Ordinal));
        var stored = await StoredAsync(database);
        Assert.Equal(Series(200), stored.Select(r => r.TrackingNumber));
        Assert.All(stored, r => Assert.Equal(SubmitOnlineTests.IdentityNumber, r.Applicant.Document!.Number));

        // Each caller was given its own application's number and a 查询码 that opens exactly it.
        await using var db = database.Open();
        foreach (var (index, receipt) in receipts)
        {
            Assert.StartsWith(ContentOf(index), stored.Single(r => r.TrackingNumber == receipt.TrackingNumber).Content, StringComparison.Ordinal);
            var status = await LookupApplication.HandleAsync(db, Gongkai.Domain.Calendar.WorkCalendar.Official, new LookupApplication.Request(agency, receipt.TrackingNumber, receipt.QueryCode), Ct);
            Assert.True(status.IsSuccess, receipt.TrackingNumber);
            Assert.Equal(RequestState.Submitted, status.Value.State);
        }

        var encrypted = await db.Database.SqlQueryRaw<string>("SELECT id_document_number AS \"Value\" FROM requests").ToListAsync(Ct);
        Assert.All(encrypted, e => Assert.DoesNotContain("19491231", e, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Write_OneMemberRefusedByTheDatabase_OthersStoredOneByOneWithoutGapAndItAloneFails(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        await using (var db = database.Open())
        {
            await db.Database.ExecuteSqlRawAsync(
                provider == TestProviders.Postgres
                    ? "CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS "
                        + $"$$ BEGIN IF strpos(NEW.content, '{Refused}') > 0 THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$; " +
                      "CREATE TRIGGER refuse_marked BEFORE INSERT ON requests FOR EACH ROW EXECUTE FUNCTION refuse_marked();"
                    : $"CREATE TRIGGER refuse_marked BEFORE INSERT ON requests WHEN instr(NEW.content, '{Refused}') > 0 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
                Ct);
        }

        await using var writer = NewWriter(database);
        List<SubmissionWriter.Pending> batch = [.. Enumerable.Range(0, 5).Select(i => Pending(agency, i == 2 ? Refused : ContentOf(i)))];

        await writer.WriteAsync(batch);

        Assert.All(batch, p => Assert.True(p.Answer.Task.IsCompleted, "every member is answered when its batch is written"));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => batch[2].Answer.Task);
        var numbers = await Task.WhenAll(batch.Where((_, i) => i != 2).Select(async p => (await p.Answer.Task).Value.Request.TrackingNumber));
        Assert.Equal(Series(4), numbers);
        Assert.Equal(4, writer.BatchesCommitted);
        var stored = await StoredAsync(database);
        Assert.Equal(Series(4), stored.Select(r => r.TrackingNumber));
        Assert.DoesNotContain(stored, r => r.Content.Contains(Refused, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Write_UnknownAgencyAndContentTheProcedureRefuses_AnsweredInTheSameTransactionWithoutUsingANumber(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        await using var writer = NewWriter(database);
        List<SubmissionWriter.Pending> batch =
        [
            Pending(agency, ContentOf(0)),
            Pending(Guid.NewGuid(), ContentOf(1)),
            Pending(agency, new string('文', DisclosureRequest.MaxContentLength + 1)),
            Pending(agency, ContentOf(3)),
        ];

        await writer.WriteAsync(batch);

        Assert.All(batch, p => Assert.True(p.Answer.Task.IsCompletedSuccessfully, "every member is answered when its batch is written"));
        Assert.Equal("2026-000001", (await batch[0].Answer.Task).Value.Request.TrackingNumber);
        Assert.Equal("agency.notFound", (await batch[1].Answer.Task).Problem.Code);
        Assert.Contains("申请内容不能超过", (await batch[2].Answer.Task).Problem.Message, StringComparison.Ordinal);
        Assert.Equal("2026-000002", (await batch[3].Answer.Task).Value.Request.TrackingNumber);
        Assert.Equal(1, writer.BatchesCommitted);
        Assert.Equal(Series(2), (await StoredAsync(database)).Select(r => r.TrackingNumber));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Dispose_ApplicationsStillQueued_CommittedAndAnsweredThenNoneTaken(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        var writer = NewWriter(database);

        // HandleAsync queues synchronously: all 50 are taken before the writer is told to stop.
        var answers = Enumerable.Range(0, 50).Select(i => SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agency, SubmitOnlineTests.Person with { Content = ContentOf(i) }), Ct)).ToList();
        await writer.DisposeAsync();

        // Every one was answered by the writer before it stopped (SubmitOnline's own continuation may still be running).
        Assert.All(await Task.WhenAll(answers), a => Assert.NotNull(a.Value.Receipt));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agency, SubmitOnlineTests.Person), Ct));
        Assert.Equal(Series(50), (await StoredAsync(database)).Select(r => r.TrackingNumber));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Submit_TwoWritersOnOneDatabase_OneSeriesWithoutGapsAndOneChain(string provider)
    {
        // Two site processes on the same database: their batches take turns (SQLite's write lock, PostgreSQL's
        // advisory lock), so neither reads a number the other has taken.
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        await using var first = NewWriter(database);
        await using var second = NewWriter(database);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            (await SubmitOnline.HandleAsync(i % 2 == 0 ? first : second, new SubmitOnline.Request(agency, SubmitOnlineTests.Person with { Content = ContentOf(i) }), Ct)).Value.Receipt!)));

        Assert.Equal(Series(100), receipts.Select(r => r.TrackingNumber).Order(StringComparer.Ordinal));
        Assert.Equal(Series(100), (await StoredAsync(database)).Select(r => r.TrackingNumber));
    }
}
