using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Microsoft.Data.Sqlite;

namespace Gongkai.Benchmarks;

/// <summary>
/// Import of a generated 100,000-row 台账 into a fresh SQLite file (<see cref="ImportRequests.HandleAsync"/>: the
/// whole import, validation included, in one transaction), against reading and validating the same file only
/// (<see cref="LedgerFile.Read(byte[], string)"/> + <see cref="LedgerRecords.Parse"/>). A multi-second operation:
/// one invocation per iteration, each import into a database made in IterationSetup (migrated, one agency), so no
/// iteration finds the rows of the one before (the import would skip them as already present).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ImportBenchmarks
{
    public const int Rows = 100_000;
    public const int Seed = 20211231;
    private const string Agency = "测试局";

    private byte[] _bytes = [];
    private byte[] _hash = [];
    private IReadOnlyList<LedgerRow> _rows = [];
    private string? _folder;
    private GongkaiDbContext? _db;

    [GlobalSetup]
    public void Setup()
    {
        Environment.SetEnvironmentVariable(IdentityProtector.KeyVariable, Convert.ToBase64String(new byte[32]));
        _bytes = Encoding.UTF8.GetBytes(LedgerSample.Csv(Rows, Seed));
        _hash = ImportRequests.Hash(_bytes);
        _rows = LedgerFile.Read(_bytes, "ledger.csv");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Ledger: {_rows.Count} rows, {_bytes.Length} bytes."));
    }

    [IterationSetup(Targets = [nameof(Import), nameof(ReadAndImport)])]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("gongkai-bench-import-").FullName;
        var target = DatabaseTarget.Resolve(Path.Combine(_folder, "gongkai.db"));
        using (var db = GongkaiDatabase.OpenAndMigrateAsync(target).GetAwaiter().GetResult())
        {
            _ = AddAgency.HandleAsync(db, TimeProvider.System, new AddAgency.Request(Agency, null, "bench")).GetAwaiter().GetResult().Value;
        }

        // A fresh context, as the CLI's import command has.
        _db = GongkaiDatabase.Open(target);
    }

    [IterationCleanup(Targets = [nameof(Import), nameof(ReadAndImport)])]
    public void DeleteDatabase()
    {
        _db?.Dispose();
        _db = null;
        SqliteConnection.ClearAllPools();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
            _folder = null;
        }
    }

    [Benchmark(Baseline = true)]
    public int ReadAndValidate()
    {
        var (records, errors) = LedgerRecords.Parse(LedgerFile.Read(_bytes, "ledger.csv"), WorkCalendar.Official);
        return Checked(records.Count, errors.Count);
    }

    /// <summary>The import of rows already read (the brief's measure).</summary>
    [Benchmark]
    public async Task<int> Import() => await ImportAsync(_rows);

    /// <summary>Read + import: what <c>gongkai import requests</c> does with the file's bytes.</summary>
    [Benchmark]
    public async Task<int> ReadAndImport() => await ImportAsync(LedgerFile.Read(_bytes, "ledger.csv"));

    private async Task<int> ImportAsync(IReadOnlyList<LedgerRow> rows)
    {
        var result = await ImportRequests.HandleAsync(_db!, TimeProvider.System, WorkCalendar.Official,
            new ImportRequests.Request(Agency, rows, "ledger.csv", _hash, "bench"));
        var response = result.Value;
        return Checked(response.Imported, response.Errors.Count);
    }

    /// <summary>Every row must be valid and counted, or the benchmark would time a rejection.</summary>
    private static int Checked(int count, int errors) => count == Rows && errors == 0
        ? count
        : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Expected {Rows} rows and no errors, got {count} and {errors} errors."));
}
