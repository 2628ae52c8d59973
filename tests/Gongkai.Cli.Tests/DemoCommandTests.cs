using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

public sealed class DemoCommandTests
{
    private const string Office = "北京市东城区对外联络服务办公室";

    [Fact]
    public async Task Demo_ThenReportBuild_TheSeedReportWithoutFindings()
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;

        var demo = CliRunner.Run("demo", "--db", db);
        var again = CliRunner.Run("demo", "--db", db);
        var report = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--db", db, "--out", Path.Combine(folder.Path, "2020.txt"));
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, demo.ExitCode);
        Assert.Contains("已创建演示数据：北京市东城区（上级机关）", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{Office}：主动公开信息38条，政府信息公开申请1件，行政复议和行政诉讼案件0件", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("已公开：政府信息公开指南7份，年度报告1份", demo.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(db)!, "files"), "*", SearchOption.AllDirectories).Any(), "no attached file beside the database");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("演示数据已存在", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, report.ExitCode);
        Assert.StartsWith($"{Office}2020年政府信息公开工作年度报告（2019年版格式", report.Stdout, StringComparison.Ordinal);
        Assert.Contains("检查结果：没有错误或警告", report.Stdout, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(folder.Path, "2020.txt"));
        Assert.Contains("2020年共主动公开政府信息38条", text, StringComparison.Ordinal);
        Assert.Contains("0.5950", text, StringComparison.Ordinal);
    }
}
