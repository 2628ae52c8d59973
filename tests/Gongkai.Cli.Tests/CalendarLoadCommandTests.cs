using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

/// <summary>
/// Years without a notice (spec/calendar/README.md) from the command line: provisional deadlines, then a notice loaded
/// with <c>gongkai calendar load</c> and the open application it moves.
/// </summary>
public sealed class CalendarLoadCommandTests
{
    private const string Agency = "北京市东城区对外联络服务办公室";
    private const string Provisional = "（暂定：暂按法定节假日计算，待国务院办公厅公布2027年放假安排后更新）";

    /// <summary>A made-up 2027 notice that differs from the rule: 2026-12-31 off too, Saturday 2027-01-09 worked.</summary>
    private const string Notice2027 = """
        { "format": "cn-holidays/1", "years": [ { "year": 2027,
          "holidays": [ { "date": "2026-12-31", "name": "元旦" }, { "date": "2027-01-01", "name": "元旦" },
                        { "date": "2027-01-02", "name": "元旦" }, { "date": "2027-01-03", "name": "元旦" } ],
          "adjustedWorkdays": [ { "date": "2027-01-09", "name": "元旦" } ] } ] }
        """;

    private static void AssertLine(string expected, string output) =>
        Assert.Contains(expected, output.Split('\n').Select(l => l.TrimEnd('\r')), StringComparer.Ordinal);

    [Theory]
    [InlineData("2026-12-04", "答复期限：2027-01-04 星期一（第20个工作日，条例第三十三条）" + Provisional)]
    [InlineData("2027-01-25", "答复期限：2027-02-26 星期五（第20个工作日，条例第三十三条）" + Provisional)]
    [InlineData("2020-09-24", "答复期限：2020-10-28 星期三（第20个工作日，条例第三十三条）")]
    public void Deadline_IntoAYearWithoutNotice_ComputedAndMarked(string received, string expected)
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("calendar", "deadline", "--received", received, "--db", Path.Combine(folder.Path, "g.db"));
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, result.ExitCode);
        AssertLine(expected, result.Stdout);
    }

    [Fact]
    public async Task Load_NoticeThatMovesAnOpenDeadline_PrintsItAndDeadlinesFollowTheNotice()
    {
        using var folder = new TempFolder();
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        var ledger = folder.File("ledger.csv", """
            申请编号,收到日期,申请方式,申请人类型,申请人,证件号码,申请内容,办理结果,答复日期
            2026-001,2026-12-04,当面申请,自然人,王五,11010519491231002X,本单位2026年预算执行情况,,
            """);
        var notice = folder.File("2027.json", Notice2027);
        CliRunner.Run("agency", "add", Agency, "--db", db);
        Assert.Equal(0, CliRunner.Run("import", "requests", ledger, "--agency", Agency, "--db", db).ExitCode);

        var load = CliRunner.Run("calendar", "load", notice, "--doc-number", "国办发明电〔2026〕99号", "--db", db);
        var again = CliRunner.Run("calendar", "load", notice, "--db", db);
        var deadline = CliRunner.Run("calendar", "deadline", "--received", "2026-12-04", "--db", db);
        var broken = CliRunner.Run("calendar", "load", folder.File("bad.json", Notice2027.Replace("2027-01-09", "2027-01-04", StringComparison.Ordinal)), "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, load.ExitCode);
        AssertLine("已载入2027年的放假安排（第1版）", load.Stdout);
        AssertLine("1件未办结申请的期限已重新计算：", load.Stdout);
        AssertLine("  2026-001  国务院办公厅2027年放假安排已载入（国办发明电〔2026〕99号），期限重新计算：答复期限由2027年1月4日调整为2027年1月5日", load.Stdout);
        AssertLine("2027年的放假安排与已载入的相同，未作改动", again.Stdout);
        AssertLine("答复期限：2027-01-05 星期二（第20个工作日，条例第三十三条）", deadline.Stdout);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("未载入：日历数据无效：", broken.Stderr, StringComparison.Ordinal);
    }
}
