using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

/// <summary>Hostile files given to the commands that read files (issue 16, 7): a Chinese refusal and exit 2, never a crash.</summary>
public sealed class HostileFilesCommandTests
{
    private const string Agency = "北京市东城区对外联络服务办公室";

    /// <summary>
    /// A DOCX of 30,000 nested content controls overflowed the stack (exit 134) and took the good file's result with it;
    /// now it is one unreadable file among the others.
    /// </summary>
    [Fact]
    public void Check_FolderOfHostileAndGoodFile_GoodResultPrintedHostileRefusedExit2()
    {
        using var folder = new TempFolder("gongkai-cli-");
        File.WriteAllBytes(Path.Combine(folder.Path, "a-hostile.docx"), HostileFiles.NestedDocx("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 30_000));
        File.Copy(CliRunner.Sample("000_4b732cc91709996f.txt"), Path.Combine(folder.Path, "b-good.txt"));

        var result = CliRunner.Run("check", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("无法读取：文件过大或结构异常（DOCX元素嵌套超过200层）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("结果：通过，没有错误或警告", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("合计：检查2个文件；1份报告无错误，0份报告有错误，1个文件无法读取", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>U+FFFE in a ledger threw ArgumentException out of the label normalisation: an internal error, not the row's problem.</summary>
    [Theory]
    [InlineData("appeals", "案号,类型,提起日期,结果,结果日期,申请编号,摘要\nA-1,行政复议\uFFFE①,2020-11-02,结果维持,2020-12-20,,\n", "第2行「类型」")]
    [InlineData("article20", "指标,数值\n政府集中采购/采购项目数量\uFFFE①,1\n", "第2行「指标」")]
    public async Task Import_LedgerWithNoncharacter_ChineseErrorNoCrash(string what, string csv, string named)
    {
        using var folder = new TempFolder("gongkai-cli-");
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var file = folder.File("ledger.csv", csv);
        CliRunner.Run("agency", "add", Agency, "--db", database.Db);

        string[] args = what == "appeals" ? ["import", what, file, "--agency", Agency, "--db", database.Db] : ["import", what, file, "--agency", Agency, "--year", "2020", "--db", database.Db];
        var result = CliRunner.Run(args);
        SqliteConnection.ClearAllPools();

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("程序内部错误", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
    }
}
