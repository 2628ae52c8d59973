using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai report build --agency NAME --year Y [--format 2019|2021] [--out FILE.{html,docx,json,txt,xlsx}]</c>.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var format = new Option<string?>("--format") { Description = "报告格式：2019 或 2021（默认按年度）" };
        format.AcceptOnlyFromAmong("2019", "2021");
        var output = new Option<string?>("--out") { Description = "写出报告：.html .docx .json .txt .xlsx（表格）" };
        var build = new Command("build", "根据台账记录生成年度报告，并按勾稽关系检查") { agency, year, format, output, db };
        build.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(output);
            if (path is not null && Path.GetExtension(path).ToLowerInvariant() is not (".html" or ".htm" or ".docx" or ".json" or ".txt" or ".xlsx"))
            {
                stderr.WriteLine("输出文件应为 .html、.docx、.json、.txt 或 .xlsx");
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var found = await DatabaseOption.FindAgencyAsync(context, result.GetValue(agency)!, stderr, cancellationToken);
            if (found is null)
            {
                return GongkaiCli.ReportErrors;
            }

            if (DatabaseOption.LoadCalendar(stderr) is not { } calendar)
            {
                return GongkaiCli.Unusable;
            }

            var reportFormat = ReportFormats.TryParse(result.GetValue(format), out var f) ? f : (ReportFormat?)null;
            var report = await BuildReport.HandleAsync(context, calendar, new BuildReport.Request(found.Id, result.GetValue(year), reportFormat), cancellationToken);
            var c = CultureInfo.InvariantCulture;
            stdout.WriteLine($"{ReportTitles.Title(report.Report)}（{ReportTitles.FormatName(report.Report.Format)}）");
            stdout.WriteLine(report.Findings.Count == 0
                ? "检查结果：没有错误或警告"
                : $"检查结果：{report.ErrorCount.ToString(c)}个错误，{report.WarningCount.ToString(c)}个警告");
            foreach (var finding in report.Findings)
            {
                stdout.WriteLine($"  {(finding.Severity == Severity.Error ? "错误" : "警告")} {finding.Rule}  {finding.Message}");
            }

            if (path is not null)
            {
                ReportFile.Write(report, path);
                stdout.WriteLine($"已写出 {path}");
            }

            return report.HasErrors ? GongkaiCli.ReportErrors : GongkaiCli.Ok;
        });

        return new Command("report", "年度报告") { build };
    }
}
