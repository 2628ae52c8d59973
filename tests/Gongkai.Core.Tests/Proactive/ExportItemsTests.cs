using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

/// <summary>The full list exported as CSV or XLSX imports back into another database to the same catalogue.</summary>
public sealed class ExportItemsTests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";

    private static async Task<(TestDatabase Database, Guid Agency)> WithSeedItemsAsync(byte[] file, string name)
    {
        var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        await using var db = database.Open();
        var agency = Agency.Create(AgencyName).Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var imported = await ImportItems.HandleAsync(db, new FakeTimeProvider(), new ImportItems.Request(AgencyName, LedgerFile.Read(file, name), name, [],
            "test"), TestContext.Current.CancellationToken);
        Assert.Empty(imported.Value.Errors);
        Assert.Equal(38, imported.Value.Imported);
        return (database, agency.Id);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_SeedItems_ImportsBackToTheSameSummary(string kind)
    {
        var seed = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "ledgers", "seed-2020-items.csv"));
        var (source, sourceAgency) = await WithSeedItemsAsync(seed, "seed.csv");
        await using var _ = source;
        byte[] exported;
        await using (var db = source.Open())
        {
            var request = new ExportItems.Request(sourceAgency, 2020);
            exported = kind == "csv"
                ? await ExportItems.CsvAsync(db, request, cancellationToken: TestContext.Current.CancellationToken)
                : await ExportItems.XlsxAsync(db, request, TestContext.Current.CancellationToken);
        }

        var (copy, copyAgency) = await WithSeedItemsAsync(exported, "export." + kind);
        await using var __ = copy;
        await using var a = source.Open();
        await using var b = copy.Open();
        var ct = TestContext.Current.CancellationToken;
        var original = await ProactiveSummaryQuery.HandleAsync(a, WorkCalendar.Official, new ProactiveSummaryQuery.Request(sourceAgency, 2020), ct);
        var roundTrip = await ProactiveSummaryQuery.HandleAsync(b, WorkCalendar.Official, new ProactiveSummaryQuery.Request(copyAgency, 2020), ct);
        Assert.Equal(original.OrderBy(kv => kv.Key), roundTrip.OrderBy(kv => kv.Key));
        Assert.Equal(
            (await a.Topics.Select(t => t.Name).OrderBy(n => n).ToListAsync(ct)),
            (await b.Topics.Select(t => t.Name).OrderBy(n => n).ToListAsync(ct)));
        if (kind == "csv")
        {
            // No byte order mark unless asked for (issue 11): the text starts with the header.
            Assert.StartsWith("标题,文号,类别", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        }
    }
}
