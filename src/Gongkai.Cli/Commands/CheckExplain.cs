using System.Globalization;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai check FILE --explain CELL</c>: where one cell's value came from — the place in the file (page, line or
/// table row and cell) and the text read there — or that it was printed blank or not found, with the findings that
/// name it. An oversight officer trusts a finding only when the figure behind it can be found in the document.
/// </summary>
internal static class CheckExplain
{
    /// <summary>Why the request cannot be answered (a key of no format, with --json), or null.</summary>
    public static string? Refuse(string key, bool json)
    {
        if (json)
        {
            return "--explain 输出说明文字，不能与 --json 同时使用";
        }

        return ReportLayouts.V2019.TryGetCell(key, out _) || ReportLayouts.V2021.TryGetCell(key, out _)
            ? null
            : $"「{key}」不是年度报告表格的单元格键（spec/report-json.md），例如 requests.received.total、appeals.reconsideration.total";
    }

    public static void Write(CheckedFile result, string key, TextWriter stdout)
    {
        var report = result.Report!.Report;
        decimal? value = report.Values.TryGetValue(key, out var number) ? number : null;
        var read = value is not null || report.Blanks.Contains(key) || result.Sources.ContainsKey(key);
        // A 2021 report that prints the 2019 single row （六）其他处理 holds that row's 2019 keys (spec §9).
        if (!report.Layout.TryGetCell(key, out var cell) && !(read && OtherLayout(report).TryGetCell(key, out cell)))
        {
            stdout.WriteLine($"  单元格 {key}：{ReportTitles.FormatName(report.Format)}没有这一格");
            return;
        }

        stdout.WriteLine($"  单元格 {key}：{ConsistencyRules.CellLabel(cell)}");
        if (result.Sources.TryGetValue(key, out var token))
        {
            var reading = value is { } v ? $"数值 {v.ToString(CultureInfo.InvariantCulture)}" : report.Blanks.Contains(key) ? "空白（未填写；R1–R4按0计算，R5提示）" : "无法读作数值";
            stdout.WriteLine($"    {reading}");
            stdout.WriteLine($"    读自：{token.Describe()}，原文「{token.Text.Trim()}」");
        }
        else if (value is { } v)
        {
            stdout.WriteLine($"    数值 {v.ToString(CultureInfo.InvariantCulture)}（文件直接给出数值，如 JSON，没有原文位置）");
        }
        else
        {
            stdout.WriteLine("    未读到：报告中没有找到这一格（所在的行或表格缺失，或标签未能识别）");
        }

        var related = result.Report!.Findings.Where(f => f.Cells.Contains(key, StringComparer.Ordinal)).ToList();
        stdout.WriteLine(related.Count == 0 ? "    没有涉及此单元格的检查结果" : "    涉及此单元格的检查结果：");
        foreach (var finding in related)
        {
            stdout.WriteLine($"    {(finding.Severity == Severity.Error ? "错误" : "警告")} {finding.Rule}  {finding.Message}");
        }
    }

    private static ReportLayout OtherLayout(AnnualReport report) => report.Format == ReportFormat.V2019 ? ReportLayouts.V2021 : ReportLayouts.V2019;
}
