using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Features.Demo;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai seed-bench --agencies N --requests N --items N --years Y1-Y2 [--db …]</c>: benchmark volumes; progress on stderr.</summary>
internal static partial class SeedBenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agencies = new Option<int>("--agencies") { Description = "所属部门数", DefaultValueFactory = _ => 100 };
        var requests = new Option<int>("--requests") { Description = "政府信息公开申请总数", DefaultValueFactory = _ => 1_000_000 };
        var items = new Option<int>("--items") { Description = "主动公开信息总数", DefaultValueFactory = _ => 5_000_000 };
        var years = new Option<string>("--years") { Description = "年度范围，如 2021-2025", DefaultValueFactory = _ => "2021-2025" };
        var command = new Command("seed-bench", $"生成基准测试数据：{SeedBench.District}及所属部门的申请、信息、案件和第二十条统计（数据库中已有时拒绝）")
        {
            agencies, requests, items, years, db,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var range = YearRange().Match(result.GetValue(years) ?? "");
            if (!range.Success)
            {
                stderr.WriteLine("--years 应为“起始年-终止年”，如 2021-2025");
                return GongkaiCli.Unusable;
            }

            if (DatabaseOption.LoadCalendar(stderr) is not { } calendar)
            {
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var c = CultureInfo.InvariantCulture;
            var request = new SeedBench.Request(
                result.GetValue(agencies), result.GetValue(requests), result.GetValue(items),
                int.Parse(range.Groups[1].Value, c), int.Parse(range.Groups[2].Value, c), DatabaseOption.Actor);
            var seeded = await SeedBench.HandleAsync(context, TimeProvider.System, calendar, request, new Progress(stderr), cancellationToken);
            if (!seeded.TryGetValue(out var done))
            {
                return GongkaiCli.Refused(seeded.Problem, stderr);
            }

            stdout.WriteLine(string.Create(c,
                $"已生成基准数据：{SeedBench.District}及所属{done.Agencies}个部门，{request.FirstYear}—{request.LastYear}年，申请{done.Requests:N0}件，主动公开信息{done.Items:N0}条，" +
                $"行政复议和行政诉讼案件{done.Appeals:N0}件，第二十条统计数值{done.Article20Figures:N0}个；用时{done.Elapsed.TotalSeconds:F1}秒"));
            return GongkaiCli.Ok;
        });
        return command;
    }

    [GeneratedRegex(@"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")]
    private static partial Regex YearRange();

    /// <summary>Progress lines on stderr, synchronously (Progress&lt;T&gt; would post them to the thread pool out of order).</summary>
    private sealed class Progress(TextWriter stderr) : IProgress<string>
    {
        public void Report(string value) => stderr.WriteLine(value);
    }
}
