using System.Data.Common;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>
/// One page of the worklist (<see cref="Worklist.HandleAsync"/>: the count and the 50 lines) with a filter and a search
/// word, for an agency with 100,000 imported applications (a second agency with 20,000 shares the table), on SQLite
/// and, with <c>GONGKAI_BENCH_PG</c>, PostgreSQL. Baseline: one statement written by hand, the page with the count as a
/// window function (<c>COUNT(*) OVER ()</c>), run with plain ADO.NET on the context's connection — the rows the
/// filter keeps read once, which EF cannot write. Each benchmark returns a checksum of what it read; setup checks that
/// both read the same lines.
/// </summary>
[MemoryDiagnoser]
public class WorklistBenchmarks
{
    private const int AgencyRequests = 100_000;
    private const int OtherRequests = 20_000;

    /// <summary>Matches one application in 300 (the generated content is 关于Y年第N号文件的信息，含附件, N in 1..299).</summary>
    private const string Word = "第17号";

    /// <summary>In every application's content: the search keeps every row the filter keeps.</summary>
    private const string EveryRowWord = "附件";

    /// <summary>The site's today in the generated ledgers' time (open cases overdue and running).</summary>
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2021, 12, 1, 1, 0, 0, TimeSpan.Zero));

    private const string Due = """
        CASE WHEN r.delayed_reply_due IS NOT NULL AND (r.extended_due IS NULL OR r.delayed_reply_due > r.extended_due)
                AND (r.reply_due IS NULL OR r.delayed_reply_due > r.reply_due) THEN r.delayed_reply_due
            WHEN r.extended_due IS NOT NULL AND (r.reply_due IS NULL OR r.extended_due > r.reply_due) THEN r.extended_due
            ELSE r.reply_due END
        """;

    private const string Search = @"(r.tracking_number LIKE @w ESCAPE '\' OR r.applicant_name LIKE @w ESCAPE '\' OR r.content LIKE @w ESCAPE '\')";

    private string? _folder;
    private DatabaseTarget? _target;
    private GongkaiDbContext? _db;
    private Guid _agencyId;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// The filter next to the search word: open cases by deadline, one channel, a quarter's receipts, one applicant
    /// kind; and the kind with a word found in every application (<c>kind-every</c>).
    /// </summary>
    [Params("open", "channel", "received", "kind", "kind-every")]
    public string Filter { get; set; } = "open";

    public static IEnumerable<string> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RequestsTableBenchmarks.PostgresVariable)) ? ["sqlite"] : ["sqlite", "postgres"];

    [GlobalSetup]
    public async Task Setup()
    {
        Environment.SetEnvironmentVariable(IdentityProtector.KeyVariable, Convert.ToBase64String(new byte[32]));
        if (Provider == "postgres")
        {
            var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(RequestsTableBenchmarks.PostgresVariable))
            {
                Database = "gongkai_bench_" + Guid.NewGuid().ToString("N")[..16],
            };
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
            await db.Database.ExecuteSqlRawAsync(_target.Provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE requests;" : "ANALYZE;");
        }

        _db = GongkaiDatabase.Open(_target);
        var ef = await WorklistPage();
        var raw = await RawPage();
        if (ef != raw)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Worklist read {ef}, the hand-written SQL {raw}."));
        }

        var page = await Worklist.HandleAsync(_db, WorkCalendar.Official, Clock, Request());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Provider} {Filter}: {page.Total} match, {page.Lines.Count} on the page; checksums same {raw}."));
        await PrintPlanAsync();
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
    public async Task<long> RawPage()
    {
        var connection = _db!.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            long checksum = 0;
            var first = true;
            await using var page = Command(connection, $"""
                SELECT r.id, r.tracking_number, r.state, r.submitted_on, r.received_on, {Due} AS due, r.closed_on, r.applicant_kind,
                    r.applicant_name, r.channel, substr(r.content, 1, 31), r.outcome, COUNT(*) OVER () AS total
                FROM requests AS r
                WHERE {Where()}
                ORDER BY ({Due}) IS NULL, {Due}, r.tracking_number, r.id
                LIMIT 50 OFFSET 0
                """);
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (first)
                {
                    checksum += reader.GetInt64(12);
                    first = false;
                }

                checksum += reader.GetString(1).Length + reader.GetString(8).Length + reader.GetString(10).Length;
            }

            return checksum;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [Benchmark]
    public async Task<long> WorklistPage()
    {
        var page = await Worklist.HandleAsync(_db!, WorkCalendar.Official, Clock, Request());
        return page.Total + page.Lines.Sum(l => (long)l.TrackingNumber.Length + l.Applicant.Length + l.ContentStart.TrimEnd('…').Length);
    }

    private Worklist.Request Request() => new(_agencyId, 1, Worklist.DefaultPageSize, Filter switch
    {
        "channel" => new Worklist.Filter { Scope = Worklist.Scope.All, Channel = Channel.Fax, Search = Word },
        "received" => new Worklist.Filter { Scope = Worklist.Scope.All, ReceivedFrom = new(2021, 1, 1), ReceivedTo = new(2021, 3, 31), Search = Word },
        "kind" => new Worklist.Filter { Scope = Worklist.Scope.All, Kind = ApplicantKind.NaturalPerson, Search = Word },
        "kind-every" => new Worklist.Filter { Scope = Worklist.Scope.All, Kind = ApplicantKind.NaturalPerson, Search = EveryRowWord },
        _ => new Worklist.Filter { Search = Word },
    }, FullNames: true);

    /// <summary>Worklist.Find's WHERE for the case, by hand.</summary>
    private string Where() => "r.agency_id = @a AND " + Filter switch
    {
        "channel" => "r.channel = @c",
        "received" => "r.received_on >= @from AND r.received_on <= @to",
        "kind" or "kind-every" => "r.applicant_kind = @k",
        _ => "r.state < @s",
    } + " AND " + Search;

    /// <summary>Parameters as EF binds them: on SQLite the agency as upper-case text and dates as ISO text.</summary>
    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var sqlite = _target!.Provider == DatabaseProvider.Sqlite;
        Add(command, "@a", sqlite ? _agencyId.ToString("D").ToUpperInvariant() : _agencyId);
        Add(command, "@w", "%" + (Filter == "kind-every" ? EveryRowWord : Word) + "%");
        switch (Filter)
        {
            case "channel":
                Add(command, "@c", (int)Channel.Fax);
                break;
            case "received":
                Add(command, "@from", sqlite ? "2021-01-01" : new DateOnly(2021, 1, 1));
                Add(command, "@to", sqlite ? "2021-03-31" : new DateOnly(2021, 3, 31));
                break;
            case "kind" or "kind-every":
                Add(command, "@k", (int)ApplicantKind.NaturalPerson);
                break;
            default:
                Add(command, "@s", (int)RequestState.Replied);
                break;
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

    private static async Task<Guid> ImportAgencyAsync(GongkaiDbContext db, string name, int rows, int seed)
    {
        var agency = (await AddAgency.HandleAsync(db, TimeProvider.System, new AddAgency.Request(name, null, "bench"))).Value;
        var bytes = Encoding.UTF8.GetBytes(LedgerSample.Csv(rows, seed));
        var request = new ImportRequests.Request(name, LedgerFile.Read(bytes, "ledger.csv"), "ledger.csv", ImportRequests.Hash(bytes), "bench");
        var response = (await ImportRequests.HandleAsync(db, TimeProvider.System, WorkCalendar.Official, request)).Value;
        if (response.Imported != rows)
        {
            throw new InvalidOperationException($"Import of {rows} rows for {name} failed.");
        }

        db.ChangeTracker.Clear();
        return agency.Id;
    }

    /// <summary>The plan of the page statement, for BENCHMARKS.md.</summary>
    private async Task PrintPlanAsync()
    {
        var connection = _db!.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var explain = _target!.Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
            await using var command = Command(connection, explain + $"SELECT COUNT(*) FROM requests AS r WHERE {Where()}");
            await using var reader = await command.ExecuteReaderAsync();
            Console.WriteLine($"// plan {Provider} {Filter} count:");
            while (await reader.ReadAsync())
            {
                Console.WriteLine("//   " + (_target.Provider == DatabaseProvider.Sqlite ? reader.GetString(3) : reader.GetString(0)));
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
