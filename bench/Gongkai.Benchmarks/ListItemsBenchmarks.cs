using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>
/// <see cref="ListItems.HandleAsync"/> (page 1 of 20, newest first) for one agency in an <c>items</c> table of
/// 1,000,000 rows: ten agencies of 100,000 items each, inserted round-robin so an agency's rows are spread over the
/// whole table. SQLite always; PostgreSQL when <c>GONGKAI_BENCH_PG</c> holds a connection string. Each filter is a
/// category of its own, with a hand-written baseline (the same SQL as EF's, run with ADO.NET on the context's
/// connection). Seeding takes a while, so the database is kept between the benchmark processes (a file under the
/// temporary folder, or the PostgreSQL database <c>gongkai_bench_items_1m</c>) and reused when it holds exactly the
/// expected rows.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 20)]
public class ListItemsBenchmarks
{
    public const int Agencies = 10;
    public const int ItemsPerAgency = 100_000;
    public const int TotalItems = Agencies * ItemsPerAgency;
    private const int MeasuredAgency = 4;
    private const int Year = 2021;
    private const string DatabaseName = "gongkai_bench_items_1m";
    private const string DivisionName = "科室3";
    private const string CategoryName = "财政信息";
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateOnly FirstDay = new(2015, 1, 1);

    private const string Columns = """
        SELECT i.id, i.title, i.document_number, i.category_id, i.division_id, i.formed_on, i.published_on, i.full_text_electronic
        FROM items AS i
        """;

    private const string NewestSql = Columns + """

        WHERE i.agency_id = @agency AND i.published_on IS NOT NULL
        ORDER BY i.published_on DESC, i.id DESC
        LIMIT @take OFFSET @skip
        """;

    private const string YearAndCategorySql = Columns + """

        WHERE i.agency_id = @agency AND i.published_on IS NOT NULL AND i.published_on >= @start AND i.published_on <= @end
            AND i.category_id IN (@c0, @c1, @c2)
        ORDER BY i.published_on DESC, i.id DESC
        LIMIT @take OFFSET @skip
        """;

    private const string DivisionSql = Columns + """

        WHERE i.agency_id = @agency AND i.published_on IS NOT NULL AND i.division_id = @division
        ORDER BY i.published_on DESC, i.id DESC
        LIMIT @take OFFSET @skip
        """;

