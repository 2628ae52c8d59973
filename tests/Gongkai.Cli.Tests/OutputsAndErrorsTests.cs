using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Gongkai.Core.Data;
using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

/// <summary>Issue 11: one default database, files without a byte order mark, written whole, and no stack traces.</summary>
public sealed class OutputsAndErrorsTests
{
    private const string Office = ReportLifecycleCommandTests.Office;

    [Fact]
    public async Task BuildOut_JsonAndText_NoByteOrderMarkJsonParsesEverywhere()
    {
        using var folder = new TempFolder();
        await using var database = await ReportLifecycleCommandTests.SeedDatabaseAsync();
        var db = database.Db;
        var json = Path.Combine(folder.Path, "x.json");
        var text = Path.Combine(folder.Path, "x.txt");
        var textWithBom = Path.Combine(folder.Path, "bom.txt");

        var toJson = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--out", json, "--bom", "--db", db);
        var toText = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--out", text, "--db", db);
        var toTextWithBom = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--out", textWithBom, "--bom", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, toJson.ExitCode);
        Assert.Equal(0, toText.ExitCode);
        Assert.Equal(0, toTextWithBom.ExitCode);

        // RFC 8259 §8.1: no byte order mark on JSON, even when --bom asks for one on text.
        var bytes = File.ReadAllBytes(json);
        Assert.Equal((byte)'{', bytes[0]);
        using (var parsed = JsonDocument.Parse(bytes))
        {
            Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
        }

        Assert.False(File.ReadAllBytes(text).AsSpan().StartsWith("\uFEFF"u8));
        Assert.StartsWith("北京市", File.ReadAllText(text), StringComparison.Ordinal);
        Assert.True(File.ReadAllBytes(textWithBom).AsSpan().StartsWith("\uFEFF"u8));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));

        // What the issue reported: Python's json.load refused the file.
        var python = Python("import json,sys;json.load(open(sys.argv[1], encoding='utf-8'))", json);
        Assert.SkipWhen(python is null, "python3 is not installed");
        Assert.Equal(0, python);
    }

    [Fact]
    public async Task BuildOut_FolderMissing_Exit2BeforeAnyDraftIsSaved()
    {
        using var folder = new TempFolder();
        await using var database = await ReportLifecycleCommandTests.SeedDatabaseAsync();
        var db = database.Db;
        var missing = Path.Combine(folder.Path, "missing", "x.json");

        var build = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--out", missing, "--db", db);
        var status = CliRunner.Run("report", "status", "--agency", Office, "--year", "2020", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(2, build.ExitCode);
        Assert.Contains($"输出文件夹不存在：{Path.GetDirectoryName(missing)}", build.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("第1版", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildOut_TargetIsAFolder_OneChineseLineExit2StackTraceOnlyWithVerbose()
    {
        using var folder = new TempFolder();
        await using var database = await ReportLifecycleCommandTests.SeedDatabaseAsync();
        var db = database.Db;
        var target = Directory.CreateDirectory(Path.Combine(folder.Path, "x.txt")).FullName;

        var plain = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--out", target, "--db", db);
        var verbose = CliRunner.Run("report", "build", "--agency", Office, "--year", "2020", "--out", target, "--db", db, "--verbose");
        SqliteConnection.ClearAllPools();

        Assert.Equal(2, plain.ExitCode);
        Assert.Contains($"出错了：无法写入文件 {target}：", plain.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", plain.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", plain.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, verbose.ExitCode);
        Assert.Contains("FileWriteException", verbose.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    public static TheoryData<Exception, string> Failures => new()
    {
        { new InvalidOperationException("未找到生成PDF所需的中文字体“Noto Serif CJK SC”，请安装 fonts-noto-cjk"), "出错了：未找到生成PDF所需的中文字体“Noto Serif CJK SC”，请安装 fonts-noto-cjk" },
        { new DirectoryNotFoundException("Could not find a part of the path '/x/y'."), "出错了：文件夹不存在（Could not find a part of the path '/x/y'.）" },
        { new UnauthorizedAccessException("Access to the path '/x' is denied."), "出错了：没有访问权限（Access to the path '/x' is denied.）" },
        { new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11), "出错了：数据库出错（SQLite Error 11: 'database disk image is malformed'.）" },

        // Issue 16 (11): a lock held past the timeout is the busy message, to retry.
        { new SqliteException("SQLite Error 5: 'database is locked'.", 5), "出错了：数据库正忙（另一项写入操作占用时间较长），本次操作未保存，请稍后重试" },
        { new KeyNotFoundException("The given key was not present in the dictionary."), "出错了：程序内部错误，命令未完成（加 --verbose 查看详情）" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Report_Exception_OneChineseLineExit2(Exception failure, string expected)
    {
        using var stderr = new StringWriter();

        var code = CommandFailure.Report(failure, verbose: false, stderr);

        Assert.Equal(GongkaiCli.Unusable, code);
        Assert.Equal(expected + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Report_Verbose_TypeMessageAndStack()
    {
        using var stderr = new StringWriter();
        Exception thrown;
        try
        {
            throw new NotSupportedException("detail for the developer");
        }
        catch (NotSupportedException e)
        {
            thrown = e;
        }

        CommandFailure.Report(thrown, verbose: true, stderr);

        var lines = stderr.ToString().Split(Environment.NewLine);
        Assert.Equal("出错了：程序内部错误，命令未完成", lines[0]);
        Assert.StartsWith("System.NotSupportedException: detail for the developer", lines[1], StringComparison.Ordinal);
        Assert.Contains("   at ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDatabase_TwoWorkingDirectories_SameAbsoluteFileSaidOnStderrStdoutJsonWithoutBom()
    {
        using var dataHome = new TempFolder();
        using var first = new TempFolder();
        using var second = new TempFolder();
        var environment = new Dictionary<string, string> { ["XDG_DATA_HOME"] = dataHome.Path, [DatabaseTarget.EnvironmentVariable] = "" };
        var expected = Path.Combine(DataFolder.In(dataHome.Path), DatabaseTarget.DefaultFileName);

        var added = CliRunner.RunProcessIn(first.Path, environment, "agency", "add", ReportLifecycleCommandTests.District);
        var listed = CliRunner.RunProcessIn(second.Path, environment, "agency", "list");
        var json = CliRunner.RunProcessIn(second.Path, environment, "report", "district", "--agency", ReportLifecycleCommandTests.District, "--year", "2020", "--json");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"数据库：{expected}", added.Stderr, StringComparison.Ordinal);
        Assert.Contains($"数据库：{expected}", listed.Stderr, StringComparison.Ordinal);
        Assert.Contains(ReportLifecycleCommandTests.District, listed.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(expected));
        Assert.Empty(Directory.GetFileSystemEntries(first.Path));
        Assert.Empty(Directory.GetFileSystemEntries(second.Path));

        // stdout is the data: no byte order mark before the JSON, the database line went to stderr.
        Assert.StartsWith("{", json.Stdout, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json.Stdout);
        Assert.Equal(ReportLifecycleCommandTests.District, parsed.RootElement.GetProperty("agency").GetString());
    }

    /// <summary>python3's exit code on a one-line program, or null when there is no python3.</summary>
    private static int? Python(string program, string argument)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(program);
        start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
