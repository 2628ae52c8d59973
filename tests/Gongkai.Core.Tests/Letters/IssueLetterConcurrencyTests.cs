using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Letters;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Gongkai.Core.Tests.Letters.LetterTestData;

namespace Gongkai.Core.Tests.Letters;

/// <summary>
/// Issue 14's acceptance: letters issued at once, each through a context of its own, get the serials 1…N of their
/// series without a gap or a repeat, on each provider. The contexts come from <see cref="Processes"/> connection strings
/// of the same database: the issuers of one "process" take turns in memory, those of different ones meet at the
/// database's lock (SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock), as separate processes or nodes would.
/// </summary>
public sealed class IssueLetterConcurrencyTests
{
    private const int Letters = 200;

    private const int Processes = 4;

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_200AtOnce_Serials1To200NoGapNoRepeatNumbersDistinct(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();

        var issued = await Task.WhenAll(Enumerable.Range(0, Letters).Select(i => Task.Run(() => IssueAloneAsync(seeded, i % Processes, clock, Reply(seeded)), Ct)));

        Assert.Equal(Enumerable.Range(1, Letters), issued.Select(i => i.Serial).Order());
        Assert.Equal(Letters, issued.Select(i => i.Number).Distinct(StringComparer.Ordinal).Count());
        var stored = await LettersAsync(seeded);
        Assert.Equal(Enumerable.Range(1, Letters), stored.Select(l => l.Serial));
        Assert.All(stored, l => Assert.Equal($"东外联依申复〔2026〕第{l.Serial}号", l.Number));
        Assert.All(stored, l => Assert.Equal(l.Number, LetterJson.Document(l.Document).Number));
        await using var db = seeded.Open();
        Assert.Equal(Letters, (await db.LetterSeries.SingleAsync(Ct)).LastSerial);
        Assert.Equal(Letters, await db.AuditEntries.CountAsync(e => e.Action == IssueLetter.Action, Ct));
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_TwoKindsTwoAgenciesInterleaved_EachSeriesGaplessOfItsOwn(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        Guid otherAgency, otherRequest;
        await using (var db = seeded.Open())
        {
            var agency = Agency.Create("北京市东城区教育委员会").Value;
            db.Agencies.Add(agency);
            var request = Data.RequestStorageTests.NewRequest(agency.Id, "2026-000001", new DateOnly(2026, 12, 1));
            db.Requests.Add(request);
            await db.SaveChangesAsync(Ct);
            (otherAgency, otherRequest) = (agency.Id, request.Id);
        }

        const int PerSeries = 40;
        var kinds = new[] { LetterKind.Reply, LetterKind.Supplement };
        var requests = new[] { (Agency: seeded.Agency, Request: seeded.Request), (Agency: otherAgency, Request: otherRequest) };
        var work = Enumerable.Range(0, PerSeries)
            .SelectMany(_ => requests.SelectMany(r => kinds.Select(k => Reply(seeded, kind: k) with { AgencyId = r.Agency, RequestId = r.Request })))
            .ToList();

        var issued = await Task.WhenAll(work.Select((request, i) => Task.Run(() => IssueAloneAsync(seeded, i % Processes, clock, request), Ct)));

        await using var read = seeded.Open();
        var stored = await read.Letters.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(work.Count, stored.Count);
        foreach (var series in stored.GroupBy(l => (l.AgencyId, l.Kind)))
        {
            Assert.Equal(Enumerable.Range(1, PerSeries), series.Select(l => l.Serial).Order());
        }

        Assert.Equal(work.Count, issued.Select(i => i.Number).Distinct(StringComparer.Ordinal).Count());
        Assert.All(stored.Where(l => l.AgencyId == otherAgency), l => Assert.StartsWith("北京", l.Number, StringComparison.Ordinal));
        Assert.True((await AuditTrail.VerifyAsync(read, Ct)).IsIntact);
    }

    private static async Task<IssueLetter.Issued> IssueAloneAsync(Seeded seeded, int process, TimeProvider clock, IssueLetter.Request request)
    {
        await using var db = GongkaiDatabase.Open(seeded.Database.Target with { ConnectionString = ConnectionOf(seeded.Database.Target, process) });
        var issued = await IssueLetter.HandleAsync(db, clock, request, Ct);
        Assert.True(issued.IsSuccess, issued.IsSuccess ? "" : issued.Problem.ToString());
        return issued.Value;
    }

    /// <summary>The database's connection string as the process would have it: differing in a setting that changes nothing.</summary>
    private static string ConnectionOf(DatabaseTarget target, int process) => target.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(target.ConnectionString) { DefaultTimeout = 30 + process }.ConnectionString
        : new NpgsqlConnectionStringBuilder(target.ConnectionString) { ApplicationName = "gongkai-issuer-" + process }.ConnectionString;
}
