using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Features.Requests;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai import requests|appeals FILE --agency NAME</c>: takes over an office's records, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var file = new Argument<string>("file") { Description = "台账文件（CSV 或 XLSX），表头：" + string.Join("、", LedgerRecords.Headers) };
        var agency = new Option<string>("--agency") { Description = "申请所属机关的全称", Required = true };
        var requests = new Command("requests", "导入依申请公开台账（有错误时整个文件不导入；按申请编号去重，可重复导入）") { file, agency, db };
        requests.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (Read(path, stderr) is not var (bytes, rows))
            {
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var progress = Console.IsErrorRedirected || stderr != Console.Error ? null : new ProgressBar(stderr, "导入");
            var request = new ImportRequests.Request(result.GetValue(agency)!, rows, Path.GetFileName(path), ImportRequests.Hash(bytes), DatabaseOption.Actor);
            var loaded = CalendarSource.Load();
            if (!loaded.TryGetValue(out var calendar))
            {
                stderr.WriteLine(loaded.Problem.Message);
                return GongkaiCli.Unusable;
            }

            var imported = await ImportRequests.HandleAsync(context, TimeProvider.System, calendar, request, progress, cancellationToken);
            progress?.Done();
            if (!imported.TryGetValue(out var response))
            {
                stderr.WriteLine(imported.Problem.Message);
                return GongkaiCli.Unusable;
            }

            return Report(response.Errors, response.Imported, response.AlreadyPresent, "申请", stdout, stderr);
        });

        return new Command("import", "导入数据") { requests, CreateAppeals(stdout, stderr), CreateArticle20(stdout, stderr) };
    }

    /// <summary><c>gongkai import appeals FILE --agency NAME</c>: 行政复议 / 行政诉讼 cases (表头：案号、类型、提起日期、结果、结果日期、申请编号、摘要).</summary>
    private static Command CreateAppeals(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var file = new Argument<string>("file") { Description = "案件文件（CSV 或 XLSX），表头：" + string.Join("、", ImportAppeals.Headers) };
        var agency = new Option<string>("--agency") { Description = "被申请复议或被诉机关的全称", Required = true };
        var appeals = new Command("appeals", "导入行政复议、行政诉讼案件（有错误时整个文件不导入；按案号去重，可重复导入）") { file, agency, db };
        appeals.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (Read(path, stderr) is not var (bytes, rows))
            {
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var imported = await ImportAppeals.HandleAsync(context, TimeProvider.System,
                new ImportAppeals.Request(result.GetValue(agency)!, rows, Path.GetFileName(path), ImportRequests.Hash(bytes), DatabaseOption.Actor), cancellationToken);
            if (!imported.TryGetValue(out var response))
            {
                stderr.WriteLine(imported.Problem.Message);
                return GongkaiCli.Unusable;
            }

            return Report(response.Errors, response.Imported, response.AlreadyPresent, "案件", stdout, stderr);
        });
        return appeals;
    }

    /// <summary><c>gongkai import article20 FILE --agency NAME --year Y [--format 2019|2021]</c>: 第二十条 figures (表头：指标、数值).</summary>
    private static Command CreateArticle20(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var file = new Argument<string>("file") { Description = "第二十条统计文件（CSV 或 XLSX），表头：指标、数值；指标为单元格键或“行/列”标签" };
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var format = new Option<string?>("--format") { Description = "报告格式：2019 或 2021（默认按年度）" };
        format.AcceptOnlyFromAmong("2019", "2021");
        var article20 = new Command("article20", "导入第二十条统计数据（许可、处罚、收费、采购等）；有错误时整个文件不导入，重复导入不作更改") { file, agency, year, format, db };
        article20.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (Read(path, stderr) is not var (bytes, rows))
            {
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var reportFormat = Domain.AnnualReports.ReportFormats.TryParse(result.GetValue(format), out var f) ? f : (Domain.AnnualReports.ReportFormat?)null;
            var imported = await ImportArticle20.HandleAsync(context, TimeProvider.System,
                new ImportArticle20.Request(result.GetValue(agency)!, result.GetValue(year), reportFormat, rows, Path.GetFileName(path), ImportRequests.Hash(bytes), DatabaseOption.Actor),
                cancellationToken);
            if (!imported.TryGetValue(out var response))
            {
                stderr.WriteLine(imported.Problem.Message);
                return GongkaiCli.Unusable;
            }

            return Report(response.Errors, response.Changed, response.Rows - response.Changed, "数值", stdout, stderr, "个");
        });
        return article20;
    }

    private static (byte[] Bytes, IReadOnlyList<LedgerRow> Rows)? Read(string path, TextWriter stderr)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return (bytes, LedgerFile.Read(bytes, Path.GetFileName(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LedgerFileException)
        {
            stderr.WriteLine($"无法读取文件 {path}：{e.Message}");
            return null;
        }
    }

    /// <summary>The outcome of an all-or-nothing import: every bad row and exit 1, or the counts and exit 0.</summary>
    private static int Report(IReadOnlyList<LedgerError> errors, int imported, int alreadyPresent, string noun, TextWriter stdout, TextWriter stderr, string measure = "件")
    {
        var c = CultureInfo.InvariantCulture;
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine(error.ToString());
            }

            var badRows = errors.Select(e => e.Row).Distinct().Count();
            stderr.WriteLine($"文件被拒绝：{badRows.ToString(c)}行有错误（共{errors.Count.ToString(c)}处），数据库未作任何更改");
            return GongkaiCli.ReportErrors;
        }

        stdout.WriteLine($"已导入{imported.ToString(c)}{measure}{noun}；{alreadyPresent.ToString(c)}{measure}已存在，未更改");
        return GongkaiCli.Ok;
    }
}

/// <summary>A one-line progress bar on a terminal's standard error.</summary>
internal sealed class ProgressBar(TextWriter writer, string label) : IProgress<(int Done, int Total)>
{
    private const int Width = 30;

    public void Report((int Done, int Total) value)
    {
        var fraction = value.Total == 0 ? 1.0 : (double)value.Done / value.Total;
        var filled = (int)Math.Round(fraction * Width);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total}"));
    }

    public void Done() => writer.WriteLine();
}
