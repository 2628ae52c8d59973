using System.Data.Common;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Table = Gongkai.Core.Features.Requests.RequestsTable;

namespace Gongkai.Benchmarks;

/// <summary>
/// <see cref="Table.HandleAsync"/> (section 三 for 2021) for an agency with 100,000 imported requests, on
/// SQLite and, when <c>GONGKAI_BENCH_PG</c> holds a connection string, on PostgreSQL. A second agency with 20,000
/// requests shares the table, so the WHERE on the agency matters. The baseline is the same aggregate query, written
/// by hand and run with plain ADO.NET on the context's connection (what the database itself needs); a plain
/// <c>COUNT(*) … GROUP BY</c> over the same rows is a second reference. Each benchmark returns a checksum of what it
/// read, so nothing is eliminated as dead code.
/// </summary>
[MemoryDiagnoser]
public class RequestsTableBenchmarks
{
    public const string PostgresVariable = "GONGKAI_BENCH_PG";
    private const int AgencyRequests = 100_000;
    private const int OtherRequests = 20_000;
    private const int Year = 2021;
    private const string SerialPostgres = "postgres-serial";

    /// <summary>
    /// RequestsTable's SQL (<c>QueryAsync</c>; see <c>ToQueryString()</c>) by hand: same columns, predicates, sums and
    /// grouping; the same text runs on both providers (PostgreSQL's <c>sum</c> gives bigint, read as such).
    /// </summary>
    private const string SameGroupBySql = """
        SELECT r.applicant_kind, r.report_row_2021,
            COALESCE(SUM(CASE WHEN r.first_received_on >= @start THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN r.first_received_on < @start THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN r.closed_on IS NOT NULL AND r.closed_on <= @end THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN r.closed_on IS NULL OR r.closed_on > @end THEN 1 ELSE 0 END), 0)
        FROM requests AS r
        WHERE r.agency_id = @agency AND r.first_received_on <= @end AND (r.closed_on IS NULL OR r.closed_on >= @start)
        GROUP BY r.applicant_kind, r.report_row_2021
        """;

    private const string CountGroupBySql = """
        SELECT r.applicant_kind, r.report_row_2021, COUNT(*)
        FROM requests AS r
        WHERE r.agency_id = @agency
        GROUP BY r.applicant_kind, r.report_row_2021
        """;

    private string? _folder;
    private DatabaseTarget? _target;
    private GongkaiDbContext? _db;
    private Guid _agencyId;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// SQLite always; PostgreSQL only when <c>GONGKAI_BENCH_PG</c> is set, so a run without it skips cleanly. On
    /// PostgreSQL twice: as the server is configured, and with parallel query off for the connection
    /// (<c>max_parallel_workers_per_gather=0</c> through Npgsql's <c>Options</c>), whose serial plan is faster than the
    /// parallel one the planner picks on a two-core machine.
    /// </summary>
    public static IEnumerable<string> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? ["sqlite"] : ["sqlite", "postgres", SerialPostgres];

    [GlobalSetup]
    public async Task Setup()
    {
        // A fixed key for this process only: no key file is written beside the benchmark (PostgreSQL's would go
        // to the working directory).
        Environment.SetEnvironmentVariable(IdentityProtector.KeyVariable, Convert.ToBase64String(new byte[32]));
        if (Provider.StartsWith("postgres", StringComparison.Ordinal))
        {
            var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable))
            {
                Database = "gongkai_bench_" + Guid.NewGuid().ToString("N")[..16],
            };
            if (Provider == SerialPostgres)
            {
                builder.Options = "-c max_parallel_workers_per_gather=0";
            }

