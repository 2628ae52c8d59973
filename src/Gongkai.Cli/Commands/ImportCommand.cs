using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Common;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai import requests|appeals|article20 FILE --agency NAME</c>: takes over an office's records from CSV or
/// XLSX. Every import is all or nothing (every bad row named, exit 1) and idempotent; an unreadable file, database
/// or agency exits 2.
/// </summary>
internal static class ImportCommand
{
    /// <summary>What an import did: the bad rows (then nothing was written), or how many were new and how many known.</summary>
    private sealed record Outcome(IReadOnlyList<LedgerError> Errors, int Imported, int AlreadyPresent);

    /// <summary>The file as read, the database, the --agency value, the parse result and the cancellation token.</summary>
    private sealed record ImportContext(string Path, byte[] Bytes, IReadOnlyList<LedgerRow> Rows, GongkaiDbContext Db, string Agency, ParseResult Parsed, CancellationToken CancellationToken);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var requests = Subcommand(
            "requests", "导入依申请公开台账（有错误时整个文件不导入；按申请编号去重，可重复导入）",
            "台账文件（CSV 或 XLSX），表头：" + string.Join("、", LedgerRecords.Headers) + "，可选列：" + LedgerRecords.Reasons + "（不予公开、部分公开等须填写）", "申请所属机关的全称", [], "件申请", stdout, stderr,
            async c =>
            {
                var loaded = await CalendarSource.LoadAsync(c.Db, c.CancellationToken);
                if (!loaded.TryGetValue(out var calendar))
                {
                    return loaded.Problem;
                }

                var progress = Console.IsErrorRedirected || stderr != Console.Error ? null : new ProgressBar(stderr, "导入");
                var imported = await ImportRequests.HandleAsync(c.Db, TimeProvider.System, calendar,
                    new ImportRequests.Request(c.Agency, c.Rows, System.IO.Path.GetFileName(c.Path), ImportRequests.Hash(c.Bytes), DatabaseOption.Actor), progress, c.CancellationToken);
                progress?.Done();
                return imported.Map(r => new Outcome(r.Errors, r.Imported, r.AlreadyPresent));
            });

        var appeals = Subcommand(
            "appeals", "导入行政复议、行政诉讼案件（有错误时整个文件不导入；按案号去重，可重复导入）",
            "案件文件（CSV 或 XLSX），表头：" + string.Join("、", ImportAppeals.Headers), "被申请复议或被诉机关的全称", [], "件案件", stdout, stderr,
            async c =>
            {
                var imported = await ImportAppeals.HandleAsync(c.Db, TimeProvider.System,
                    new ImportAppeals.Request(c.Agency, c.Rows, System.IO.Path.GetFileName(c.Path), ImportRequests.Hash(c.Bytes), DatabaseOption.Actor), c.CancellationToken);
                return imported.Map(r => new Outcome(r.Errors, r.Imported, r.AlreadyPresent));
            });

        var year = ReportCommand.YearOption();
        var format = new Option<string?>("--format") { Description = "报告格式：2019 或 2021（默认按年度）" };
        format.AcceptOnlyFromAmong("2019", "2021");
        var article20 = Subcommand(
            "article20", "导入第二十条统计数据（许可、处罚、收费、采购等）；有错误时整个文件不导入，重复导入不作更改",
            "第二十条统计文件（CSV 或 XLSX），表头：指标、数值；指标为单元格键或“行/列”标签", "机关全称", [year, format], "个数值", stdout, stderr,
            async c =>
            {
                var reportFormat = ReportFormats.TryParse(c.Parsed.GetValue(format), out var f) ? f : (ReportFormat?)null;
                var imported = await ImportArticle20.HandleAsync(c.Db, TimeProvider.System,
                    new ImportArticle20.Request(c.Agency, c.Parsed.GetValue(year), reportFormat, c.Rows, System.IO.Path.GetFileName(c.Path), ImportRequests.Hash(c.Bytes), DatabaseOption.Actor),
                    c.CancellationToken);
                return imported.Map(r => new Outcome(r.Errors, r.Changed, r.Rows - r.Changed));
            });

        var items = Subcommand(
            "items", "导入已主动公开的信息（全清单）；有错误时整个文件不导入，已有的信息（标题和形成日期相同）不作更改",
            "信息文件（CSV 或 XLSX），表头：" + string.Join("、", ImportItems.Headers), "机关全称", [], "条信息", stdout, stderr,
            async c =>
            {
                var imported = await ImportItems.HandleAsync(c.Db, TimeProvider.System,
                    new ImportItems.Request(c.Agency, c.Rows, System.IO.Path.GetFileName(c.Path), ImportRequests.Hash(c.Bytes), DatabaseOption.Actor), c.CancellationToken);
                return imported.Map(r => new Outcome(r.Errors, r.Imported, r.AlreadyPresent));
            });

        return new Command("import", "导入数据") { requests, appeals, article20, items };
    }

    /// <summary>One import: reads the file, opens the database, runs the import and reports as every import does.</summary>
    private static Command Subcommand(
        string name, string description, string fileDescription, string agencyDescription, Option[] extraOptions, string unit,
        TextWriter stdout, TextWriter stderr, Func<ImportContext, Task<Result<Outcome>>> import)
    {
        var db = DatabaseOption.Create();
        var file = new Argument<string>("file") { Description = fileDescription };
        var agency = new Option<string>("--agency") { Description = agencyDescription, Required = true };
        var command = new Command(name, description) { file, agency, db };
        foreach (var option in extraOptions)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
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

            var outcome = await import(new ImportContext(path, bytes, rows, context, result.GetValue(agency)!, result, cancellationToken));
            if (!outcome.TryGetValue(out var done))
            {
                return GongkaiCli.Refused(outcome.Problem, stderr);
            }

            return Report(done, unit, stdout, stderr);
        });
        return command;
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
    /// <param name="unit">Measure word and noun, e.g. 件申请 or 个数值.</param>
    private static int Report(Outcome outcome, string unit, TextWriter stdout, TextWriter stderr)
    {
        var c = CultureInfo.InvariantCulture;
        if (outcome.Errors.Count > 0)
        {
            foreach (var error in outcome.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            var badRows = outcome.Errors.Select(e => e.Row).Distinct().Count();
            stderr.WriteLine($"文件被拒绝：{badRows.ToString(c)}行有错误（共{outcome.Errors.Count.ToString(c)}处），数据库未作任何更改");
            return GongkaiCli.ReportErrors;
        }

        var measure = unit[..1];
        stdout.WriteLine($"已导入{outcome.Imported.ToString(c)}{unit}；{outcome.AlreadyPresent.ToString(c)}{measure}已存在，未更改");
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
