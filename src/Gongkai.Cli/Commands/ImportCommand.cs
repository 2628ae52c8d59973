using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Features.Requests;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai import requests FILE --agency NAME</c>: takes over an office's 台账 of applications.</summary>
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
            byte[] bytes;
            IReadOnlyList<LedgerRow> rows;
            try
            {
                bytes = File.ReadAllBytes(path);
                rows = LedgerFile.Read(bytes, Path.GetFileName(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or LedgerFileException)
            {
                stderr.WriteLine($"无法读取台账文件 {path}：{e.Message}");
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
            var c = CultureInfo.InvariantCulture;
            if (!imported.TryGetValue(out var response))
            {
                stderr.WriteLine(imported.Problem.Message);
                return GongkaiCli.Unusable;
            }

            if (response.Rejected)
            {
                foreach (var error in response.Errors)
                {
                    stderr.WriteLine(error.ToString());
                }

                var badRows = response.Errors.Select(e => e.Row).Distinct().Count();
                stderr.WriteLine($"文件被拒绝：{badRows.ToString(c)}行有错误（共{response.Errors.Count.ToString(c)}处），数据库未作任何更改");
                return GongkaiCli.ReportErrors;
            }

            stdout.WriteLine($"已导入{response.Imported.ToString(c)}件申请；{response.AlreadyPresent.ToString(c)}件已存在，未更改");
            return GongkaiCli.Ok;
        });

        return new Command("import", "导入数据") { requests };
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
