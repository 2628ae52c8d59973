using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai report build|check|lock|publish|status|text|district</c>: the annual report built from the records and
/// kept as the year's draft, checked, locked (with its sections 一, 五 and 六 written), published, and consolidated for a government.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var year = YearOption();
        var format = new Option<string?>("--format") { Description = "报告格式：2019 或 2021（默认按年度）" };
        format.AcceptOnlyFromAmong("2019", "2021");
        var output = new Option<string?>("--out") { Description = $"写出报告：{ReportFileFormats.ExtensionList(ReportFileFormats.All)}（.xlsx 只含表格）" };
        var bom = OutputFile.BomOption(" .txt、.html ");
        var dryRun = new Option<bool>("--dry-run") { Description = "只生成和检查，不保存为草稿" };
        var build = new Command("build", "根据台账记录生成年度报告，按勾稽关系检查，并保存为本年度草稿") { agency, year, format, output, bom, dryRun, db };
        build.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(output);
            if (path is not null && ReportFileFormats.ForPath(path) is null)
            {
                stderr.WriteLine($"输出文件应为 {ReportFileFormats.ExtensionList(ReportFileFormats.All, "、")}");
                return GongkaiCli.Unusable;
            }

            if (path is not null && !OutputFile.FolderExists(path, stderr))
            {
                return GongkaiCli.Unusable;
            }

            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                if (await DatabaseOption.LoadCalendarAsync(context, stderr, cancellationToken) is not { } calendar)
                {
                    return GongkaiCli.Unusable;
                }

                var reportFormat = ReportFormats.TryParse(result.GetValue(format), out var f) ? f : (ReportFormat?)null;
                CheckedReport report;
                if (result.GetValue(dryRun))
                {
                    report = await BuildReport.HandleAsync(context, calendar, new BuildReport.Request(found.Id, result.GetValue(year), reportFormat), cancellationToken);
                    PrintFindings(stdout, report);
                }
                else
                {
                    var saved = await SaveDraft.HandleAsync(context, calendar, TimeProvider.System, new SaveDraft.Request(found.Id, result.GetValue(year),
                        reportFormat, DatabaseOption.Actor), cancellationToken);
                    if (!saved.TryGetValue(out var draft))
                    {
                        return Refused(saved.Problem, stderr);
                    }

                    report = draft.Report;
                    PrintFindings(stdout, report);
                    stdout.WriteLine(draft.StartedNewVersion
                        ? $"已保存为第{draft.Version.Number.ToString(CultureInfo.InvariantCulture)}版草稿"
                        : $"已更新第{draft.Version.Number.ToString(CultureInfo.InvariantCulture)}版草稿");
                }

                if (path is not null)
                {
                    try
                    {
                        ReportFile.Write(report, path, result.GetValue(bom));
                    }
                    catch (ReportWriteException e)
                    {
                        stderr.WriteLine($"未写出 {path}：{e.Message}");
                        return GongkaiCli.Unusable;
                    }

                    stdout.WriteLine($"已写出 {path}");
                }

                return report.HasErrors ? GongkaiCli.ReportErrors : GongkaiCli.Ok;
            }, cancellationToken);
        });

        return new Command("report", "年度报告")
        {
            build,
            CheckCommand(stdout, stderr),
            LockCommand(stdout, stderr),
            PublishCommand(stdout, stderr),
            StatusCommand(stdout, stderr),
            TextCommand(stdout, stderr),
            DistrictCommand(stdout, stderr),
        };
    }

    private static void PrintFindings(TextWriter stdout, CheckedReport report)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"{ReportTitles.Title(report.Report)}（{ReportTitles.FormatName(report.Report.Format)}）");
        stdout.WriteLine(report.Findings.Count == 0
            ? "检查结果：没有错误或警告"
            : $"检查结果：{report.ErrorCount.ToString(c)}个错误，{report.WarningCount.ToString(c)}个警告");
        foreach (var finding in report.Findings)
        {
            stdout.WriteLine($"  {(finding.Severity == Severity.Error ? "错误" : "警告")} {finding.Rule}  {finding.Message}");
        }
    }

    /// <summary>The options every step on one agency's year takes, and the opened database, agency and calendar.</summary>
    private sealed record Scope(GongkaiDbContext Db, Agency Agency, WorkCalendar Calendar, int Year);

    private static (Option<string> Agency, Option<int> Year, Option<string?> Db) ScopeOptions() =>
        (new Option<string>("--agency") { Description = "机关全称", Required = true },
         YearOption(),
         DatabaseOption.Create());

    /// <summary><c>--year</c> of every command on a report's year: a <see cref="ReportYear"/> (2019 to next year), refused as the command line is.</summary>
    internal static Option<int> YearOption()
    {
        var year = new Option<int>("--year") { Description = "年度（2019年度起）", Required = true };
        year.Validators.Add(result =>
        {
            if (ReportYear.Create(result.GetValueOrDefault<int>(), ChinaClock.Today(TimeProvider.System)) is { IsSuccess: false } invalid)
            {
                result.AddError(invalid.Problem.Message);
            }
        });
        return year;
    }

    /// <summary>What to run next, after the core's message, for the refusals a command of this tree resolves.</summary>
    private static readonly Dictionary<string, string> NextSteps = new(StringComparer.Ordinal)
    {
        ["report.noDraft"] = "先生成草稿：gongkai report build --agency 机关全称 --year 年度",
        ["report.notLocked"] = "先检查并锁定：gongkai report lock --agency 机关全称 --year 年度",
        ["report.locked"] = "先生成新版本：gongkai report build --agency 机关全称 --year 年度",
        [LockRequirements.TextMissing] = "先填写文字部分：gongkai report text --agency 机关全称 --year 年度 --section overview|problems|other --file 文本文件",
    };

    /// <summary><see cref="GongkaiCli.Refused"/>, then the command that resolves the refusal when there is one.</summary>
    private static int Refused(Problem problem, TextWriter stderr)
    {
        var exitCode = GongkaiCli.Refused(problem, stderr);
        if (NextSteps.TryGetValue(problem.Code, out var next))
        {
            stderr.WriteLine(next);
        }

        return exitCode;
    }

    private static async Task<int> WithScopeAsync(ParseResult result, (Option<string> Agency, Option<int> Year, Option<string?> Db) options, TextWriter stderr,
        Func<Scope, Task<int>> act, CancellationToken cancellationToken)
    {
        return await DatabaseOption.WithAgencyAsync(
            result.GetValue(options.Db), result.GetValue(options.Agency)!, stderr, async (context, found) =>
                await DatabaseOption.LoadCalendarAsync(context, stderr, cancellationToken) is { } calendar
                    ? await act(new Scope(context, found, calendar, result.GetValue(options.Year)))
                    : GongkaiCli.Unusable,
            cancellationToken);
    }

    private static Command CheckCommand(TextWriter stdout, TextWriter stderr)
    {
        var options = ScopeOptions();
        var ack = new Option<string?>("--ack") { Description = "接受警告的说明（有警告时必填）" };
        var command = new Command("check", "检查本年度草稿（不锁定）：无错误、警告已说明的，记为已检查") { options.Agency, options.Year, ack, options.Db };
        command.SetAction((result, cancellationToken) => WithScopeAsync(result, options, stderr, async scope =>
        {
            var checkedDraft = await CheckDraft.HandleAsync(scope.Db, scope.Calendar, TimeProvider.System, new CheckDraft.Request(scope.Agency.Id, scope.Year,
                result.GetValue(ack), DatabaseOption.Actor), cancellationToken);
            if (!checkedDraft.TryGetValue(out var done))
            {
                return Refused(checkedDraft.Problem, stderr);
            }

            PrintFindings(stdout, done.Report);
            stdout.WriteLine($"第{done.Version.Number.ToString(CultureInfo.InvariantCulture)}版已检查");
            return GongkaiCli.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command LockCommand(TextWriter stdout, TextWriter stderr)
    {
        var options = ScopeOptions();
        var ack = new Option<string?>("--ack") { Description = "接受警告的说明（有警告时必填）" };
        var command = new Command("lock", "检查本年度草稿并锁定为不可更改的版本（记录内容哈希）") { options.Agency, options.Year, ack, options.Db };
        command.SetAction((result, cancellationToken) => WithScopeAsync(result, options, stderr, async scope =>
        {
            var locked = await LockReport.HandleAsync(scope.Db, scope.Calendar, TimeProvider.System, new LockReport.Request(scope.Agency.Id, scope.Year,
                result.GetValue(ack), DatabaseOption.Actor), cancellationToken);
            if (!locked.TryGetValue(out var done))
            {
                return Refused(locked.Problem, stderr);
            }

            PrintFindings(stdout, done.Report);
            stdout.WriteLine($"已锁定第{done.Version.Number.ToString(CultureInfo.InvariantCulture)}版，内容哈希 SHA-256 {done.Version.ContentHash}");
            return GongkaiCli.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command PublishCommand(TextWriter stdout, TextWriter stderr)
    {
        var options = ScopeOptions();
        var on = new Option<string?>("--on") { Description = "公开日期 YYYY-MM-DD（默认今天）" };
        var command = new Command("publish", "登记已锁定的年度报告的公开日期（条例第四十九条规定的期限）") { options.Agency, options.Year, on, options.Db };
        command.SetAction((result, cancellationToken) => WithScopeAsync(result, options, stderr, async scope =>
        {
            DateOnly? date = null;
            if (result.GetValue(on) is { } text)
            {
                if (!DateInput.TryParse(text, out var parsed))
                {
                    stderr.WriteLine($"公开日期「{text}」不是有效日期（格式 YYYY-MM-DD）");
                    return GongkaiCli.Unusable;
                }

                date = parsed;
            }

            var published = await PublishReport.HandleAsync(scope.Db, TimeProvider.System, new PublishReport.Request(scope.Agency.Id, scope.Year, date, DatabaseOption.Actor), cancellationToken);
            if (!published.TryGetValue(out var done))
            {
                return Refused(published.Problem, stderr);
            }

            var c = CultureInfo.InvariantCulture;
            stdout.WriteLine($"{scope.Agency.Name}{scope.Year.ToString(c)}年度报告第{done.Version.Number.ToString(c)}版"
                + $"已于{ChineseDate.Format(done.Version.PublishedOn!.Value)}公开"
                + (done.Late ? $"，晚于{ChineseDate.Format(done.DueOn)}的期限（条例第四十九条）" : $"，在{ChineseDate.Format(done.DueOn)}的期限内"));
            return GongkaiCli.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command StatusCommand(TextWriter stdout, TextWriter stderr)
    {
        var options = ScopeOptions();
        var command = new Command("status", "年度报告的各版本、公开期限和锁定内容哈希核验") { options.Agency, options.Year, options.Db };
        command.SetAction((result, cancellationToken) => WithScopeAsync(result, options, stderr, async scope =>
        {
            var history = (await ReportHistory.HandleAsync(scope.Db, TimeProvider.System, new ReportHistory.Request(scope.Agency.Id, scope.Year), cancellationToken)).Value;
            var c = CultureInfo.InvariantCulture;
            stdout.WriteLine($"{history.Agency}{scope.Year.ToString(c)}年度报告：{history.Standing.Label}，应于{ChineseDate.Format(history.Standing.DueOn)}前公布（条例第四十九条）");
            foreach (var v in history.Versions)
            {
                var hash = v.ContentHash is null ? "" : $"  SHA-256 {v.ContentHash}{(v.HashMatches ? "（核验一致）" : "（与内容不符！）")}";
                var published = v.PublishedOn is { } p ? $"  公开于{ChineseDate.Format(p)}" : "";
                stdout.WriteLine($"  第{v.Number.ToString(c)}版  {ReportVersion.StageName(v.Stage)}  {v.ErrorCount.ToString(c)}个错误 {v.WarningCount.ToString(c)}个警告{published}{hash}");
            }

            return history.Tampered.Count == 0 ? GongkaiCli.Ok : GongkaiCli.ReportErrors;
        }, cancellationToken));
        return command;
    }

    private static Command TextCommand(TextWriter stdout, TextWriter stderr)
    {
        var options = ScopeOptions();
        var section = new Option<string>("--section") { Description = "overview（一、总体情况）、problems（五、存在的主要问题及改进情况）或 other（六、其他需要报告的事项）", Required = true };
        section.AcceptOnlyFromAmong("overview", "problems", "other");
        var file = new Option<string>("--file") { Description = "UTF-8 文本文件", Required = true };
        var command = new Command("text", "用文本文件替换本年度草稿的一个文字部分，并重新检查") { options.Agency, options.Year, section, file, options.Db };
        command.SetAction((result, cancellationToken) => WithScopeAsync(result, options, stderr, async scope =>
        {
            if (await TextFile.ReadAsync(result.GetValue(file)!, stderr, cancellationToken) is not { } text)
            {
                return GongkaiCli.Unusable;
            }

            var key = CellKey.Text(result.GetValue(section)!);
            var edited = await EditReportText.HandleAsync(scope.Db, TimeProvider.System, new EditReportText.Request(scope.Agency.Id, scope.Year, key, text, DatabaseOption.Actor), cancellationToken);
            if (!edited.TryGetValue(out var report))
            {
                return Refused(edited.Problem, stderr);
            }

            PrintFindings(stdout, report);
            stdout.WriteLine("已更新草稿的文字部分");
            return report.HasErrors ? GongkaiCli.ReportErrors : GongkaiCli.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command DistrictCommand(TextWriter stdout, TextWriter stderr)
    {
        var options = ScopeOptions();
        options.Agency.Description = "本级政府（上级机关）全称";
        var json = new Option<bool>("--json") { Description = "输出 report-json 格式（含各机关状态和检查结果）" };
        var format = new Option<string?>("--format") { Description = "报告格式：2019 或 2021（默认按年度）" };
        format.AcceptOnlyFromAmong("2019", "2021");
        var command = new Command("district", "汇总本级政府及所属机关的年度报告，列出各机关状态、问题和异常") { options.Agency, options.Year, format, json, options.Db };
        command.SetAction((result, cancellationToken) => WithScopeAsync(result, options, stderr, async scope =>
        {
            var reportFormat = ReportFormats.TryParse(result.GetValue(format), out var f) ? f : (ReportFormat?)null;
            var district = (await DistrictReport.HandleAsync(scope.Db, scope.Calendar, TimeProvider.System, new DistrictReport.Request(scope.Agency.Id,
                scope.Year, reportFormat), cancellationToken)).Value;
            if (result.GetValue(json))
            {
                stdout.WriteLine(DistrictReport.Json(district));
                return district.Consolidated.HasErrors ? GongkaiCli.ReportErrors : GongkaiCli.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            PrintFindings(stdout, district.Consolidated);
            stdout.WriteLine($"汇总{district.Agencies.Count.ToString(c)}个机关；本级政府年度报告应于{ChineseDate.Format(district.DueOn)}前公布（条例第四十九条）");
            foreach (var line in district.Agencies)
            {
                var findings = line.Report.ErrorCount + line.Report.WarningCount == 0 ? "无问题" : $"{line.Report.ErrorCount.ToString(c)}个错误 {line.Report.WarningCount.ToString(c)}个警告";
                stdout.WriteLine($"  {line.Agency.Name}  {line.Standing.Label}  {findings}  计入：{(line.FromLockedVersion ? "锁定版本" : "台账记录")}");
            }

            foreach (var outlier in district.Outliers)
            {
                stdout.WriteLine($"  异常 {outlier.Agency}：{outlier.Message}");
            }

            return district.Consolidated.HasErrors ? GongkaiCli.ReportErrors : GongkaiCli.Ok;
        }, cancellationToken));
        return command;
    }
}
