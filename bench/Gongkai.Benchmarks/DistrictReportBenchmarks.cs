using System.Data.Common;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.Calendar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>
/// Every agency's annual report of a year built from the records, plus the district's consolidation
/// (<see cref="DistrictReport.HandleAsync"/>), over a database filled by bench/Gongkai.BenchData (100 agencies,
/// 1,000,000 applications, 5,000,000 items over 2021–2025). The baseline is the same figures read by hand-written
/// GROUP BY queries on the context's connection — the agencies, the 第二十条 figures, section 三 grouped by agency,
/// applicant kind and report row, section 四 grouped by agency, kind and result, the categories, the year's cached
/// 主动公开 counts (warm, as after the first build; the cold count is measured apart in BENCHMARKS.md), the locked
/// reports — with no EF, no cells assembled and no rules run. The databases are made beforehand (the command is in BENCHMARKS.md) and
/// named by <c>GONGKAI_BENCH_DISTRICT_SQLITE</c> (a file) and <c>GONGKAI_BENCH_DISTRICT_PG</c> (a connection string).
/// </summary>
[MemoryDiagnoser]
public class DistrictReportBenchmarks
{
    public const string SqliteVariable = "GONGKAI_BENCH_DISTRICT_SQLITE";
    public const string PostgresVariable = "GONGKAI_BENCH_DISTRICT_PG";
    private const int Year = 2024;

    private GongkaiDbContext? _db;
    private Guid _parentId;
    private List<Guid> _agencyIds = [];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqliteVariable)))
        {
            yield return "sqlite";
        }

        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            yield return "postgres";
        }
    }

    [GlobalSetup]
    public async Task Setup()
    {
        var target = DatabaseTarget.Resolve(Environment.GetEnvironmentVariable(Provider == "sqlite" ? SqliteVariable : PostgresVariable));
        if (target.Provider == DatabaseProvider.Postgres && Environment.GetEnvironmentVariable(IdentityProtector.KeyVariable) is null)
        {
            // Reports read no identity number; the context only needs a key to be built.
            Environment.SetEnvironmentVariable(IdentityProtector.KeyVariable, Convert.ToBase64String(new byte[32]));
        }

        _db = await GongkaiDatabase.OpenAndMigrateAsync(target);
        var agencies = await _db.Agencies.AsNoTracking().ToListAsync();
        var parent = agencies.Where(a => a.ParentId is null).MaxBy(a => agencies.Count(c => c.ParentId == a.Id))
            ?? throw new InvalidOperationException("No district in the database: run bench/Gongkai.BenchData first.");
        _parentId = parent.Id;
        _agencyIds = [parent.Id, .. agencies.Where(a => a.ParentId == parent.Id).Select(a => a.Id)];
        var district = await District();
        var raw = await RawGroupBys();
        Console.WriteLine($"// {Provider}: {_agencyIds.Count} agencies; consolidated 三 total {district}, raw checksum {raw}");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> RawGroupBys()
    {
        var postgres = _db!.Database.IsNpgsql();
        var connection = _db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            long checksum = 0;
            foreach (var sql in Queries(postgres))
            {
                checksum += await ReadAllAsync(connection, sql);
            }

            return checksum;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [Benchmark]
    public async Task<long> District()
    {
        var district = (await DistrictReport.HandleAsync(_db!, WorkCalendar.Official, TimeProvider.System, new DistrictReport.Request(_parentId, Year))).Value;
        return (long)district.Consolidated.Report.Values["requests.total.total"] + district.Agencies.Count;
    }

    /// <summary>Section 三's grouped query alone, by hand: the one scan that dominates both of the above.</summary>
    [Benchmark]
    public async Task<long> RawRequestsOnly()
    {
        var connection = _db!.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return await ReadAllAsync(connection, Queries(_db.Database.IsNpgsql())[2]);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private List<string> Queries(bool postgres)
    {
        var c = CultureInfo.InvariantCulture;
        string Id(Guid id) => postgres ? $"'{id:D}'::uuid" : $"'{id.ToString("D").ToUpperInvariant()}'";
        string Date(DateOnly d) => postgres ? $"DATE '{d.ToString("yyyy-MM-dd", c)}'" : $"'{d.ToString("yyyy-MM-dd", c)}'";
        var ids = string.Join(", ", _agencyIds.Select(Id));
        var start = Date(new DateOnly(Year, 1, 1));
        var end = Date(new DateOnly(Year, 12, 31));
        var serial = postgres ? "SET max_parallel_workers_per_gather = 0;" : "";
        return
        [
            "SELECT id, name, parent_id FROM agencies",
            $"SELECT s.agency_id, f.key, f.value FROM article20_statistics s JOIN article20_figures f ON f.statistics_id = s.id WHERE s.year = {Year} AND s.agency_id IN ({ids})",
            $"""
            {serial}
            SELECT r.agency_id, r.applicant_kind, r.report_row_2021,
                COALESCE(SUM(CASE WHEN r.first_received_on >= {start} THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN r.first_received_on < {start} THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN r.closed_on IS NOT NULL AND r.closed_on <= {end} THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN r.closed_on IS NULL OR r.closed_on > {end} THEN 1 ELSE 0 END), 0)
            FROM requests r
            WHERE r.agency_id IN ({ids}) AND r.first_received_on <= {end} AND (r.closed_on IS NULL OR r.closed_on >= {start})
            GROUP BY r.agency_id, r.applicant_kind, r.report_row_2021
            """,
            $"""
            SELECT a.agency_id, a.kind, CASE WHEN a.result_on IS NOT NULL AND a.result_on <= {end} THEN a.result ELSE 3 END, COUNT(*)
            FROM appeal_cases a
            WHERE a.agency_id IN ({ids}) AND a.filed_on <= {end} AND (a.result_on IS NULL OR a.result_on >= {start})
            GROUP BY a.agency_id, a.kind, CASE WHEN a.result_on IS NOT NULL AND a.result_on <= {end} THEN a.result ELSE 3 END
            """,
            $"SELECT id, agency_id, name, parent_id FROM categories WHERE agency_id IN ({ids})",
            $"""
            SELECT y.agency_id, y.calendar_last, c.category_id, c.full_text, c.timeliness, c.count
            FROM proactive_count_years y LEFT JOIN proactive_counts c ON c.agency_id = y.agency_id AND c.year = y.year
            WHERE y.year = {Year} AND y.agency_id IN ({ids})
            """,
            $"SELECT agency_id, number, stage, content FROM report_versions WHERE year IN ({Year - 1}, {Year}) AND agency_id IN ({ids})",
        ];
    }

    /// <summary>Reads every row and every column, as a checksum of lengths and numbers.</summary>
    private static async Task<long> ReadAllAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        long checksum = 0;
        do
        {
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    checksum += reader.IsDBNull(i) ? 0 : reader.GetValue(i) switch
                    {
                        string s => s.Length,
                        long l => l,
                        int n => n,
                        decimal d => (long)d,
                        _ => 1,
                    };
                }
            }
        }
        while (await reader.NextResultAsync());

        return checksum;
    }
}
