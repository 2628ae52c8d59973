using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai report build|lock|publish|status|district</c> on the seed's records, through the command tree.</summary>
public sealed class ReportLifecycleCommandTests
{
    internal const string District = "北京市东城区";
    internal const string Office = "北京市东城区对外联络服务办公室";

    /// <summary>The seed office's 2020 records in a new database.</summary>
    internal static async Task<TestDatabase> SeedDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        string Ledger(string name) => CliRunner.Sample(Path.Combine("ledgers", name));
        Assert.Equal(0, CliRunner.Run("agency", "add", District, "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("agency", "add", Office, "--parent", District, "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("import", "requests", Ledger("seed-2020-requests.csv"), "--agency", Office, "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("import", "items", Ledger("seed-2020-items.csv"), "--agency", Office, "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("import", "article20", Ledger("seed-2020-article20.csv"), "--agency", Office, "--year", "2020", "--db", db).ExitCode);
        return database;
    }

    /// <summary>Sections 五 and 六 of the year's draft written through <c>gongkai report text</c> (the lock needs them).</summary>
    internal static void WriteTexts(string db, string year = "2020")
    {
        using var folder = new TempFolder("gongkai-cli-");
        foreach (var (section, text) in new[] { ("problems", "信息公开专栏栏目设置有待优化，下一步将加强培训。"), ("other", "无") })
        {
            var file = Path.Combine(folder.Path, section + ".txt");
            File.WriteAllText(file, text);
            var written = CliRunner.Run("report", "text", "--agency", Office, "--year", year, "--section", section, "--file", file, "--db", db);
            Assert.True(written.ExitCode == 0, written.Stderr);
        }
    }

    [Fact]
    public async Task BuildLockPublishStatus_SeedOffice_LockedHashedPublishedInTime()
    {
        await using var database = await SeedDatabaseAsync();
        var db = database.Db;

        var lockWithoutDraft = CliRunner.Run("report", "lock", "--agency", Office, "--year", "2020", "--db", db);
        var build = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--db", db);
        WriteTexts(db);
        var locked = CliRunner.Run("report", "lock", "--agency", Office, "--year", "2020", "--db", db);
        var badDate = CliRunner.Run("report", "publish", "--agency", Office, "--year", "2020", "--on", "2021-02-30", "--db", db);
        var published = CliRunner.Run("report", "publish", "--agency", Office, "--year", "2020", "--on", "2021-01-28", "--db", db);
        var rebuilt = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--db", db);
        var status = CliRunner.Run("report", "status", "--agency", Office, "--year", "2020", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(3, lockWithoutDraft.ExitCode);
        Assert.Contains("还没有草稿", lockWithoutDraft.Stderr, StringComparison.Ordinal);
        Assert.Contains("gongkai report build", lockWithoutDraft.Stderr, StringComparison.Ordinal); // the CLI's own next step
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("已保存为第1版草稿", build.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, locked.ExitCode);
        Assert.Matches("已锁定第1版，内容哈希 SHA-256 [0-9a-f]{64}", locked.Stdout);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("不是有效日期", badDate.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, published.ExitCode);
        Assert.Contains("已于2021年1月28日公开，在2021年1月31日的期限内", published.Stdout, StringComparison.Ordinal);
        Assert.Contains("已保存为第2版草稿", rebuilt.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("年度报告：已公开，应于2021年1月31日前公布", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("（核验一致）", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("第2版  草稿", status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", status.Stdout + status.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The lock refuses a report whose 五 or 六 is empty (exit 2, each missing section named, the command that fills it).</summary>
    [Fact]
    public async Task Lock_SectionsEmpty_Exit2NamingEach_CheckThenLockOnceWritten()
    {
        await using var database = await SeedDatabaseAsync();
        var db = database.Db;
        using var folder = new TempFolder("gongkai-cli-");
        var problems = Path.Combine(folder.Path, "problems.txt");
        File.WriteAllText(problems, "信息公开专栏栏目设置有待优化。");

        Assert.Equal(0, CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--db", db).ExitCode);
        var both = CliRunner.Run("report", "lock", "--agency", Office, "--year", "2020", "--db", db);
        Assert.Equal(0, CliRunner.Run("report", "text", "--agency", Office, "--year", "2020", "--section", "problems", "--file", problems, "--db", db).ExitCode);
        var other = CliRunner.Run("report", "lock", "--agency", Office, "--year", "2020", "--db", db);
        var checkedDraft = CliRunner.Run("report", "check", "--agency", Office, "--year", "2020", "--db", db);
        var status = CliRunner.Run("report", "status", "--agency", Office, "--year", "2020", "--db", db);
        WriteTexts(db);
        var locked = CliRunner.Run("report", "lock", "--agency", Office, "--year", "2020", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("年度报告锁定前须填写“五、存在的主要问题及改进情况”、“六、其他需要报告的事项”", both.Stderr, StringComparison.Ordinal);
        Assert.Contains("gongkai report text", both.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("须填写“六、其他需要报告的事项”", other.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("五、", other.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, checkedDraft.ExitCode);
        Assert.Contains("第1版已检查", checkedDraft.Stdout, StringComparison.Ordinal);
        Assert.Contains("第1版  已检查", status.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, locked.ExitCode);
        Assert.Contains("已锁定第1版", locked.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", both.Stdout + both.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Every command on a report's year takes the same --year: 2019 (the 2019 条例) to next year.</summary>
    [Theory]
    [InlineData("report build", "2018", "年度报告从2019年度起")]
    [InlineData("report lock", "9999", "年度不能晚于")]
    [InlineData("requests table", "2018", "年度报告从2019年度起")]
    [InlineData("proactive summary", "9999", "年度不能晚于")]
    public void YearOfAReport_OutOfRange_Exit2WithTheReason(string command, string year, string reason)
    {
        using var folder = new TempFolder("gongkai-cli-");

        var result = CliRunner.Run([.. command.Split(' '), "--agency", Office, "--year", year, "--db", Path.Combine(folder.Path, "g.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task District_Json_SumsAndEachAgencysStatus()
    {
        await using var database = await SeedDatabaseAsync();
        var db = database.Db;
        CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--db", db);
        WriteTexts(db);
        Assert.Equal(0, CliRunner.Run("report", "lock", "--agency", Office, "--year", "2020", "--db", db).ExitCode);

        var district = CliRunner.Run("report", "district", "--agency", District, "--year", "2020", "--json", "--db", db);
        var text = CliRunner.Run("report", "district", "--agency", District, "--year", "2020", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, district.ExitCode);
        using var json = JsonDocument.Parse(district.Stdout);
        var root = json.RootElement;
        Assert.Equal(District, root.GetProperty("agency").GetString());
        Assert.Equal(0.5950m, root.GetProperty("cells").GetProperty("article20.procurement.amount").GetDecimal());
        Assert.Equal(1, root.GetProperty("cells").GetProperty("requests.disclosed.naturalPerson").GetInt32());
        Assert.Equal(38, root.GetProperty("cells").GetProperty("proactive.published.total").GetInt32());
        Assert.Equal("2021-03-31", root.GetProperty("dueOn").GetString());
        var agencies = root.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetString()!);
        Assert.Equal(2, agencies.Count);
        Assert.Equal("overdue", agencies[Office].GetProperty("status").GetString());
        Assert.Equal("locked", agencies[Office].GetProperty("stage").GetString());
        Assert.Equal("逾期（已定稿）", agencies[Office].GetProperty("statusText").GetString());
        Assert.True(agencies[Office].GetProperty("overdue").GetBoolean());
        Assert.Equal("notStarted", agencies[District].GetProperty("stage").GetString());
        Assert.Equal("locked", agencies[Office].GetProperty("counted").GetString());
        Assert.Equal(1, agencies[Office].GetProperty("version").GetInt32());
        Assert.Equal(0, agencies[Office].GetProperty("findings").GetArrayLength());
        Assert.Equal("records", agencies[District].GetProperty("counted").GetString());
        Assert.Contains("北京市东城区对外联络服务办公室  逾期（已定稿）  无问题  计入：锁定版本", text.Stdout, StringComparison.Ordinal);
    }
}
