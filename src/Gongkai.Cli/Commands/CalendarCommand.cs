using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai calendar add DATE N</c>, <c>gongkai calendar deadline --received DATE [--paused N] [--extended] [--explain]</c>:
/// working days on the official calendar (regulation-rules.md §12), with the notices loaded into the database when it
/// exists; a date in a year without a notice is computed and marked provisional. <c>gongkai calendar load FILE</c>
/// loads a year's notice and recounts the open deadlines it moves. A bad date exits 2.
/// </summary>
internal static class CalendarCommand
{
    private static readonly StatutoryDeadline Supplement = StatutoryDeadline.SupplementNotice;
    private static readonly StatutoryDeadline Reply = StatutoryDeadline.Reply;
    private static readonly StatutoryDeadline Extension = StatutoryDeadline.Extension;

    // Far beyond any calendar's range (about 250 working days a year), small enough never to overflow.
    private const int MaxCount = 100_000;

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("calendar", "按国务院办公厅公布的放假调休安排计算工作日（收到申请之日不计入，自次日起算）");
        command.Subcommands.Add(CreateAdd(stdout, stderr));
        command.Subcommands.Add(CreateDeadline(stdout, stderr));
        command.Subcommands.Add(CalendarLoadCommand.Create(stdout, stderr));
        command.SetAction(_ =>
        {
            stderr.WriteLine("命令行错误：请指定子命令 add、deadline 或 load。用法见 gongkai calendar --help");
            return GongkaiCli.Unusable;
        });
        return command;
    }

    private static Command CreateAdd(TextWriter stdout, TextWriter stderr)
    {
        var date = new Argument<DateOnly>("date")
        {
            Description = "起算日期（不计入），如 " + DateInput.Examples,
            HelpName = "日期",
            CustomParser = ParseDate,
        };
        var days = new Argument<int>("n") { Description = "工作日数（非负整数）", HelpName = "N", CustomParser = ParseCount };
        var db = DatabaseOption.Create();
        var command = new Command("add", "起算日期之后的第 N 个工作日") { date, days, db };
        command.SetAction(async (result, cancellationToken) =>
            await CalendarInForceAsync(result.GetValue(db), stderr, cancellationToken) is { } calendar
                ? Add(calendar, result.GetValue(date), result.GetValue(days), stdout, stderr)
                : GongkaiCli.Unusable);
        return command;
    }

    private static Command CreateDeadline(TextWriter stdout, TextWriter stderr)
    {
        var received = new Option<DateOnly?>("--received")
        {
            Description = "收到申请之日（条例第三十一条），如 2020-09-24",
            HelpName = "日期",
            CustomParser = result => ParseDate(result),
        };
        var paused = new Option<int>("--paused")
        {
            Description = "征求第三方或其他机关意见所用的工作日数，不计入答复期限（条例第三十三条第三款）",
            HelpName = "N",
            CustomParser = ParseCount,
        };
        var extended = new Option<bool>("--extended") { Description = "同时计算延长后的答复期限（再加20个工作日）" };
        var explain = new Option<bool>("--explain") { Description = "逐日列出计算过程，标明节假日和调休上班日" };
        var db = DatabaseOption.Create();
        var command = new Command("deadline", "依申请公开的期限：补正告知期限、答复期限、延长后的答复期限") { received, paused, extended, explain, db };
        command.SetAction(async (result, cancellationToken) =>
            await CalendarInForceAsync(result.GetValue(db), stderr, cancellationToken) is { } calendar
                ? Deadline(calendar, result.GetValue(received), result.GetValue(paused), result.GetValue(extended), result.GetValue(explain), stdout, stderr)
                : GongkaiCli.Unusable);
        return command;
    }

    /// <summary>
    /// The shipped calendar with the notices loaded into the database: the one named by <c>--db</c> or
    /// <c>GONGKAI_DB</c>, or the default SQLite file if it exists (a calendar question never creates a database).
    /// </summary>
    private static async Task<WorkCalendar?> CalendarInForceAsync(string? db, TextWriter stderr, CancellationToken cancellationToken)
    {
        var target = DatabaseTarget.Resolve(db);
        var named = !string.IsNullOrWhiteSpace(db) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable));
        if (!named && target.Provider == DatabaseProvider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(target.ConnectionString).DataSource))
        {
            return DatabaseOption.LoadCalendar(stderr);
        }

        await using var context = await DatabaseOption.OpenAsync(db, stderr, cancellationToken);
        return context is null ? null : await DatabaseOption.LoadCalendarAsync(context, stderr, cancellationToken);
    }

    public static int Add(WorkCalendar calendar, DateOnly start, int days, TextWriter stdout, TextWriter stderr)
    {
        var result = calendar.AddWorkingDays(start, days);
        if (!result.TryGetValue(out var date))
        {
            return Fail(result.Problem, stderr);
        }

        stdout.WriteLine(DateAndWeekday(date) + Mark(calendar, date));
        return GongkaiCli.Ok;
    }

    /// <summary>The provisional mark of a date counted over a year without a notice, or nothing.</summary>
    private static string Mark(WorkCalendar calendar, DateOnly date) =>
        calendar.ProvisionalNote(date) is { } note ? $"（暂定：{note}）" : "";

    public static int Deadline(WorkCalendar calendar, DateOnly? receivedOn, int pausedDays, bool extended, bool explain, TextWriter stdout, TextWriter stderr)
    {
        if (receivedOn is not { } received)
        {
            stderr.WriteLine("命令行错误：缺少 --received（收到申请之日），如 --received 2020-09-24。用法见 gongkai calendar deadline --help");
            return GongkaiCli.Unusable;
        }

        // Everything is computed before anything is printed: a deadline past the calendar prints no partial answer.
        var replyDays = Reply.WorkingDays + pausedDays;
        var supplement = Supplement.CountFrom(calendar, received);
        var reply = DeadlineExplanation.Explain(calendar, received, replyDays);
        Result<DeadlineExplanation>? extension = null;
        if (extended)
        {
            extension = reply.Bind(r => DeadlineExplanation.Explain(calendar, r.Deadline, Extension.WorkingDays));
        }
        var problem = !supplement.IsSuccess ? supplement.Problem
            : !reply.IsSuccess ? reply.Problem
            : extension is { IsSuccess: false } failed ? failed.Problem
            : null;
        if (problem is not null)
        {
            return Fail(problem, stderr);
        }

        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"收到申请之日：{DateAndWeekday(received)}");
        stdout.WriteLine($"{Supplement.Name}：{DateAndWeekday(supplement.Value)}（第{Supplement.WorkingDays.ToString(c)}个工作日，{Supplement.Basis}）{Mark(calendar, supplement.Value)}");
        var replyNote = pausedDays == 0
            ? $"第{Reply.WorkingDays.ToString(c)}个工作日"
            : $"第{replyDays.ToString(c)}个工作日：{Reply.WorkingDays.ToString(c)}个工作日，加上不计入期限的征求意见时间{pausedDays.ToString(c)}个工作日";

        // The whole article: ¶2 sets the 20 days, ¶3 leaves the consultation time out of them.
        stdout.WriteLine($"{Reply.Name}：{DateAndWeekday(reply.Value.Deadline)}（{replyNote}，条例第三十三条）{Mark(calendar, reply.Value.Deadline)}");
        if (extension is { } extendedDeadline)
        {
            var extendedDue = extendedDeadline.Value.Deadline;
            stdout.WriteLine($"延长后的答复期限：{DateAndWeekday(extendedDue)}（答复期限后再加{Extension.WorkingDays.ToString(c)}个工作日，{Extension.Basis}）{Mark(calendar, extendedDue)}");
        }

        stdout.WriteLine($"说明：收到申请之日不计入，自次日起算（民法典第二百零一条）；工作日：{calendar.CoverageDescription}。");
        if (explain)
        {
            stdout.WriteLine();
            stdout.WriteLine("逐日计算（答复期限）：");
            WriteDays(calendar, reply.Value, "收到申请之日，不计入", n => n == Supplement.WorkingDays ? Supplement.Name : n == replyDays ? Reply.Name : null, stdout);
            if (extension is { } shown)
            {
                stdout.WriteLine();
                stdout.WriteLine("逐日计算（延长后的答复期限，自答复期限的次日起算）：");
                WriteDays(calendar, shown.Value, "答复期限，不计入", n => n == Extension.WorkingDays ? "延长后的答复期限" : null, stdout);
            }
        }

        return GongkaiCli.Ok;
    }

    /// <summary>One line per day: date, weekday, the working-day number or why the day is not counted, and the holiday it belongs to.</summary>
    private static void WriteDays(WorkCalendar calendar, DeadlineExplanation explanation, string startNote, Func<int, string?> milestone, TextWriter stdout)
    {
        foreach (var day in explanation.Days)
        {
            var parts = new List<string> { DateAndWeekday(day.Date) };
            if (day.Date == explanation.Start)
            {
                parts.Add(startNote);
            }
            else if (day.WorkingDayNumber is { } number)
            {
                parts.Add($"第{number.ToString(CultureInfo.InvariantCulture)}个工作日");
                if (day.Kind == DayKind.AdjustedWorkday)
                {
                    parts.Add($"调休上班（{day.HolidayName}）");
                }

                if (milestone(number) is { } note)
                {
                    parts.Add($"← {note}");
                }
            }
            else
            {
                parts.Add(day.Kind == DayKind.Holiday ? $"放假（{day.HolidayName}）" : "周末");
            }

            if (calendar.IsProvisional(day.Date))
            {
                parts.Add("暂定");
            }

            stdout.WriteLine("  " + string.Join("  ", parts));
        }
    }

    private static int Fail(Problem problem, TextWriter stderr)
    {
        stderr.WriteLine($"无法计算：{problem.Message}");
        return GongkaiCli.Unusable;
    }

    private static string DateAndWeekday(DateOnly date) => $"{Iso(date)} {Weekdays[(int)date.DayOfWeek]}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateInput.ParseCalendarDate(text) is { } date)
        {
            return date;
        }

        result.AddError($"日期「{text}」不是有效的日期，请写成 {DateInput.Examples}");
        return default;
    }

    private static int ParseCount(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxCount)
        {
            return count;
        }

        result.AddError($"工作日数「{text}」应为不超过{MaxCount.ToString(CultureInfo.InvariantCulture)}的非负整数，如 20");
        return 0;
    }
}
