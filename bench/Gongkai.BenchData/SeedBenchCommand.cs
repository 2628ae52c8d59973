using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.BenchData;

/// <summary>
/// <c>seed-bench --agencies N --requests N --items N --years Y1-Y2 [--db …]</c>: benchmark volumes; progress on stderr.
/// Exit codes as <c>gongkai</c>'s: 0 done, 2 unusable input or database, 4 the district is already there.
/// </summary>
internal static partial class SeedBenchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string?>("--db")
        {
            Description = $"数据库：SQLite 文件路径或 PostgreSQL 连接字符串（默认同 gongkai：环境变量 {DatabaseTarget.EnvironmentVariable}，否则用户数据目录中的数据库）",
        };
        var agencies = new Option<int>("--agencies") { Description = "所属部门数", DefaultValueFactory = _ => 100 };
        var requests = new Option<int>("--requests") { Description = "政府信息公开申请总数", DefaultValueFactory = _ => 1_000_000 };
        var items = new Option<int>("--items") { Description = "主动公开信息总数", DefaultValueFactory = _ => 5_000_000 };
        var years = new Option<string>("--years") { Description = "年度范围，如 2021-2025", DefaultValueFactory = _ => "2021-2025" };
        var command = new RootCommand($"生成基准测试数据：{SeedBench.District}及所属部门的申请、信息、案件和第二十条统计（数据库中已有时拒绝）")
        {
            agencies, requests, items, years, db,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var range = YearRange().Match(result.GetValue(years) ?? "");
            if (!range.Success)
            {
                stderr.WriteLine("--years 应为“起始年-终止年”，如 2021-2025");
                return 2;
            }

            var calendar = CalendarSource.Load();
            if (!calendar.IsSuccess)
            {
                return Refused(calendar.Problem, stderr);
            }

            var target = DatabaseTarget.Resolve(result.GetValue(db));
            stderr.WriteLine($"数据库：{target.Display}");
            await using var context = await GongkaiDatabase.OpenAndMigrateAsync(target, cancellationToken);
            var c = CultureInfo.InvariantCulture;
            var request = new SeedBench.Request(
                result.GetValue(agencies), result.GetValue(requests), result.GetValue(items),
                int.Parse(range.Groups[1].Value, c), int.Parse(range.Groups[2].Value, c), "seed-bench:" + Environment.UserName);
            var seeded = await SeedBench.HandleAsync(context, TimeProvider.System, calendar.Value, request, new Progress(stderr), cancellationToken);
            if (!seeded.TryGetValue(out var done))
            {
                return Refused(seeded.Problem, stderr);
            }

            stdout.WriteLine(string.Create(c,
                $"已生成基准数据：{SeedBench.District}及所属{done.Agencies}个部门，{request.FirstYear}—{request.LastYear}年，" +
                $"申请{done.Requests:N0}件，主动公开信息{done.Items:N0}条，" +
                $"行政复议和行政诉讼案件{done.Appeals:N0}件，第二十条统计数值{done.Article20Figures:N0}个；用时{done.Elapsed.TotalSeconds:F1}秒"));
            return 0;
        });
        var parsed = command.Parse(args);
        foreach (var error in parsed.Errors)
        {
            stderr.WriteLine($"命令行错误：{error.Message}");
        }

        return parsed.Errors.Count > 0 ? 2 : parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).GetAwaiter().GetResult();
    }

    private static int Refused(Problem problem, TextWriter stderr)
    {
        stderr.WriteLine(problem.Message);
        return problem.Kind == ProblemKind.Conflict ? 4 : 2;
    }

    [GeneratedRegex(@"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")]
    private static partial Regex YearRange();

    /// <summary>Progress lines on stderr, synchronously (Progress&lt;T&gt; would post them to the thread pool out of order).</summary>
    private sealed class Progress(TextWriter stderr) : IProgress<string>
    {
        public void Report(string value) => stderr.WriteLine(value);
    }
}
