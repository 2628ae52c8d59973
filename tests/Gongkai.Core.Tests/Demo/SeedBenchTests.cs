using Gongkai.BenchData;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Gongkai.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Demo;

/// <summary>seed-bench at a small volume: the counts asked for, reports without errors, identity numbers encrypted.</summary>
public sealed class SeedBenchTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SeedBench_SmallVolume_CountsAsAskedReportsWithoutErrorsNumbersEncrypted(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();

        var seeded = await SeedBench.HandleAsync(db, Clock, WorkCalendar.Official, new SeedBench.Request(3, 2_000, 5_000, 2021, 2025, "t"), cancellationToken: ct);

        Assert.True(seeded.IsSuccess, seeded.IsSuccess ? "" : seeded.Problem.Message);
        Assert.Equal((3, 2_000, 5_000), (seeded.Value.Agencies, seeded.Value.Requests, seeded.Value.Items));
        await using var read = database.Open();
        var district = await read.Agencies.SingleAsync(a => a.Name == SeedBench.District, ct);
        var agencies = await read.Agencies.Where(a => a.ParentId == district.Id).ToListAsync(ct);
        Assert.Equal(3, agencies.Count);
        Assert.Equal(2_000, await read.Requests.CountAsync(ct));
        Assert.Equal(5_000, await read.Items.CountAsync(ct));
        Assert.Equal(5_000, await read.Set<ItemVersion>().CountAsync(ct));

        // Natural persons' numbers are sealed by the model's converter (v1.…) with a fingerprint; organisations have none.
        var naturalPersons = await read.Requests.CountAsync(r => r.Applicant.Kind == ApplicantKind.NaturalPerson, ct);
        var stored = await read.Database.SqlQueryRaw<string>("SELECT id_document_number AS \"Value\" FROM requests WHERE id_document_number IS NOT NULL").ToListAsync(ct);
        Assert.InRange(naturalPersons, 1_000, 1_900);
        Assert.Equal(naturalPersons, stored.Count);
        Assert.All(stored, s => Assert.StartsWith("v1.", s, StringComparison.Ordinal));
        var plain = await read.Requests.Where(r => r.Applicant.Document != null).Select(r => r.Applicant.Document!.Number).FirstAsync(ct);
        Assert.True(IdentityNumber.TryParse(plain).IsSuccess, plain);

        var carriedOver = 0m;
        foreach (var agency in agencies)
        {
            for (var year = 2021; year <= 2025; year++)
            {
                var built = await BuildReport.HandleAsync(read, WorkCalendar.Official, new BuildReport.Request(agency.Id, year), ct);
                Assert.True(!built.HasErrors, $"{agency.Name} {year}: " + string.Join("; ", built.Findings.Select(f => f.Message)));
                Assert.True(built.Report.Values["proactive.published.total"] > 0, $"{agency.Name} {year}: no items");
                carriedOver += built.Report.Values["requests.carriedIn.total"];
            }
        }

        Assert.True(carriedOver > 0, "no application carried over a year end");
    }

    [Fact]
    public async Task SeedBench_DistrictAlreadyThere_RefusedInChineseNothingAdded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        await using var db = database.Open();
        Assert.True((await SeedBench.HandleAsync(db, Clock, WorkCalendar.Official, new SeedBench.Request(1, 10, 10, 2021, 2021, "t"), cancellationToken: ct)).IsSuccess);

        var again = await SeedBench.HandleAsync(db, Clock, WorkCalendar.Official, new SeedBench.Request(1, 10, 10, 2021, 2021, "t"), cancellationToken: ct);
        var years = await SeedBench.HandleAsync(db, Clock, WorkCalendar.Official, new SeedBench.Request(1, 10, 10, 2018, 2021, "t"), cancellationToken: ct);

        Assert.Contains("基准数据已存在", again.Problem.Message, StringComparison.Ordinal);
        Assert.Equal("bench.years", years.Problem.Code);
        Assert.Equal(10, await db.Requests.CountAsync(ct));
    }

    [Fact]
    public void SeedBenchCommand_SmallVolume_SummaryOnStdoutProgressOnStderrAgainExit4BadYearsExit2()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var db = Path.Combine(folder.Path, "b.db");

        var seeded = Run("--agencies", "2", "--requests", "100", "--items", "300", "--years", "2021-2022", "--db", db);
        var again = Run("--agencies", "2", "--requests", "100", "--items", "300", "--years", "2021-2022", "--db", db);
        var badYears = Run("--years", "2021", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, seeded.ExitCode);
        Assert.Contains("已生成基准数据：北京市西城区及所属2个部门，2021—2022年，申请100件，主动公开信息300条", seeded.Stdout, StringComparison.Ordinal);
        Assert.Contains("机关 2/2", seeded.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, again.ExitCode);
        Assert.Contains("基准数据已存在", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, badYears.ExitCode);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SeedBenchCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
