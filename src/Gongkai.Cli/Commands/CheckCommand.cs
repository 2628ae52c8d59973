using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai check FILE... [--json] [--previous FILE] [--format 2019|2021] [--explain CELL]</c>.</summary>
internal static class CheckCommand
{
    private const int MaxCellsShown = 6;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files")
        {
            Description = $"年度报告文件或文件夹（{ReportFileFormats.ExtensionList(ReportFileFormats.Readable)}）",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "输出 JSON（spec/report-json.md），多个文件时为数组" };
        var previous = new Option<string?>("--previous") { Description = "上一年度的报告，用于跨年度检查（R7、R9）；按 --format 读取" };
        var format = new Option<string?>("--format") { Description = "指定报告格式版本：2019 或 2021（默认按标签识别）" };
        format.AcceptOnlyFromAmong("2019", "2021");
        var explain = new Option<string?>("--explain") { Description = "说明一个单元格的数值从何读取（页、行、原文），如 requests.received.total（spec/report-json.md 的键）" };

        var command = new Command("check", "检查已发布的政府信息公开工作年度报告：读取表格，核对勾稽关系") { files, json, previous, format, explain };
        command.SetAction(result => Run(
            result.GetValue(files) ?? [],
            new CheckOptions(result.GetValue(json), result.GetValue(previous), ReportFormats.TryParse(result.GetValue(format), out var f) ? f : null, result.GetValue(explain)),
            stdout,
            stderr));
        return command;
    }

    public static int Run(string[] paths, CheckOptions options, TextWriter stdout, TextWriter stderr)
    {
        var (json, previousPath, format, explain) = options;
        // System.CommandLine takes an unknown "--option" for a file name; say what it is.
        if (paths.FirstOrDefault(p => p.StartsWith('-') && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
        {
            stderr.WriteLine($"命令行错误：未知选项「{unknown}」。用法见 gongkai check --help");
            return GongkaiCli.Unusable;
        }

        if (explain is not null && CheckExplain.Refuse(explain, json) is { } refusal)
        {
            stderr.WriteLine("命令行错误：" + refusal);
            return GongkaiCli.Unusable;
        }

        AnnualReport? previous = null;
        if (previousPath is not null)
        {
            var read = CheckReports.Read(previousPath, format);
            if (read.Parsed is null)
            {
                stderr.WriteLine($"无法读取上一年度报告 {previousPath}：{read.Error}");
                return GongkaiCli.Unusable;
            }

            previous = read.Parsed.Report;
        }

        var files = CheckReports.ExpandPaths(paths);
        if (files.Count == 0)
        {
            stderr.WriteLine($"没有找到年度报告文件（{ReportFileFormats.ExtensionList(ReportFileFormats.Readable)}）");
            return GongkaiCli.Unusable;
        }

        var results = CheckReports.Handle(files, previous, format);
        if (json)
        {
            WriteJson(results, stdout, stderr);
        }
        else
        {
            WriteSummary(results, explain, stdout);
        }

        return results.Any(r => r.Unreadable) ? GongkaiCli.Unusable
            : results.Any(r => r.Report!.HasErrors) ? GongkaiCli.ReportErrors
            : GongkaiCli.Ok;
    }

    private static void WriteJson(IReadOnlyList<CheckedFile> results, TextWriter stdout, TextWriter stderr)
    {
        foreach (var unreadable in results.Where(r => r.Unreadable))
        {
            // JSON goes to stdout for machines; an unreadable file has no report, so it is said on stderr.
            stderr.WriteLine($"无法读取 {unreadable.Path}：{unreadable.ReadError}");
        }

        var reports = results.Where(r => !r.Unreadable).Select(r => (r.Report!, (string?)r.Path, r.Parts == 1 ? null : (Action<Utf8JsonWriter>)(w =>
        {
            // A file of several reports: which one this is (see README, “Checking published reports”).
            w.WriteNumber("part", r.Part);
            w.WriteNumber("parts", r.Parts);
            w.WriteString("startsAt", r.StartsAt);
        }))).ToList();
        stdout.WriteLine(ReportJson.WriteMany(reports, asArray: results.Count > 1));
    }

    private static void WriteSummary(IReadOnlyList<CheckedFile> results, string? explain, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var part = result.Parts == 1 ? "" : $"　文件中第{result.Part.ToString(c)}份报告（共{result.Parts.ToString(c)}份，{result.StartsAt}）";
            stdout.WriteLine($"【{(i + 1).ToString(c)}/{results.Count.ToString(c)}】{result.Path}{part}");
            if (result.Report is not { } checkedReport)
            {
                stdout.WriteLine($"  无法读取：{result.ReadError}");
                stdout.WriteLine();
                continue;
            }

            var report = checkedReport.Report;
            stdout.WriteLine($"  机关：{report.Agency ?? "（未识别）"}");
            stdout.WriteLine($"  年度：{(report.Year is { } y ? y.ToString(c) + "年" : "（未识别）")}　格式：{ReportTitles.FormatName(report.Format)}");
            stdout.WriteLine(checkedReport.Findings.Count == 0
                ? "  结果：通过，没有错误或警告"
                : $"  结果：{checkedReport.ErrorCount.ToString(c)}个错误，{checkedReport.WarningCount.ToString(c)}个警告");
            if (explain is not null)
            {
                CheckExplain.Write(result, explain, stdout);
                stdout.WriteLine();
                continue;
            }

            foreach (var finding in checkedReport.Findings.OrderBy(f => f.Severity))
            {
                stdout.WriteLine($"  {(finding.Severity == Severity.Error ? "错误" : "警告")} {finding.Rule}  {finding.Message}");
                if (finding.Cells.Count > 0)
                {
                    var shown = string.Join("、", finding.Cells.Take(MaxCellsShown));
                    var more = finding.Cells.Count > MaxCellsShown ? $" 等{finding.Cells.Count.ToString(c)}个" : "";
                    stdout.WriteLine($"         单元格：{shown}{more}");
                }
            }

            stdout.WriteLine();
        }

        var unreadable = results.Count(r => r.Unreadable);
        var withErrors = results.Count(r => r.Report is { HasErrors: true });
        var clean = results.Count - unreadable - withErrors;
        var files = results.Select(r => r.Path).Distinct().Count();
        var several = files == results.Count ? "" : $"（{results.Count.ToString(c)}份报告）";
        stdout.WriteLine($"合计：检查{files.ToString(c)}个文件{several}；{clean.ToString(c)}份报告无错误，{withErrors.ToString(c)}份报告有错误，{unreadable.ToString(c)}个文件无法读取");
    }
}

/// <summary>What <c>gongkai check</c> is asked besides the files.</summary>
internal sealed record CheckOptions(bool Json, string? Previous, ReportFormat? Format, string? Explain);
