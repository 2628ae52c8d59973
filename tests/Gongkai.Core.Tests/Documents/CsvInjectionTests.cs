using System.Text;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Audit;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Documents;

/// <summary>
/// Issue 16, 12: every CSV export neutralises a cell a spreadsheet would run (OWASP "CSV Injection": a leading
/// apostrophe), the database keeps the text as written, the import takes the mark off again, and a leading tab is no
/// longer trimmed into a formula.
/// </summary>
public sealed class CsvInjectionTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2021, 1, 5, 1, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>As a title or an application's content is stored: the domain trims them (a tab before =1+1 too).</summary>
    private static IEnumerable<string> Stored => Formulas.Select(f => f.Trim()).Order(StringComparer.Ordinal);

    /// <summary>Texts anyone may type into a title, an application or a 台账 field, each a formula when opened as CSV.</summary>
    public static readonly string[] Formulas = ["=HYPERLINK(\"http://example.cn/?x\",\"点击查看\")", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1,2)", "-2+3", "\t=1+1", "＝1+1", "＠SUM(1,2)"];

    /// <summary>The cells of one CSV line (RFC 4180 as the import reads it), the mark left on.</summary>
    private static List<string[]> Lines(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Cells)];

    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (quoted && line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ',' && !quoted)
            {
                cells.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(line[i]);
            }
        }

        cells.Add(field.ToString());
        return [.. cells];
    }

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("\t=1+1", true)]
    [InlineData("\r=1+1", true)]
    [InlineData("＝1+1", true)]
    [InlineData("－1+1", true)]
    [InlineData("-", true)]
    [InlineData("-3", false)]
    [InlineData("+0.5", false)]
    [InlineData("2020年预算", false)]
    [InlineData("", false)]
    public void LooksLikeFormula_FirstCharacter_OwaspListFullWidthFormsButNotPlainNumbers(string field, bool formula) =>
        Assert.Equal(formula, LedgerFile.LooksLikeFormula(field));

    [Fact]
    public void Read_LeadingTabBeforeAFormula_KeptAsWrittenNotTrimmedIntoTheFormula()
    {
        var rows = LedgerFile.Read(Encoding.UTF8.GetBytes("标题,文号\r\n\"\t=1+1\",  第1号  \r\n"), "items.csv");

        Assert.Equal("\t=1+1", rows[0][ImportItems.Title]);
        Assert.Equal("第1号", rows[0][ImportItems.DocumentNumber]);
    }

    [Fact]
    public async Task ExportItems_FormulaTitles_NeutralisedInTheCsvKeptInTheDatabaseAndImportedBackAsWritten()
    {
        await using var database = await ImportItemsTests.WithAgencyAsync(TestProviders.Sqlite);
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n",
            [string.Join(',', ImportItems.Headers), .. Formulas.Select(f => LedgerFile.CsvField(f) + ",,业务动态,,综合科,2020-03-02,2020-03-05,是")]));
        await using var db = database.Open();
        var imported = await ImportItems.HandleAsync(db, Clock, new ImportItems.Request(ImportItemsTests.AgencyName, LedgerFile.Read(file, "items.csv"), "items.csv", [], "test"), Ct);
        Assert.Empty(imported.Value.Errors);
        var agency = await db.Agencies.SingleAsync(Ct);

        var csv = await ExportItems.CsvAsync(db, new ExportItems.Request(agency.Id, null), cancellationToken: Ct);

        Assert.Equal(Stored.Select(f => "'" + f), Lines(csv).Select(cells => cells[0]).Order(StringComparer.Ordinal));
        Assert.Equal(Stored, (await db.Items.Select(i => i.Title).ToListAsync(Ct)).Order(StringComparer.Ordinal));
        Assert.Equal(Stored, LedgerFile.Read(csv, "export.csv").Select(r => r[ImportItems.Title]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportApplications_FormulaContent_NeutralisedInTheCsvKeptInTheDatabase()
    {
        await using var database = await ImportItemsTests.WithAgencyAsync(TestProviders.Sqlite);
        var ledger = new StringBuilder(string.Join(',', LedgerRecords.Headers)).Append("\r\n");
        for (var i = 0; i < Formulas.Length; i++)
        {
            ledger.Append(System.Globalization.CultureInfo.InvariantCulture, $"2020-{i + 1:D3},2020-09-24,网上申请,自然人,王五,11010519491231002X,")
                .Append(LedgerFile.CsvField(Formulas[i])).Append(",予以公开,2020-10-20\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(ledger.ToString());
        await using var db = database.Open();
        var imported = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official,
            new ImportRequests.Request(ImportItemsTests.AgencyName, LedgerFile.Read(bytes, "ledger.csv"), "ledger.csv", ImportRequests.Hash(bytes), "test"), cancellationToken: Ct);
        Assert.Empty(imported.Value.Errors);
        var agency = await db.Agencies.SingleAsync(Ct);

        var csv = await ExportApplications.CsvAsync(db, Clock, new ExportApplications.Request(agency.Id, new Worklist.Filter { Scope = Worklist.Scope.All }, true, "test", "csv"), true, Ct);

        var content = Array.IndexOf([.. LedgerRecords.AllHeaders], LedgerRecords.Content);
        Assert.Equal(Stored.Select(f => "'" + f), Lines(csv).Select(cells => cells[content]).Order(StringComparer.Ordinal));
        Assert.Equal(Stored, (await db.Requests.Select(r => r.Content).ToListAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportAuditLedger_FormulaFields_NeutralisedInTheCsvKeptInTheTrail()
    {
        await using var database = await ImportItemsTests.WithAgencyAsync(TestProviders.Sqlite);
        await using var db = database.Open();
        var agency = await db.Agencies.SingleAsync(Ct);
        foreach (var formula in Formulas)
        {
            AuditTrail.Record(db, Clock, "cli:ops", "items.imported", nameof(Agency), formula, agency.Id, null, "{}");
        }

        await db.SaveChangesAsync(Ct);

        var csv = await ExportAuditLedger.CsvAsync(db, new AuditLedger.Filter(agency.Id), Ct);

        var entityId = ExportAuditLedger.Headers.ToList().IndexOf("记录标识");
        Assert.Equal(Formulas.Select(f => "'" + f), Lines(csv).Select(cells => cells[entityId]));
        Assert.Equal(Formulas, await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.EntityId).ToListAsync(Ct));
        Assert.All(Lines(csv), cells => Assert.DoesNotMatch("^[=+@\t＝＋＠]", cells[0]));
    }
}
