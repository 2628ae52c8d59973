using System.Text.Json;
using Gongkai.Core.Features.Requests;
using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

public sealed class ImportAndTableCommandTests
{
    private const string Agency = "北京市东城区对外联络服务办公室";

    /// <summary>The seed's one application of 2020, as an office's ledger would hold it.</summary>
    private const string SeedLedger = """
        申请编号,收到日期,申请方式,申请人类型,申请人,证件号码,申请内容,办理结果,答复日期
        2020-001,2020年9月24日,网上申请,自然人,王五,11010519491231002X,我办2020年部门预算,予以公开,2020-10-20
        """;

    [Fact]
    public async Task Import_SeedLedgerThenTable_TheSeedsSectionThree()
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        var ledger = folder.File("ledger.csv", SeedLedger);
        CliRunner.Run("agency", "add", Agency, "--db", db);

        var import = CliRunner.Run("import", "requests", ledger, "--agency", Agency, "--db", db);
        var again = CliRunner.Run("import", "requests", ledger, "--agency", Agency, "--db", db);
        var table = CliRunner.Run("requests", "table", "--agency", Agency, "--year", "2020", "--json", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("已导入1件申请；0件已存在", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("已导入0件申请；1件已存在，未更改", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, table.ExitCode);
        using var json = JsonDocument.Parse(table.Stdout);
        var cells = json.RootElement.GetProperty("cells");
        Assert.Equal("2019", json.RootElement.GetProperty("format").GetString());
        string[] ones = ["received.naturalPerson", "received.total", "disclosed.naturalPerson", "disclosed.total", "total.naturalPerson", "total.total"];
        foreach (var cell in cells.EnumerateObject())
        {
            var expected = ones.Contains(cell.Name["requests.".Length..]) ? 1 : 0;
            Assert.True(expected == cell.Value.GetInt32(), cell.Name);
        }

        Assert.Equal(23 * 7, cells.EnumerateObject().Count());
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Import_BadRows_Exit1NamingEachDatabaseUnchanged()
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        var lines = LedgerSample.Csv(10, seed: 2).Split('\n');
        lines[3] = lines[3].Replace(",2020-", ",2020-99-", StringComparison.Ordinal);
        var ledger = folder.File("bad.csv", string.Join('\n', lines));
        CliRunner.Run("agency", "add", Agency, "--db", db);

        var result = CliRunner.Run("import", "requests", ledger, "--agency", Agency, "--db", db);
        var table = CliRunner.Run("requests", "table", "--agency", Agency, "--year", "2020", "--json", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("第4行「收到日期」", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("数据库未作任何更改", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"requests.received.total\": 0", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFileExit2UnknownAgencyExit3()
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        var ledger = folder.File("ledger.csv", SeedLedger);

        var missing = CliRunner.Run("import", "requests", Path.Combine(folder.Path, "none.csv"), "--agency", Agency, "--db", db);
        var unknown = CliRunner.Run("import", "requests", ledger, "--agency", "不存在的局", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("无法读取文件", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("机关「不存在的局」不存在", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportArticle20_SeedFigures_ThenAgainUnchanged()
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        var file = folder.File("a20.csv", "指标,数值\n政府集中采购/采购项目数量,1\n政府集中采购/采购总金额,0.5950\n行政许可/本年增/减,减4\n");
        CliRunner.Run("agency", "add", Agency, "--db", db);

        var first = CliRunner.Run("import", "article20", file, "--agency", Agency, "--year", "2020", "--db", db);
        var again = CliRunner.Run("import", "article20", file, "--agency", Agency, "--year", "2020", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("已导入3个数值；0个已存在", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("已导入0个数值；3个已存在，未更改", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAppeals_GoodThenBadFile_CountsThenEveryBadRowNamed()
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        var good = folder.File("appeals.csv", """
            案号,类型,提起日期,结果,结果日期,申请编号,摘要
            东复〔2020〕12号,行政复议,2020-11-02,结果维持,2020-12-20,,对答复不服
            （2021）京0101行初5号,直接起诉,2021-03-01,尚未审结,,,
            """);
        var bad = folder.File("bad.csv", """
            案号,类型,提起日期,结果,结果日期,申请编号,摘要
            A-1,行政复议,2020-11-02,维持,2020-10-01,,
            A-2,信访,2020-11-02,维持,2020-12-01,,
            A-3,行政复议,2020-11-02,维持,2020-12-01,不存在的编号,
            """);
        CliRunner.Run("agency", "add", Agency, "--db", db);

        var first = CliRunner.Run("import", "appeals", good, "--agency", Agency, "--db", db);
        var again = CliRunner.Run("import", "appeals", good, "--agency", Agency, "--db", db);
        var rejected = CliRunner.Run("import", "appeals", bad, "--agency", Agency, "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("已导入2件案件；0件已存在", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("已导入0件案件；2件已存在", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("第2行「结果日期」", rejected.Stderr, StringComparison.Ordinal);
        Assert.Contains("第3行「类型」", rejected.Stderr, StringComparison.Ordinal);
        Assert.Contains("第4行「申请编号」", rejected.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 16, 11: another process (the site, a backup) holds the write lock past the timeout (here already when the
    /// command opens the database: migrating takes the lock): a Chinese line that says to retry, no stack trace, exit 2,
    /// nothing saved; the same command afterwards imports the file.
    /// </summary>
    [Fact]
    public async Task ImportAppeals_WriteLockHeldPastTheTimeout_ChineseRetryLineExit2NothingSaved()
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var file = folder.File("appeals.csv", """
            案号,类型,提起日期,结果,结果日期,申请编号,摘要
            东复〔2020〕12号,行政复议,2020-11-02,结果维持,2020-12-20,,对答复不服
            """);
        CliRunner.Run("agency", "add", Agency, "--db", database.Db);

        CliResult busy;
        await using (var holder = new SqliteConnection(database.Target.ConnectionString))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            busy = CliRunner.Run("import", "appeals", file, "--agency", Agency, "--db", database.Db);
            begin.CommandText = "ROLLBACK;";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var after = CliRunner.Run("import", "appeals", file, "--agency", Agency, "--db", database.Db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(GongkaiCli.Unusable, busy.ExitCode);
        Assert.Contains(Gongkai.Core.Data.DatabaseBusy.Message, busy.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", busy.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("已导入1件案件；0件已存在", after.Stdout, StringComparison.Ordinal);
    }
}

public sealed class CalendarFileTests
{
    /// <summary>A made-up notice for 2027: New Year's Day off, one adjusted Saturday.</summary>
    private const string Year2027 = """
        {"format":"cn-holidays/1","years":[{"year":2027,
          "holidays":[{"date":"2027-01-01","weekday":"Fri","name":"元旦"}],
          "adjustedWorkdays":[{"date":"2027-01-09","weekday":"Sat","name":"元旦"}]}]}
        """;

    [Fact]
    public void CalendarAdd_NewYearsNoticeFromFile_NoCodeChange()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var file = folder.File("2027.json", Year2027);

        var without = CliRunner.RunProcess("calendar", "add", "2026-12-30", "3");
        var with = CliRunner.RunProcessWith(new Dictionary<string, string> { ["GONGKAI_CALENDAR"] = file }, "calendar", "add", "2026-12-30", "3");

        // Without the notice: provisional (12-31 (1), 01-01 off by the rule, 01-04 (2), 01-05 (3)) and marked so.
        Assert.Equal(0, without.ExitCode);
        Assert.Equal("2027-01-05 星期二（暂定：暂按法定节假日计算，待国务院办公厅公布2027年放假安排后更新）", without.Stdout.Trim());
        Assert.Equal(0, with.ExitCode);
        Assert.Equal("2027-01-05 星期二", with.Stdout.Trim());
    }
}

public sealed class ProactiveCommandTests
{
    private const string Agency = "北京市东城区对外联络服务办公室";

    [Fact]
    public async Task ImportItemsThenSummary_TheSeedsTwentyTwenty()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        CliRunner.Run("agency", "add", Agency, "--db", db);

        var import = CliRunner.Run("import", "items", CliRunner.Sample(Path.Combine("ledgers", "seed-2020-items.csv")), "--agency", Agency, "--db", db);
        var summary = CliRunner.Run("proactive", "summary", "--agency", Agency, "--year", "2020", "--json", "--db", db);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("已导入38条信息", import.Stdout, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(summary.Stdout);
        var root = json.RootElement;
        Assert.Equal(38, root.GetProperty("proactive.published.total").GetInt32());
        Assert.Equal(1, root.GetProperty("proactive.published.byCategory.规划计划").GetInt32());
        Assert.Equal(2, root.GetProperty("proactive.published.byCategory.财政信息").GetInt32());
        Assert.Equal(3, root.GetProperty("proactive.published.byCategory.信息公开专栏").GetInt32());
        Assert.Equal(2, root.GetProperty("proactive.published.byCategory.建议提案办理结果").GetInt32());
        Assert.Equal(30, root.GetProperty("proactive.published.byCategory.业务动态").GetInt32());
        Assert.Equal("1.0000", root.GetProperty("proactive.fullTextRate").GetRawText());
    }
}

public sealed class ReportBuildCommandTests
{
    private const string Agency = "北京市东城区对外联络服务办公室";

    [Theory]
    [InlineData("2020.html")]
    [InlineData("2020.pdf")]
    public async Task Build_FromTheSeedsLedgers_ReportThatChecksClean(string file)
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        string Ledger(string name) => CliRunner.Sample(Path.Combine("ledgers", name));
        CliRunner.Run("agency", "add", Agency, "--db", db);
        CliRunner.Run("import", "requests", Ledger("seed-2020-requests.csv"), "--agency", Agency, "--db", db);
        CliRunner.Run("import", "items", Ledger("seed-2020-items.csv"), "--agency", Agency, "--db", db);
        CliRunner.Run("import", "article20", Ledger("seed-2020-article20.csv"), "--agency", Agency, "--year", "2020", "--db", db);
        var output = Path.Combine(folder.Path, file);

        var built = CliRunner.Run("report", "build", "--agency", Agency, "--year", "2020", "--out", output, "--db", db);
        var check = CliRunner.Run("check", output);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(0, built.ExitCode);
        Assert.Contains("检查结果：没有错误或警告", built.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("结果：通过，没有错误或警告", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("机关：北京市东城区对外联络服务办公室", check.Stdout, StringComparison.Ordinal);
    }
}
