using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Data;

/// <summary>
/// Each filter of the worklist, on each provider, reads the agency's applications through the index made for it and
/// never the whole table: every statement the worklist runs (the count and the page) and the export are explained.
/// SQLite: EXPLAIN QUERY PLAN, no <c>SCAN</c> of the table. PostgreSQL: EXPLAIN with <c>enable_seqscan = off</c>, so
/// a handful of test rows cannot make a sequential scan the cheaper plan — a <c>Seq Scan</c> still in the plan means no
/// index can serve the query at all.
/// </summary>
public sealed partial class WorklistQueryPlanTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Filter name → the filter, and the index it must use (null: any index of the agency's).</summary>
    private static readonly Dictionary<string, (Worklist.Filter Filter, string? Index)> Filters = new(StringComparer.Ordinal)
    {
        ["open (default)"] = (new(), "IX_requests_agency_id_state"),
        ["concluded"] = (new() { Scope = Worklist.Scope.Concluded }, "IX_requests_agency_id_state"),
        ["state"] = (new() { Scope = Worklist.Scope.All, State = RequestState.Processing }, "IX_requests_agency_id_state"),
        ["channel"] = (new() { Scope = Worklist.Scope.All, Channel = Channel.Fax }, "IX_requests_agency_id_channel"),
        ["outcome"] = (new() { Scope = Worklist.Scope.All, Outcome = Outcome.Withheld }, "IX_requests_agency_id_outcome_state"),
        ["applicant kind"] = (new() { Scope = Worklist.Scope.All, Kind = ApplicantKind.ResearchInstitution }, "IX_requests_agency_id_applicant_kind"),
        ["received range"] = (new() { Scope = Worklist.Scope.All, ReceivedFrom = new(2021, 3, 1), ReceivedTo = new(2021, 3, 31) }, "IX_requests_agency_id_received_on"),
        ["replied range"] = (new() { Scope = Worklist.Scope.All, RepliedFrom = new(2021, 3, 1), RepliedTo = new(2021, 3, 31) }, "IX_requests_agency_id_closed_on"),
        ["overdue"] = (new() { Overdue = true }, "IX_requests_agency_id_state"),
        ["search"] = (new() { Scope = Worklist.Scope.All, Search = "文件 G-00" }, null),
        ["sort by received date"] = (new() { Scope = Worklist.Scope.All, Order = Worklist.Order.ReceivedNewest }, null),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in TestProviders.Names)
        {
            foreach (var name in Filters.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Filter_ReadsItsIndexNoWholeTable(string provider, string filter)
    {
        var ct = TestContext.Current.CancellationToken;
        var (f, index) = Filters[filter];
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid agencyId;
        await using (var db = database.Open())
        {
            db.Agencies.AddRange(Agency.Create("某区某局").Value, Agency.Create("某区另一局").Value);
            await db.SaveChangesAsync(ct);
            foreach (var (name, seed) in new[] { ("某区某局", 1), ("某区另一局", 2) })
            {
                var bytes = Encoding.UTF8.GetBytes(LedgerSample.Csv(40, seed));
                var imported = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official,
                    new ImportRequests.Request(name, LedgerFile.Read(bytes, "l.csv"), "l.csv", [], "test"), cancellationToken: ct);
                Assert.Empty(imported.Value.Errors);
            }

            agencyId = await db.Agencies.Where(a => a.Name == "某区某局").Select(a => a.Id).SingleAsync(ct);
        }

        var commands = new CommandLog();
        await using (var db = GongkaiDatabase.Open(GongkaiDatabase.Options(database.Target, IdentityProtector.ForDatabase(database.Target), commands)))
        {
            var page = await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, new Worklist.Request(agencyId, Filter: f, FullNames: true), ct);
            Assert.True(page.Total > 0 || filter is "state" or "overdue" or "replied range" or "received range", filter + " finds something");
            _ = await ExportApplications.RowsAsync(db, Clock, new ExportApplications.Request(agencyId, f, true, "test", "csv"), ct);
        }

        var selects = commands.Executed.Where(c => c.Sql.Contains("FROM \"requests\"", StringComparison.Ordinal) || c.Sql.Contains("FROM requests", StringComparison.Ordinal)).ToList();
        Assert.True(selects.Count >= 3, "count, page and export read requests");
        // The export's own statement is its last one not by ids: after it, it reads what it needs of some rows by their ids
        // (the closing step of a case closed without a reply, a reply's reasons — issue 14).
        var export = selects.Last(c => !ByIds(c.Sql)).Sql;
        await using var explainer = database.Open();
        var connection = explainer.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var postgres = provider == TestProviders.Postgres;
        if (postgres)
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(ct);
        }

        foreach (var (sql, parameters) in selects)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = explain.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                explain.Parameters.Add(parameter);
            }

            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    plan.Add(reader.GetString(postgres ? 0 : 3));
                }
            }

            var text = string.Join(" | ", plan);
            var whole = postgres
                ? plan.Any(l => l.Contains("Seq Scan on requests", StringComparison.Ordinal))
                : plan.Any(l => l.StartsWith("SCAN r", StringComparison.Ordinal) && !l.Contains("USING", StringComparison.Ordinal));
            Assert.False(whole, $"{filter} reads the whole table: {text}\n{sql}");

            // The export reads in 申请编号 order, which the (agency_id, tracking_number) index gives without a sort: an
            // index of the agency's too, and an export reads every row it keeps anyway.
            // A search's page is read by the ids its first statement found in order: through the primary key.
            var byIds = ByIds(sql);
            var wanted = sql == export ? "IX_requests_agency_id" : byIds ? (postgres ? "PK_requests" : "sqlite_autoindex_requests_1") : index ?? "IX_requests_agency_id";
            Assert.True(text.Contains(wanted, StringComparison.Ordinal), $"{filter}: not through {wanted}: {text}\n{sql}");
        }
    }

    /// <summary>A statement that reads requests by their ids (one id: an equality; EF Core inlines a one-element list).</summary>
    private static bool ByIds(string sql) =>
        sql.Contains(" IN (", StringComparison.Ordinal) || sql.Contains("= ANY (", StringComparison.Ordinal) || OneId().IsMatch(sql);

    [GeneratedRegex("\"?r\"?\\.\"?id\"? = @")]
    private static partial Regex OneId();

    /// <summary>Every reader command the context executes, with its parameters.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly List<(string Sql, List<(string Name, object? Value)> Parameters)> _executed = [];

        public IReadOnlyList<(string Sql, List<(string Name, object? Value)> Parameters)> Executed => _executed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _executed.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
            return ValueTask.FromResult(result);
        }
    }
}
