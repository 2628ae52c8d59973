using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai items list --agency NAME [--year Y] [--category C] [--division D] [--topic T] [--overdue] [--page N]</c>: the full list, newest first.</summary>
internal static class ItemsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var year = new Option<int?>("--year") { Description = "公开年度" };
        var category = new Option<string?>("--category") { Description = "类别（含下级类别），如 财政信息 或 财政信息/预算" };
        var division = new Option<string?>("--division") { Description = "科室，如 综合科（与 --overdue 合用即各科室的逾期公开清单）" };
        var topic = new Option<string?>("--topic") { Description = "重点领域（主题），如 对口支援" };
        var overdue = new Option<bool>("--overdue") { Description = "只列出逾期公开或已逾期未公开的信息（条例第二十六条：形成或变更之日起20个工作日内）" };
        var page = new Option<int>("--page") { Description = "页码（每页20条）", DefaultValueFactory = _ => 1 };
        var list = new Command("list", "主动公开全清单（按公开日期从新到旧）") { agency, year, category, division, topic, overdue, page, db };
        list.SetAction(async (result, cancellationToken) =>
        {
            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                var filters = await FindListFilters.HandleAsync(context,
                    new FindListFilters.Request(found.Id, result.GetValue(category), result.GetValue(division), result.GetValue(topic)), cancellationToken);
                if (!filters.TryGetValue(out var named))
                {
                    return GongkaiCli.Refused(filters.Problem, stderr);
                }

                if (await DatabaseOption.LoadCalendarAsync(context, stderr, cancellationToken) is not { } calendar)
                {
                    return GongkaiCli.Unusable;
                }

                var today = ChinaClock.Today(TimeProvider.System);
                var lines = await ListItems.HandleAsync(context, calendar, today,
                    new ListItems.Request(found.Id, result.GetValue(year), named.CategoryId, named.DivisionId, result.GetValue(overdue), result.GetValue(page), TopicId: named.TopicId),
                    cancellationToken);
                var c = CultureInfo.InvariantCulture;
                foreach (var line in lines)
                {
                    var item = line.Item;
                    var timeliness = line.Timeliness is { } t ? $"{Status(t.Status)}（期限{t.Due.ToString("yyyy-MM-dd", c)}{(t.ProvisionalNote is null ? "" : "，暂定")}）" : "";
                    stdout.WriteLine($"{item.PublishedOn?.ToString("yyyy-MM-dd", c) ?? "未公开"}\t{named.Categories.PathOf(item.CategoryId)}\t{item.Title}\t{timeliness}");
                }

                if (lines.Count == 0)
                {
                    stdout.WriteLine("没有符合条件的信息");
                }

                return GongkaiCli.Ok;
            }, cancellationToken);
        });

        return new Command("items", "主动公开信息") { list, CreateExport(stdout, stderr) };
    }

    /// <summary><c>gongkai items export --agency NAME [--year Y] --out FILE.csv|FILE.xlsx [--bom]</c>: the full list, importable again.</summary>
    private static Command CreateExport(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var year = new Option<int?>("--year") { Description = "公开年度（默认全部）" };
        var output = new Option<string>("--out") { Description = "输出文件：.csv 或 .xlsx（列与 gongkai import items 相同）", Required = true };
        var bom = OutputFile.BomOption(" .csv ");
        var export = new Command("export", "导出主动公开全清单") { agency, year, output, bom, db };
        export.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(output)!;
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".csv" or ".xlsx"))
            {
                return GongkaiCli.Refused(Problem.Invalid("export.extension", "输出文件应为 .csv 或 .xlsx"), stderr);
            }

            if (!OutputFile.FolderExists(path, stderr))
            {
                return GongkaiCli.Unusable;
            }

            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                var request = new ExportItems.Request(found.Id, result.GetValue(year));
                var bytes = extension == ".csv"
                    ? await ExportItems.CsvAsync(context, request, result.GetValue(bom), cancellationToken)
                    : await ExportItems.XlsxAsync(context, request, cancellationToken);
                AtomicFile.Write(path, bytes);
                stdout.WriteLine($"已导出到 {path}");
                return GongkaiCli.Ok;
            }, cancellationToken);
        });
        return export;
    }

    private static string Status(TimelinessStatus status) => status switch
    {
        TimelinessStatus.Pending => "待公开",
        TimelinessStatus.OnTime => "按时公开",
        TimelinessStatus.Late => "逾期公开",
        TimelinessStatus.Overdue => "已逾期未公开",
        _ => status.ToString(),
    };
}
