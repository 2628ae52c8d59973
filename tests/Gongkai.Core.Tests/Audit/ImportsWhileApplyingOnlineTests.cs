using System.Globalization;
using System.Text;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Requests;
using Gongkai.Domain.Calendar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gongkai.Core.Tests.Audit;

/// <summary>
/// Issue 16, 11: an import's records and its 台账 entry are written while the site takes online applications. Before,
/// a long save read the last 台账 entry before it took the lock and lost every race for the next sequence
/// (<c>UNIQUE constraint failed: audit_entries.sequence</c>); now it takes the lock first and the applications wait.
/// A real SQLite file (and PostgreSQL), the site's one writer, submitters at full speed.
/// </summary>
public sealed class ImportsWhileApplyingOnlineTests
{
    private const int Rows = 2_000;
    private const int Submitters = 8;

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var provider in TestProviders.Names)
            {
                foreach (var kind in new[] { "items", "appeals", "requests" })
                {
                    cases.Add(provider, kind);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_WhileOnlineApplicationsArrive_ImportAndEveryApplicationStoredOneIntactChain(string provider, string kind)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        string agencyName;
        await using (var db = database.Open())
        {
            agencyName = (await db.Agencies.SingleAsync(a => a.Id == agency, Ct)).Name;
        }

        var stop = new CancellationTokenSource();
        int imported;
        Task<int>[] submitters;
        await using (var writer = new SubmissionWriter(database.Open, Clock, WorkCalendar.Official))
        {
            submitters = [.. Enumerable.Range(0, Submitters).Select(_ => Task.Run(() => SubmitUntilStoppedAsync(writer, agency, stop.Token)))];
            while (writer.ApplicationsCommitted < Submitters * 2)
            {
                await Task.Delay(10, Ct);
            }

            try
            {
                imported = await ImportAsync(database, kind, agencyName);
            }
            finally
            {
                await stop.CancelAsync();
            }

            await Task.WhenAll(submitters);
        }

        Assert.Equal(Rows, imported);
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await using var read = database.Open();
        var verification = await AuditTrail.VerifyAsync(read, Ct);
        Assert.True(verification.IsIntact, verification.Reason);
        var applications = submitters.Sum(s => s.Result);
        Assert.Equal(applications + 1, await read.AuditEntries.CountAsync(Ct));
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.Action == kind + ".imported", Ct));
        Assert.Equal(applications + (kind == "requests" ? Rows : 0), await read.Requests.CountAsync(Ct));
    }

    /// <summary>Online applications one after the other until stopped; how many were stored (each must be).</summary>
    private static async Task<int> SubmitUntilStoppedAsync(SubmissionWriter writer, Guid agency, CancellationToken stop)
    {
        var stored = 0;
        while (!stop.IsCancellationRequested)
        {
            var result = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agency, SubmitOnlineTests.Person), CancellationToken.None);
            Assert.True(result.IsSuccess && result.Value.Receipt is not null, "an online application is stored while an import runs");
            stored++;
        }

        return stored;
    }

    private static async Task<int> ImportAsync(TestDatabase database, string kind, string agencyName)
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder();
        switch (kind)
        {
            case "items":
                csv.AppendLine(string.Join(',', ImportItems.Headers));
                for (var i = 1; i <= Rows; i++)
                {
                    csv.AppendLine(c, $"关于第{i}批老旧小区改造项目的通知,,业务动态,城市建设,综合科,2020-03-02,2020-03-05,是");
                }

                break;
            case "appeals":
                csv.AppendLine(string.Join(',', ImportAppeals.Headers));
                for (var i = 1; i <= Rows; i++)
                {
                    csv.AppendLine(c, $"（2020）京0101行复{i}号,行政复议,2020-03-02,尚未审结,,,");
                }

                break;
            default:
                csv.AppendLine(string.Join(',', LedgerRecords.Headers));
                for (var i = 1; i <= Rows; i++)
                {
                    csv.AppendLine(c, $"2020-L{i:D5},2020-03-02,网上申请,自然人,王五,{SubmitOnlineTests.IdentityNumber},2020年老旧小区改造项目清单,予以公开,2020-03-20");
                }

                break;
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var rows = LedgerFile.Read(bytes, kind + ".csv");
        var hash = ImportRequests.Hash(bytes);
        await using var db = database.Open();
        switch (kind)
        {
            case "items":
                var items = await ImportItems.HandleAsync(db, Clock, new ImportItems.Request(agencyName, rows, "items.csv", hash, "test"), Ct);
                Assert.Empty(items.Value.Errors);
                return items.Value.Imported;
            case "appeals":
                var appeals = await ImportAppeals.HandleAsync(db, Clock, new ImportAppeals.Request(agencyName, rows, "appeals.csv", hash, "test"), Ct);
                Assert.Empty(appeals.Value.Errors);
                return appeals.Value.Imported;
            default:
                var requests = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official, new ImportRequests.Request(agencyName, rows, "requests.csv", hash, "test"), null, Ct);
                Assert.Empty(requests.Value.Errors);
                return requests.Value.Imported;
        }
    }
}
