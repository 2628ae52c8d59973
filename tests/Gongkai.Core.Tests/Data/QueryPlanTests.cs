using System.Data.Common;
using System.Text.RegularExpressions;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Data;

/// <summary>
/// The queries behind the public pages and the worklist, the ones run on every request over tables that grow to
/// millions of rows, read through an index: each SQL statement they execute is explained by SQLite and none may scan
/// a whole table or index. A few test rows cannot show a plan that
/// reads everything (the item page once did: a window over every version of every item, found only by the
/// benchmark, BENCHMARKS.md issue 6); the plan can.
/// </summary>
public sealed partial class QueryPlanTests
{
    private static readonly DateOnly Today = new(2021, 1, 5);

    public static TheoryData<string> Queries => ["full list", "full list by year", "full list by division", "full list by category", "item page", "worklist", "worklist counts", "status lookup"];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_ReadsNoWholeTable(string query)
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        Guid agencyId;
        Guid categoryId;
        await using (var db = database.Open())
        {
            var agency = Agency.Create("北京市东城区对外联络服务办公室").Value;
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
            agencyId = agency.Id;
            var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "ledgers", "seed-2020-items.csv"));
            var imported = await ImportItems.HandleAsync(db, new FakeTimeProvider(), new ImportItems.Request(agency.Name, LedgerFile.Read(bytes, "i.csv"), "i.csv", [], "test"), ct);
            Assert.Empty(imported.Value.Errors);
            categoryId = await db.Categories.Where(c => c.AgencyId == agencyId).Select(c => c.Id).FirstAsync(ct);
        }

        var commands = new CommandLog();
        await using (var db = GongkaiDatabase.Open(GongkaiDatabase.Options(database.Target, IdentityProtector.ForDatabase(database.Target), commands)))
        {
            var calendar = WorkCalendar.Official;
            var clock = new FakeTimeProvider(new DateTimeOffset(2021, 1, 5, 2, 0, 0, TimeSpan.Zero));
            var item = await db.Items.Where(i => i.AgencyId == agencyId).Select(i => i.Id).FirstAsync(ct);
            commands.Clear();
            _ = query switch
            {
                "full list" => await ListItems.PageAsync(db, calendar, Today, new ListItems.Request(agencyId, PublicOnly: true), ct) as object,
                "full list by year" => await ListItems.PageAsync(db, calendar, Today, new ListItems.Request(agencyId, Year: 2020, PublicOnly: true), ct),
                "full list by division" => await ListItems.PageAsync(db, calendar, Today, new ListItems.Request(agencyId, DivisionId: Guid.NewGuid(), PublicOnly: true), ct),
                "full list by category" => await ListItems.PageAsync(db, calendar, Today, new ListItems.Request(agencyId, CategoryId: categoryId, PublicOnly: true), ct),
                "item page" => await PublicItem.HandleAsync(db, new PublicItem.Request(agencyId, item), ct),
                "worklist" => await Worklist.HandleAsync(db, calendar, clock, new Worklist.Request(agencyId), ct),
                "worklist counts" => await Worklist.CountAsync(db, calendar, clock, agencyId, ct),
                "status lookup" => await LookupApplication.HandleAsync(db, Gongkai.Domain.Calendar.WorkCalendar.Official, new LookupApplication.Request(agencyId, "2021-000001", "ABCD2345"), ct),
                _ => throw new ArgumentOutOfRangeException(nameof(query)),
            };
        }

        Assert.NotEmpty(commands.Executed);
        await using var connection = new SqliteConnection(database.Target.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var (sql, parameters) in commands.Executed)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    plan.Add(reader.GetString(3));
                }
            }

            // SQLite names tables by their aliases (SCAN i0); a subquery's rows (CO-ROUTINE, MATERIALIZE) are read whole
            // by design, a table's never.
            var derived = plan.Select(line => Derived().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
            var scans = plan.Select(line => FullScan().Match(line)).Where(m => m.Success && !derived.Contains(m.Groups[1].Value)).ToList();
            Assert.True(scans.Count == 0, $"{query} reads a whole table: {string.Join(" | ", plan)}\n{sql}");
        }
    }

    /// <summary>A whole table or index read: SQLite writes SCAN where a range of an index would say SEARCH.</summary>
    [GeneratedRegex(@"^SCAN ([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FullScan();

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) ([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Derived();

    /// <summary>Every reader command the context executes, with its parameters.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly List<(string Sql, List<(string Name, object? Value)> Parameters)> _executed = [];

        public IReadOnlyList<(string Sql, List<(string Name, object? Value)> Parameters)> Executed => _executed;

        public void Clear() => _executed.Clear();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Log(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Log(command);
            return ValueTask.FromResult(result);
        }

        private void Log(DbCommand command) =>
            _executed.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
    }
}
