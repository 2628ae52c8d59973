namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai calendar</c>: the worked example of regulation-rules.md §12 end to end, and unusable input.</summary>
public sealed class CalendarCommandTests
{
    private static void AssertLine(string expected, string output) =>
        Assert.Contains(expected, output.Split('\n').Select(l => l.TrimEnd('\r')), StringComparer.Ordinal);

    [Theory]
    [InlineData("2020-09-24", "20", "2020-10-28 星期三")]
    [InlineData("2020/9/24", "7", "2020-10-10 星期六")]
    [InlineData("2020年9月24日", "15", "2020-10-21 星期三")]
    [InlineData("2020-10-28", "20", "2020-11-25 星期三")]
    [InlineData("2020-09-24", "0", "2020-09-24 星期四")]
    public void Add_WorkedExample_DateAndChineseWeekday(string date, string days, string expected)
    {
        var result = CliRunner.Run("calendar", "add", date, days);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout.Trim());
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Deadline_WorkedExampleExtended_AllThreeDeadlines()
    {
        var result = CliRunner.Run("calendar", "deadline", "--received", "2020-09-24", "--extended");

        Assert.Equal(0, result.ExitCode);
        AssertLine("收到申请之日：2020-09-24 星期四", result.Stdout);
        AssertLine("补正告知期限：2020-10-10 星期六（第7个工作日，条例第三十条）", result.Stdout);
        AssertLine("答复期限：2020-10-28 星期三（第20个工作日，条例第三十三条）", result.Stdout);
        AssertLine("延长后的答复期限：2020-11-25 星期三（答复期限后再加20个工作日，条例第三十三条第二款）", result.Stdout);
        Assert.DoesNotContain("逐日计算", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Deadline_WithoutExtended_NoExtendedDeadline()
    {
        var result = CliRunner.Run("calendar", "deadline", "--received", "2020-09-24");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("延长后的答复期限", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_PausedForConsultation_ReplyDeadlineMovesByThosePausedDays()
    {
        // 条例 Art 33¶3: 5 working days of third-party consultation are not counted, so the reply is due on working day 25.
        var result = CliRunner.Run("calendar", "deadline", "--received", "2020-09-24", "--paused", "5", "--extended");

        Assert.Equal(0, result.ExitCode);
        AssertLine("补正告知期限：2020-10-10 星期六（第7个工作日，条例第三十条）", result.Stdout);
        AssertLine("答复期限：2020-11-04 星期三（第25个工作日：20个工作日，加上不计入期限的征求意见时间5个工作日，条例第三十三条）", result.Stdout);
        AssertLine("延长后的答复期限：2020-12-02 星期三（答复期限后再加20个工作日，条例第三十三条第二款）", result.Stdout);
    }

    [Fact]
    public void Deadline_Explain_CountsDayByDayNamingHolidayAndAdjustedSunday()
    {
        var result = CliRunner.Run("calendar", "deadline", "--received", "2020-09-24", "--extended", "--explain");

        Assert.Equal(0, result.ExitCode);
        AssertLine("逐日计算（答复期限）：", result.Stdout);
        AssertLine("  2020-09-24 星期四  收到申请之日，不计入", result.Stdout);
        AssertLine("  2020-09-25 星期五  第1个工作日", result.Stdout);
        AssertLine("  2020-09-26 星期六  周末", result.Stdout);
        AssertLine("  2020-09-27 星期日  第2个工作日  调休上班（国庆节、中秋节）", result.Stdout);
        AssertLine("  2020-10-01 星期四  放假（国庆节、中秋节）", result.Stdout);
        AssertLine("  2020-10-04 星期日  放假（国庆节、中秋节）", result.Stdout);
        AssertLine("  2020-10-09 星期五  第6个工作日", result.Stdout);
        AssertLine("  2020-10-10 星期六  第7个工作日  调休上班（国庆节、中秋节）  ← 补正告知期限", result.Stdout);
        AssertLine("  2020-10-28 星期三  第20个工作日  ← 答复期限", result.Stdout);
        AssertLine("逐日计算（延长后的答复期限，自答复期限的次日起算）：", result.Stdout);
        AssertLine("  2020-10-28 星期三  答复期限，不计入", result.Stdout);
        AssertLine("  2020-11-25 星期三  第20个工作日  ← 延长后的答复期限", result.Stdout);

        // Every day from 09-24 to 10-28 (35) and from 10-28 to 11-25 (29), one line each.
        Assert.Equal(35 + 29, result.Stdout.Split('\n').Count(l => l.StartsWith("  2020-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("calendar", "add", "2020-02-30", "3")]
    [InlineData("calendar", "add", "24.09.2020", "3")]
    [InlineData("calendar", "add", "yesterday", "3")]
    [InlineData("calendar", "deadline", "--received", "2020-13-01")]
    [InlineData("calendar", "deadline", "--received", "9/24/2020")]
    public void Calendar_BadDate_Exit2WithChineseMessage(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("不是有效的日期，请写成 2020-09-24、2020/9/24 或 2020年9月24日", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("twenty")]
    [InlineData("2147483647")]
    public void Add_BadCount_Exit2WithChineseMessage(string days)
    {
        var result = CliRunner.Run("calendar", "add", "2020-09-24", days);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"工作日数「{days}」应为不超过100000的非负整数", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calendar", "add", "2018-12-31", "1")]
    [InlineData("calendar", "add", "2100-12-31", "1")]
    [InlineData("calendar", "deadline", "--received", "2101-01-04")]
    public void Calendar_DateOutsideTheCalendar_Exit2NamingTheCoverage(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("（日历覆盖2019年1月1日至2100年12月31日）", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Deadline_RunningPastTheCalendar_Exit2AndNoPartialAnswer()
    {
        var result = CliRunner.Run("calendar", "deadline", "--received", "2100-12-10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("超出了日历范围", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Deadline_NoReceivedDate_Exit2()
    {
        var result = CliRunner.Run("calendar", "deadline", "--extended");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("缺少 --received（收到申请之日）", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_NoSubcommand_Exit2NamingTheSubcommands()
    {
        var result = CliRunner.Run("calendar");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("请指定子命令 add、deadline 或 load", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_RealExecutable_WorkedExample()
    {
        var result = CliRunner.RunProcess("calendar", "add", "2020年9月24日", "20");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2020-10-28 星期三", result.Stdout.Trim());
    }
}
