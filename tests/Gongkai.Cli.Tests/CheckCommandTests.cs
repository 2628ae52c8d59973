using System.Text.Json;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Cli.Tests;

public sealed class CheckCommandTests
{
    private const string Seed = "000_4b732cc91709996f.txt";
    private static readonly string[] TextKeys = ["text.overview", "text.problems", "text.other"];
    private static readonly string[] Severities = ["error", "warning"];

    private static string SeedText => File.ReadAllText(CliRunner.Sample(Seed));

    /// <summary>The seed with one line (1-based) replaced.</summary>
    private static string SeedWithLine(int line, string text)
    {
        var lines = SeedText.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    [Fact]
    public void Check_Seed_Exit0AgencyYearFormat()
    {
        var result = CliRunner.Run("check", CliRunner.Sample(Seed));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("机关：北京市东城区对外联络服务办公室", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("年度：2020年", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2019年版格式（国办公开办函〔2019〕60号）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("结果：通过，没有错误或警告", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("合计：检查1个文件；1份报告无错误，0份报告有错误，0个文件无法读取", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeedWithReceivedNaturalPersonTwo_Exit1WithR1AndR3NamingCells()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var file = folder.File("changed.txt", SeedWithLine(131, "\t2"));

        var result = CliRunner.Run("check", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("错误 R1  自然人列：第一项加第二项之和（2）不等于第三项加第四项之和（1）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("单元格：requests.received.naturalPerson、requests.carriedIn.naturalPerson、requests.total.naturalPerson、requests.carriedOut.naturalPerson", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("错误 R3  「一、本年新收政府信息公开申请数量」行：总计（1）不等于各类申请人之和（2）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("结果：2个错误，0个警告", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_ValidatesAgainstTheKeysOfReportJson()
    {
        var result = CliRunner.Run("check", "--json", CliRunner.Sample("2019-seed-with-errors.html"));

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        AssertReportJson(json.RootElement);
        Assert.Contains("\"article20.procurement.amount\": 0.5950", result.Stdout, StringComparison.Ordinal);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order().ToList();
        Assert.Equal(["R1", "R3", "R5"], rules);
        Assert.Equal(["requests.received.commercialEnterprise"], json.RootElement.GetProperty("blank").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public void Check_JsonSeveralFiles_ArrayOfReports()
    {
        var result = CliRunner.Run("check", "--json", CliRunner.Sample(Seed), CliRunner.Sample("2021-example.html"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        foreach (var report in json.RootElement.EnumerateArray())
        {
            AssertReportJson(report);
        }

        Assert.Equal("2021", json.RootElement[1].GetProperty("format").GetString());
    }

    /// <summary>Top-level fields, cell keys, values and findings exactly as spec/report-json.md defines them.</summary>
    private static void AssertReportJson(JsonElement report)
    {
        string[] fields = ["file", "format", "year", "agency", "cells", "blank", "findings"];
        Assert.All(report.EnumerateObject(), p => Assert.Contains(p.Name, fields));
        Assert.True(ReportFormats.TryParse(report.GetProperty("format").GetString(), out var format));
        var layout = ReportLayout.For(format);
        foreach (var cell in report.GetProperty("cells").EnumerateObject())
        {
            if (cell.Name.StartsWith("text.", StringComparison.Ordinal))
            {
                Assert.Contains(cell.Name, TextKeys);
                Assert.Equal(JsonValueKind.String, cell.Value.ValueKind);
                continue;
            }

            Assert.True(layout.TryGetCell(cell.Name, out _), cell.Name + " is not a key of report-json.md");
            Assert.Equal(JsonValueKind.Number, cell.Value.ValueKind);
        }

        Assert.All(report.GetProperty("blank").EnumerateArray(), b => Assert.True(layout.TryGetCell(b.GetString()!, out _)));
        foreach (var finding in report.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(["rule", "severity", "cells", "message"], finding.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^(R[1-9]|P[1-4])$", finding.GetProperty("rule").GetString()!);
            Assert.Contains(finding.GetProperty("severity").GetString(), Severities);
            Assert.All(finding.GetProperty("cells").EnumerateArray(), c => Assert.True(layout.TryGetCell(c.GetString()!, out _)));
        }
    }

    [Fact]
    public void Check_SamplesFolder_EveryFileReadOneWithErrors()
    {
        // The written samples only: samples/real holds published reports and their hand-read expected files (JSON, not reports).
        using var folder = new TempFolder("gongkai-cli-");
        foreach (var sample in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples")))
        {
            File.Copy(sample, Path.Combine(folder.Path, Path.GetFileName(sample)));
        }

        var result = CliRunner.Run("check", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("合计：检查7个文件；6份报告无错误，1份报告有错误，0个文件无法读取", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Previous_CrossYearWarningExit0()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var previous = folder.File("2019.txt", SeedWithLine(6, "2019年政府信息公开工作年度报告").Replace("\t0\n\n\n四、政府信息公开行政复议", "\t1\n\n\n四、政府信息公开行政复议", StringComparison.Ordinal));

        var result = CliRunner.Run("check", CliRunner.Sample(Seed), "--previous", previous);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("警告 R7  总计列：本年“上年结转”（0）不等于上一年度“结转下年度继续办理”（1）", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PreviousWithFormat_PreviousReadInThatFormat()
    {
        using var folder = new TempFolder("gongkai-cli-");
        // Labelled 2021, holding 2019 table 二 cells: only read as the 2019 format do they give R9 something to compare.
        var previous = folder.File("2019.json", """
            {"format": "2021", "year": 2019, "agency": "北京市东城区对外联络服务办公室", "cells": {"article20.licensing.previous": 1, "article20.licensing.change": 0}}
            """);

        var asLabelled = CliRunner.Run("check", CliRunner.Sample(Seed), "--previous", previous);
        var as2019 = CliRunner.Run("check", CliRunner.Sample(Seed), "--previous", previous, "--format", "2019");

        Assert.DoesNotContain("警告 R9", asLabelled.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, as2019.ExitCode);
        Assert.Contains("警告 R9", as2019.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Files_EveryExtensionTheCheckReads()
    {
        var help = CliRunner.Run("check", "--help");

        Assert.Contains(".txt .html .htm .docx .pdf .json", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FolderWithLastYearsReport_PairsThemForR7()
    {
        using var folder = new TempFolder("gongkai-cli-");
        folder.File("2020.txt", SeedText);
        folder.File("2019.txt", SeedWithLine(6, "2019年政府信息公开工作年度报告").Replace("\t0\n\n\n四、政府信息公开行政复议", "\t1\n\n\n四、政府信息公开行政复议", StringComparison.Ordinal));

        var result = CliRunner.Run("check", folder.Path);

        Assert.Contains("警告 R7", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FormatOverride_2021OnA2019Report_ReadAs2021WithWarnings()
    {
        var result = CliRunner.Run("check", "--format", "2021", CliRunner.Sample(Seed));

        // The 2019 single row （六）其他处理 in a 2021 report is read, not an error (annual-report-format.md §9); the
        // 2019 labels of table 二 are warned one by one.
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2021年版格式", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("警告 P1  「（六）其他处理」按2019年版格式印为一行", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("警告 P2  未识别的标签「本年新制作数量」", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("binary")]
    [InlineData("missing")]
    public void Check_UnreadableFile_Exit2WithReason(string kind)
    {
        using var folder = new TempFolder("gongkai-cli-");
        var path = Path.Combine(folder.Path, "report.txt");
        if (kind == "empty")
        {
            File.WriteAllBytes(path, []);
        }
        else if (kind == "binary")
        {
            File.WriteAllBytes(path, [0x00, 0x01, 0x02, 0xFF, 0x00, 0x13, 0x37]);
        }

        var result = CliRunner.Run("check", path, CliRunner.Sample(Seed));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("无法读取：", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1个文件无法读取", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--format", "2022", "x.txt")]
    [InlineData("check", "--bogus", "x.txt")]
    [InlineData("check")]
    [InlineData("frobnicate")]
    public void Run_BadCommandLine_Exit2InChinese(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("命令行错误", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Executable_CheckSeed_Exit0()
    {
        var result = CliRunner.RunProcess("check", CliRunner.Sample(Seed));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("北京市东城区对外联络服务办公室", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Executable_ChangedSeed_Exit1()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var file = folder.File("changed.txt", SeedWithLine(131, "\t2"));

        Assert.Equal(1, CliRunner.RunProcess("check", file).ExitCode);
    }
}
