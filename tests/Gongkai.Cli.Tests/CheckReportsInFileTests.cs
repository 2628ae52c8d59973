using System.Text;
using System.Text.Json;

namespace Gongkai.Cli.Tests;

/// <summary>
/// <c>gongkai check</c> on what is not a report (exit 2), on a file holding several reports (each checked), with
/// <c>--explain</c>, and R8 and titles on the real published reports (issue 15).
/// </summary>
public sealed class CheckReportsInFileTests
{
    private const string Seed = "000_4b732cc91709996f.txt";

    private static string Real(string name) => Path.Combine(AppContext.BaseDirectory, "real-reports", name);

    [Theory]
    [InlineData("bom.txt", new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData("spaces.txt", new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A, 0x20 })]
    [InlineData("one.pdf", new byte[] { 0x25 })]
    [InlineData("nul.pdf", new byte[] { 0x00 })]
    [InlineData("random.txt", new byte[] { 0x8F, 0x13, 0xC7, 0x00, 0xFE, 0x21, 0x9A, 0x04, 0xB3, 0x77 })]
    [InlineData("page.html", new byte[] { 0x3C, 0x70, 0x3E, 0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD, 0x3C, 0x2F, 0x70, 0x3E })]
    public void Check_NotAReport_Exit2UnreadableInChinese(string name, byte[] bytes)
    {
        using var folder = new TempFolder("gongkai-cli-");
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, bytes);

