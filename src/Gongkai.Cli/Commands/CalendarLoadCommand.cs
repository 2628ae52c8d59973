using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Features.Calendar;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai calendar load FILE [--doc-number 国办发明电〔2026〕N号] [--db]</c>: a year's State Council notice in the
/// cn-holidays/1 format (spec/calendar/README.md) into the database; prints each year loaded and every application
/// whose deadline moved (each also a step of the application and an entry in the 台账). Exit 0 loaded or unchanged,
/// 1 the file is not a valid notice, 2 the file or the database cannot be used.
/// </summary>
internal static class CalendarLoadCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "放假安排文件（cn-holidays/1 格式的 JSON）", HelpName = "文件" };
        var documentNumber = new Option<string?>("--doc-number") { Description = "通知文号，如 国办发明电〔2026〕5号", HelpName = "文号" };
        var db = DatabaseOption.Create();
        var command = new Command("load", "载入国务院办公厅某年的放假安排，并重新计算受影响的未办结申请的期限") { file, documentNumber, db };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (await TextFile.ReadAsync(path, stderr, cancellationToken) is not { } json)
            {
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var request = new LoadCalendarNotice.Request(json, "文件 " + Path.GetFileName(path), result.GetValue(documentNumber), DatabaseOption.Actor, Environment.UserName);
            var loaded = await LoadCalendarNotice.HandleAsync(context, TimeProvider.System, request, cancellationToken);
            if (!loaded.TryGetValue(out var response))
            {
                stderr.Write("未载入：");
                return GongkaiCli.Refused(loaded.Problem, stderr);
            }

            foreach (var year in response.Unchanged)
            {
                stdout.WriteLine($"{Number(year)}年的放假安排与已载入的相同，未作改动");
            }

            foreach (var (year, version) in response.Loaded)
            {
                stdout.WriteLine($"已载入{Number(year)}年的放假安排（第{Number(version)}版）");
            }

            if (response.Loaded.Count > 0)
            {
                stdout.WriteLine(response.Moved.Count == 0
                    ? "没有未办结申请的期限因此改变"
                    : $"{Number(response.Moved.Count)}件未办结申请的期限已重新计算：");
                foreach (var moved in response.Moved)
                {
                    stdout.WriteLine($"  {moved.TrackingNumber}  {moved.Description}");
                }
            }

            stdout.WriteLine($"日历：{response.Calendar.CoverageDescription}");
            return GongkaiCli.Ok;
        });
        return command;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