    private DatabaseTarget? _target;
    private GongkaiDbContext? _db;
    private Guid _agencyId;
    private Guid _categoryId;
    private Guid[] _categoryIds = [];
    private Guid _divisionId;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RequestsTableBenchmarks.PostgresVariable)) ? ["sqlite"] : ["sqlite", "postgres"];

    /// <summary>Where the kept SQLite database lives; delete the folder to seed again.</summary>
    public static string SqliteFolder => Path.Combine(Path.GetTempPath(), "gongkai-bench-items-1m");

    [GlobalSetup]
    public async Task Setup()
    {
        Environment.SetEnvironmentVariable(IdentityProtector.KeyVariable, Convert.ToBase64String(new byte[32]));
        if (Provider == "postgres")
        {
            var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(RequestsTableBenchmarks.PostgresVariable))
            {
                Database = DatabaseName,
            };
            _target = DatabaseTarget.Resolve(builder.ConnectionString);
        }
        else
        {
            Directory.CreateDirectory(SqliteFolder);
            _target = DatabaseTarget.Resolve(Path.Combine(SqliteFolder, "gongkai.db"));
        }

        await EnsureSeededAsync();
        _db = GongkaiDatabase.Open(_target);
        _agencyId = await _db.Agencies.Where(a => a.Name == AgencyName(MeasuredAgency)).Select(a => a.Id).SingleAsync();
        var categories = await _db.Categories.AsNoTracking().Where(c => c.AgencyId == _agencyId).ToListAsync();
        var parent = categories.Single(c => c.Name == CategoryName && c.ParentId == null);
        _categoryId = parent.Id;
        _categoryIds = [parent.Id, .. categories.Where(c => c.ParentId == parent.Id).OrderBy(c => c.SortOrder).Select(c => c.Id)];
        _divisionId = await _db.Divisions.Where(d => d.AgencyId == _agencyId && d.Name == DivisionName).Select(d => d.Id).SingleAsync();
        _db.ChangeTracker.Clear();
        await VerifyAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("newest")]
    public Task<long> RawNewest20() => RawAsync(NewestSql);

    [Benchmark]
    [BenchmarkCategory("newest")]
    public async Task<long> ListNewest20() => Checksum(await ListItems.HandleAsync(_db!, WorkCalendar.Official, Today, Request(null, null, null)));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("year+category")]
    public Task<long> RawYearAndCategory() => RawAsync(YearAndCategorySql);

    [Benchmark]
    [BenchmarkCategory("year+category")]
    public async Task<long> ListYearAndCategory() => Checksum(await ListItems.HandleAsync(_db!, WorkCalendar.Official, Today, Request(Year, _categoryId, null)));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("division")]
    public Task<long> RawDivision() => RawAsync(DivisionSql);

    [Benchmark]
    [BenchmarkCategory("division")]
    public async Task<long> ListDivision() => Checksum(await ListItems.HandleAsync(_db!, WorkCalendar.Official, Today, Request(null, null, _divisionId)));

    private ListItems.Request Request(int? year, Guid? categoryId, Guid? divisionId) =>
        new(_agencyId, Year: year, CategoryId: categoryId, DivisionId: divisionId, LateOnly: false, Page: 1, PageSize: 20);

    private static long Checksum(IReadOnlyList<ListItems.Line> lines)
    {
        long checksum = 0;
        foreach (var line in lines)
        {
            checksum += line.Item.Id.GetHashCode() + line.Item.Title.Length + line.Item.PublishedOn!.Value.DayNumber;
        }

        return checksum;
    }

    private static string AgencyName(int n) => "基准局" + n.ToString(CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- seeding

    private async Task EnsureSeededAsync()
    {
        await using (var db = await GongkaiDatabase.OpenAndMigrateAsync(_target!))
        {
            var count = await db.Items.CountAsync();
            var agencies = await db.Agencies.CountAsync();
            if (count == TotalItems && agencies == Agencies)
            {
                Console.WriteLine($"// {Provider}: reusing the seeded database ({count} items).");
                return;
            }

            Console.WriteLine($"// {Provider}: {count} items and {agencies} agencies found; seeding afresh.");
            await db.Database.EnsureDeletedAsync();
        }

        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        var watch = Stopwatch.StartNew();
        await using (var db = await GongkaiDatabase.OpenAndMigrateAsync(_target!))
        {
            await SeedAsync(db);
            var seeded = watch.Elapsed;
            await db.Database.ExecuteSqlRawAsync(_target!.Provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE items;" : "ANALYZE;");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// {Provider}: seeded {TotalItems} items in {seeded.TotalSeconds:F1} s, then ANALYZE in {(watch.Elapsed - seeded).TotalSeconds:F1} s."));
        }
    }

    /// <summary>
    /// Ten agencies with the default categories and five divisions each (SaveChanges), then 1,000,000 items with
    /// <see cref="BulkInsert{T}"/> in one transaction: only the <c>items</c> rows, no versions or events (the list
    /// reads neither). Deterministic: a fixed seed for dates, categories and divisions.
    /// </summary>
    private static async Task SeedAsync(GongkaiDbContext db)
    {
        var random = new Random(20261127);
        var actor = new ItemActor("bench", "bench", ItemRole.System);
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
        var catalogue = new List<(Guid AgencyId, List<Category> Categories, List<Division> Divisions)>();
        for (var n = 0; n < Agencies; n++)
        {
            var agency = (await AddAgency.HandleAsync(db, TimeProvider.System, new AddAgency.Request(AgencyName(n), null, "bench"))).Value;
            var categories = DefaultCategories.Create(agency.Id).Value.ToList();
            var divisions = Enumerable.Range(1, 5).Select(d => Division.Create(agency.Id, "科室" + d.ToString(CultureInfo.InvariantCulture)).Value).ToList();
            db.Categories.AddRange(categories);
            db.Divisions.AddRange(divisions);
            await db.SaveChangesAsync();
            catalogue.Add((agency.Id, categories, divisions));
        }

        db.ChangeTracker.Clear();
        await db.Database.OpenConnectionAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;");
        }

        var span = Today.DayNumber - FirstDay.DayNumber;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using (var insert = new BulkInsert<DisclosureItem>(db, (_, _) => null))
        {
            for (var i = 0; i < ItemsPerAgency; i++)
            {
                foreach (var (agencyId, categories, divisions) in catalogue)
                {
                    var published = DateOnly.FromDayNumber(FirstDay.DayNumber + random.Next(span));
                    var formed = published.AddDays(-random.Next(30));
                    var division = random.Next(6);
                    var content = new ItemContent
                    {
                        Category = categories[random.Next(categories.Count)],
                        Title = string.Create(CultureInfo.InvariantCulture, $"基准事项第{i}号：关于{published:yyyy年M月d日}的信息"),
                        FormedOn = formed,
                        FullTextElectronic = true,
                        Division = division < divisions.Count ? divisions[division] : null,
                    };
                    var item = DisclosureItem.Import(new ImportItem(actor, published, at, Guid.NewGuid(), agencyId, content)).Value;
                    await insert.AddAsync(item, CancellationToken.None);
                }
            }
        }

        await transaction.CommitAsync();
    }

    // ---------------------------------------------------------------- the raw baseline

    /// <summary>Runs a hand-written query on the context's connection, opened and closed as EF does per query.</summary>
    private async Task<long> RawAsync(string sql)
    {
        var rows = await RawRowsAsync(sql);
        long checksum = 0;
        foreach (var row in rows)
        {
            checksum += row.Id.GetHashCode() + row.Title.Length + row.PublishedOn!.Value.DayNumber;
        }

        return checksum;
    }

    private async Task<List<ListItems.Row>> RawRowsAsync(string sql)
    {
        var connection = _db!.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = Command(connection, sql);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<ListItems.Row>(20);
            while (await reader.ReadAsync())
            {
                rows.Add(new ListItems.Row(
                    reader.GetFieldValue<Guid>(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetFieldValue<Guid>(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<Guid>(4),
                    reader.GetFieldValue<DateOnly>(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                    reader.GetBoolean(7)));
            }

            return rows;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Parameters as EF binds them: on SQLite ids as upper-case text and dates as ISO text; on PostgreSQL uuid and date.</summary>
    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var sqlite = _target!.Provider == DatabaseProvider.Sqlite;
        object Id(Guid id) => sqlite ? id.ToString("D").ToUpperInvariant() : id;
        object Date(DateOnly date) => sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;
        Add(command, "@agency", Id(_agencyId));
        Add(command, "@take", 20);
        Add(command, "@skip", 0);
        if (sql.Contains("@start", StringComparison.Ordinal))
        {
            Add(command, "@start", Date(new DateOnly(Year, 1, 1)));
            Add(command, "@end", Date(new DateOnly(Year, 12, 31)));
        }

        if (sql.Contains("@c0", StringComparison.Ordinal))
        {
            for (var i = 0; i < _categoryIds.Length; i++)
            {
                Add(command, "@c" + i.ToString(CultureInfo.InvariantCulture), Id(_categoryIds[i]));
            }
        }

        if (sql.Contains("@division", StringComparison.Ordinal))
        {
            Add(command, "@division", Id(_divisionId));
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

    // ---------------------------------------------------------------- checks and plans

    /// <summary>
    /// Each raw query must return exactly the rows ListItems returns (same ids, same order), or the ratio would compare
    /// different work. Prints the plans of the raw queries (EF's differ only in parameter names).
    /// </summary>
    private async Task VerifyAsync()
    {
        if (_categoryIds.Length != 3)
        {
            throw new InvalidOperationException($"{CategoryName} should have two children; found {_categoryIds.Length - 1}.");
        }

        var cases = new (string Name, string Sql, ListItems.Request Request)[]
        {
            ("newest", NewestSql, Request(null, null, null)),
            ("year+category", YearAndCategorySql, Request(Year, _categoryId, null)),
            ("division", DivisionSql, Request(null, null, _divisionId)),
        };
        foreach (var (name, sql, request) in cases)
        {
            var lines = await ListItems.HandleAsync(_db!, WorkCalendar.Official, Today, request);
            var raw = await RawRowsAsync(sql);
            if (lines.Count != 20 || !lines.Select(l => l.Item).SequenceEqual(raw))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: ListItems gave {lines.Count} rows, the raw SQL {raw.Count}, or they differ."));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// {Provider} {name}: 20 rows, same as raw; newest {lines[0].Item.PublishedOn:yyyy-MM-dd}, oldest {lines[^1].Item.PublishedOn:yyyy-MM-dd}."));
            await PrintPlanAsync(name, sql);
        }
    }

    private async Task PrintPlanAsync(string name, string sql)
    {
        var connection = _db!.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var sqlite = _target!.Provider == DatabaseProvider.Sqlite;
            var explain = sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
            await using var command = Command(connection, explain + sql);

            await using var reader = await command.ExecuteReaderAsync();
            Console.WriteLine($"// plan {Provider} {name}:");
            while (await reader.ReadAsync())
            {
                var line = sqlite
                    ? string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt32(0)}/{reader.GetInt32(1)} {reader.GetString(3)}")
                    : reader.GetString(0);
                Console.WriteLine("//   " + line);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
