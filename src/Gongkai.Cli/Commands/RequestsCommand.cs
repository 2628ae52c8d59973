using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai requests table --agency NAME --year Y [--json] [--format 2019|2021]</c>: section 三 from the records.</summary>
internal static class RequestsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var year = ReportCommand.YearOption();
        var json = new Option<bool>("--json") { Description = "输出 JSON（spec/report-json.md 的单元格键）" };
        var format = new Option<string?>("--format") { Description = "报告格式：2019 或 2021（默认按年度：2020年及以前为2019）" };
        format.AcceptOnlyFromAmong("2019", "2021");
        var table = new Command("table", "按年度统计“收到和处理政府信息公开申请情况”（年度报告第三部分）") { agency, year, json, format, db };
        table.SetAction(async (result, cancellationToken) =>
        {
            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                var y = result.GetValue(year);
                var reportFormat = ReportFormats.TryParse(result.GetValue(format), out var f) ? f : ReportFormats.DefaultForYear(y);
                var cells = await RequestsTable.HandleAsync(context, new RequestsTable.Request(found.Id, y, reportFormat), cancellationToken);
                var report = new AnnualReport(reportFormat, found.Name, y, cells, new HashSet<string>(), new Dictionary<string, string>());
                if (result.GetValue(json))
                {
                    var findings = ConsistencyRules.SumRules(reportFormat).Select(r => r.Check(report)).OfType<Finding>().ToList();
                    stdout.WriteLine(ReportJson.Write(new CheckedReport(report, findings)));
                    return GongkaiCli.Ok;
                }

                WriteTable(stdout, report);
                return GongkaiCli.Ok;
            }, cancellationToken);
        });

        return new Command("requests", "依申请公开") { table };
    }

    private static void WriteTable(TextWriter stdout, AnnualReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var table = report.Layout.Requests;
        stdout.WriteLine($"{report.Agency} {report.Year?.ToString(c)}年 收到和处理政府信息公开申请情况（{ReportTitles.FormatName(report.Format)}）");
        stdout.WriteLine(string.Join('\t', table.Columns.Select(col => col.Label).Prepend("")));
        foreach (var row in table.DataRows.Where(r => r.Row.HasCells))
        {
            var values = table.CellKeysOf(row).Select(k => report.Value(k)?.ToString(c) ?? "");
            stdout.WriteLine(string.Join('\t', values.Prepend(ConsistencyRules.RowLabel(row))));
        }
    }
}