        var result = CliRunner.Run("check", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("无法读取：", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("错误 P1", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TextWithoutTables_Exit2NotAReport()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var path = folder.File("notes.txt", "某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n今年工作顺利。\n");

        var result = CliRunner.Run("check", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("不是政府信息公开工作年度报告", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Seed, 0)]
    [InlineData("2019-seed-with-errors.html", 1)]
    public void Check_Reports_Exit0WithoutErrors1WithErrors(string sample, int exit) =>
        Assert.Equal(exit, CliRunner.Run("check", CliRunner.Sample(sample)).ExitCode);

    /// <summary>The seed, then a wrong copy of it in the same text file (the copy's 自然人 of 一、本年新收 is 2).</summary>
    private static string TwoReportsText()
    {
        var seed = File.ReadAllText(CliRunner.Sample(Seed));
        var lines = seed.Split('\n');
        lines[130] = "\t2";
        return seed + "\n" + string.Join('\n', lines);
    }

    [Fact]
    public void Check_TextHoldingTwoReports_SecondCheckedAndNamed()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var path = folder.File("two.txt", TwoReportsText());
        var secondStart = File.ReadAllLines(CliRunner.Sample(Seed)).Length + 2;

        var result = CliRunner.Run("check", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("文件中第1份报告（共2份，第1行起）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"文件中第2份报告（共2份，第{secondStart}行起）", result.Stdout, StringComparison.Ordinal);
        var second = result.Stdout[result.Stdout.IndexOf("文件中第2份报告", StringComparison.Ordinal)..];
        var first = result.Stdout[..result.Stdout.IndexOf("文件中第2份报告", StringComparison.Ordinal)];
        Assert.Contains("结果：通过，没有错误或警告", first, StringComparison.Ordinal);
        Assert.Contains("错误 R1  自然人列：第一项加第二项之和（2）不等于第三项加第四项之和（1）", second, StringComparison.Ordinal);
        Assert.Contains("合计：检查1个文件（2份报告）；1份报告无错误，1份报告有错误，0个文件无法读取", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HtmlPageWithReportThenWrongCopy_JsonListsBoth()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var right = File.ReadAllText(CliRunner.Sample("2019-seed.html"));
        var wrong = File.ReadAllText(CliRunner.Sample("2019-seed-with-errors.html"));
        var page = right.Replace("</main>", "</main>\n" + MainOf(wrong), StringComparison.Ordinal);
        var path = folder.File("page.html", page);

        var result = CliRunner.Run("check", "--json", path);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var reports = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, reports.Count);
        Assert.Equal([1, 2], reports.Select(r => r.GetProperty("part").GetInt32()));
        Assert.All(reports, r => Assert.Equal(2, r.GetProperty("parts").GetInt32()));
        Assert.Empty(reports[0].GetProperty("findings").EnumerateArray());
        var rules = reports[1].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order().ToList();
        Assert.Equal(["R1", "R3", "R5"], rules);
        Assert.Contains("个表格", reports[1].GetProperty("startsAt").GetString(), StringComparison.Ordinal);
    }

    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main>", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal) + "</main>".Length;
        return html[start..end];
    }

    [Fact]
    public void Check_ReportWithItsListOfOtherYearsBelow_OneReport()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var text = File.ReadAllText(CliRunner.Sample(Seed)) + "\n相关链接\n北京市东城区对外联络服务办公室2019年政府信息公开工作年度报告\n北京市东城区对外联络服务办公室2018年政府信息公开工作年度报告\n";
        var path = folder.File("links.txt", text);

        var result = CliRunner.Run("check", path);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("份报告", result.Stdout.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HtmlTitleOnlyInHeadTitle_AgencyAndYearWithoutWarning()
    {
        using var folder = new TempFolder("gongkai-cli-");
        var html = File.ReadAllText(CliRunner.Sample("2019-seed.html"));
        var h1 = html[html.IndexOf("<h1>", StringComparison.Ordinal)..(html.IndexOf("</h1>", StringComparison.Ordinal) + "</h1>".Length)];
        var path = folder.File("untitled.html", html.Replace(h1, "", StringComparison.Ordinal).Replace("年度报告</title>", "年度报告_数字东城</title>", StringComparison.Ordinal));

        var result = CliRunner.Run("check", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("机关：北京市东城区对外联络服务办公室", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("年度：2020年", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("未找到报告标题", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SeedCell_LineAndTextRead()
    {
        var result = CliRunner.Run("check", CliRunner.Sample(Seed), "--explain", "requests.received.total");

        Assert.Equal(0, result.ExitCode);
        var line = Array.FindIndex(File.ReadAllLines(CliRunner.Sample(Seed)), l => l.Contains("一、本年新收政府信息公开申请数量", StringComparison.Ordinal)) + 1 + 7;
        Assert.Contains("单元格 requests.received.total：「一、本年新收政府信息公开申请数量」行「总计」列", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("    数值 1\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"读自：第{line}行，原文「1」", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_BlankCell_SaysBlankAndNamesTheWarning()
    {
        var result = CliRunner.Run("check", CliRunner.Sample("2019-seed-with-errors.html"), "--explain", "requests.received.commercialEnterprise");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("空白（未填写", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("个表格第", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("警告 R5", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RealPdf_TableCellAndR8()
    {
        var result = CliRunner.Run("check", Real("huaian_hongze_district_gov_2024.pdf"), "--explain", "requests.received.total");

        Assert.Contains("数值 95", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("读自：第\\d+页第\\d+个表格第\\d+行第\\d+格，原文「95」", result.Stdout);
        Assert.Contains("警告 R8  总体情况称“受理政府信息公开申请17件”，但表格中为95", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>淮安市 2024 breaks table 三 between pages 4 and 5: one table, each number with the page it is printed on.</summary>
    [Fact]
    public void Explain_RealPdfTableOverAPageBreak_PageOfEachNumber()
    {
        var above = CliRunner.Run("check", Real("huaian_city_gov_2024.pdf"), "--explain", "requests.cannotProvide.notHeld.total");
        var below = CliRunner.Run("check", Real("huaian_city_gov_2024.pdf"), "--explain", "requests.cannotProvide.needsCreation.total");

        Assert.Equal(0, above.ExitCode);
        Assert.Contains("「（四）无法提供 1.本机关不掌握相关政府信息」行「总计」列", above.Stdout, StringComparison.Ordinal);
        Assert.Matches("读自：第4页第3个表格第16行第\\d+格，原文「769」", above.Stdout);
        Assert.Matches("读自：第5页第3个表格第17行第\\d+格，原文「11」", below.Stdout);
    }

    [Fact]
    public void Explain_CellOfTheOtherFormat_SaysSo()
    {
        var result = CliRunner.Run("check", CliRunner.Sample(Seed), "--explain", "requests.other.noSupplement.total");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2019年版格式（国办公开办函〔2019〕60号）没有这一格", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requests.new.nothing")]
    [InlineData("total")]
    public void Explain_NotACellKey_Exit2(string key)
    {
        var result = CliRunner.Run("check", CliRunner.Sample(Seed), "--explain", key);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("命令行错误：", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("huaian_city_gov_2024.pdf", null)]
    [InlineData("huaian_hongze_district_gov_2024.pdf", "警告 R8  总体情况称“受理政府信息公开申请17件”，但表格中为95")]
    [InlineData("pingtan_zone_2019.txt", null)]
    [InlineData("pingtan_zone_2021.txt", null)]
    [InlineData("pingtan_zone_2025.txt", null)]
    public void Check_RealReports_R8OnlyWhereTheNarrativeDiffers(string name, string? r8)
    {
        var result = CliRunner.Run("check", Real(name));

        var found = result.Stdout.Split('\n').Where(l => l.Contains(" R8 ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(r8 is null ? [] : [r8], found);
        Assert.DoesNotContain("（未识别）", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("未找到报告标题", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeedNarrative_NoR8()
    {
        var output = CliRunner.Run("check", CliRunner.Sample(Seed)).Stdout;

        Assert.DoesNotContain(" R8 ", output, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(output) > 0);
    }
}