            _target = DatabaseTarget.Resolve(builder.ConnectionString);
        }
        else
        {
            _folder = Directory.CreateTempSubdirectory("gongkai-bench-").FullName;
            _target = DatabaseTarget.Resolve(Path.Combine(_folder, "gongkai.db"));
        }

        await using (var db = await GongkaiDatabase.OpenAndMigrateAsync(_target))
        {
            _agencyId = await ImportAgencyAsync(db, "基准测试局", AgencyRequests, 20211231);
            await ImportAgencyAsync(db, "另一个局", OtherRequests, 20190101);

            // Fresh statistics for the planner, as after any bulk load. PostgreSQL also gets VACUUM (what autovacuum
            // does shortly after an insert this size), which sets the visibility map index-only scans rely on.
            await db.Database.ExecuteSqlRawAsync(_target.Provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE requests;" : "ANALYZE;");
        }

        _db = GongkaiDatabase.Open(_target);
        await VerifyAsync();
        await PrintPlansAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        if (_target?.Provider == DatabaseProvider.Postgres)
        {
            await using (var db = GongkaiDatabase.Open(_target))
            {
                await db.Database.EnsureDeletedAsync();
            }

            NpgsqlConnection.ClearAllPools();
        }
        else if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<long> RawSameGroupBy() => RawAsync(SameGroupBySql, sums: 4);

    [Benchmark]
    public Task<long> RawCountGroupBy() => RawAsync(CountGroupBySql, sums: 1);

    [Benchmark]
    public async Task<long> RequestsTable()
    {
        var cells = await Table.HandleAsync(_db!, new Table.Request(_agencyId, Year, ReportFormat.V2021));
        return (long)cells["requests.received.total"] + (long)cells["requests.total.total"] + cells.Count;
    }

    private static async Task<Guid> ImportAgencyAsync(GongkaiDbContext db, string name, int rows, int seed)
    {
        var agency = (await AddAgency.HandleAsync(db, TimeProvider.System, new AddAgency.Request(name, null, "bench"))).Value;
        var bytes = Encoding.UTF8.GetBytes(LedgerSample.Csv(rows, seed));
        var request = new ImportRequests.Request(name, LedgerFile.Read(bytes, "ledger.csv"), "ledger.csv", ImportRequests.Hash(bytes), "bench");
        var response = (await ImportRequests.HandleAsync(db, TimeProvider.System, WorkCalendar.Official, request)).Value;
        if (response.Imported != rows)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Import of {rows} rows for {name} brought {response.Imported} ({response.Errors.Count} errors; first: {(response.Errors.Count > 0 ? response.Errors[0] : null)})."));
        }

        db.ChangeTracker.Clear();
        return agency.Id;
    }

    /// <summary>Runs one of the hand-written queries on the context's connection, opened and closed as EF does per query.</summary>
    private async Task<long> RawAsync(string sql, int sums)
    {
        var connection = _db!.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = Command(connection, sql);
            await using var reader = await command.ExecuteReaderAsync();
            long checksum = 0;
            while (await reader.ReadAsync())
            {
                checksum += reader.GetInt32(0);
                checksum += reader.IsDBNull(1) ? 0 : reader.GetString(1).Length;
                for (var i = 0; i < sums; i++)
                {
                    checksum += reader.GetInt64(2 + i);
                }
            }

            return checksum;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Parameters as EF binds them: on SQLite the agency as upper-case text and dates as ISO text; on PostgreSQL uuid and date.</summary>
    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var start = new DateOnly(Year, 1, 1);
        var end = new DateOnly(Year, 12, 31);
        var sqlite = _target!.Provider == DatabaseProvider.Sqlite;
        Add(command, "@agency", sqlite ? _agencyId.ToString("D").ToUpperInvariant() : _agencyId);
        if (sql.Contains("@start", StringComparison.Ordinal))
        {
            Add(command, "@start", sqlite ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : start);
            Add(command, "@end", sqlite ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : end);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The raw baseline must read what RequestsTable reads, or the ratio would compare different work.</summary>
    private async Task VerifyAsync()
    {
        var groups = await Table.QueryAsync(_db!, new Table.Request(_agencyId, Year, ReportFormat.V2021));
        var expected = groups.Sum(g => (long)(int)g.Kind + (g.Row?.Length ?? 0) + g.Received + g.CarriedIn + g.Concluded + g.CarriedOut);
        var raw = await RawSameGroupBy();
        var rows = await RawCountGroupBy();
        var total = groups.Sum(g => g.Received + g.CarriedIn);
        if (raw != expected || total == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"RawSameGroupBy read {raw}, RequestsTable's query {expected} ({groups.Count} groups, {total} requests)."));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {Provider}: {AgencyRequests} + {OtherRequests} requests; {Year}: {groups.Count} groups, {total} requests counted; checksums same {raw}, count {rows}."));
    }

    /// <summary>The plans, for BENCHMARKS.md: EXPLAIN QUERY PLAN (SQLite) or EXPLAIN ANALYZE (PostgreSQL) of both queries.</summary>
    private async Task PrintPlansAsync()
    {
        var connection = _db!.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            foreach (var (name, sql) in new[] { ("same", SameGroupBySql), ("count", CountGroupBySql) })
            {
                var explain = _target!.Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
                await using var command = Command(connection, explain + sql);
                await using var reader = await command.ExecuteReaderAsync();
                Console.WriteLine($"// plan {Provider} {name}:");
                while (await reader.ReadAsync())
                {
                    var line = _target.Provider == DatabaseProvider.Sqlite
                        ? string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt32(0)}/{reader.GetInt32(1)} {reader.GetString(3)}")
                        : reader.GetString(0);
                    Console.WriteLine("//   " + line);
                }
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
