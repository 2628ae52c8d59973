using System.CommandLine;
using Gongkai.Cli.Commands;
using Gongkai.Domain.Common;

namespace Gongkai.Cli;

/// <summary>
/// The command tree. Exit codes: 0 fine, 1 a checked report (or the audit trail) has errors, 2 a file, the command
/// line or the input is unusable, 3 what it names does not exist, 4 the record's state does not allow it, 5 not allowed.
/// </summary>
public static class GongkaiCli
{
    public const int Ok = 0;
    public const int ReportErrors = 1;
    public const int Unusable = 2;
    public const int NotFound = 3;
    public const int Conflict = 4;
    public const int Forbidden = 5;

    /// <summary>The one mapping of a problem's kind to an exit code.</summary>
    public static int ExitCodeOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => NotFound,
        ProblemKind.Conflict => Conflict,
        ProblemKind.Forbidden => Forbidden,
        _ => Unusable,
    };

    /// <summary>Says the problem on stderr (its Chinese message only) and gives its exit code.</summary>
    public static int Refused(Problem problem, TextWriter stderr)
    {
        stderr.WriteLine(problem.Message);
        return ExitCodeOf(problem.Kind);
    }

    /// <summary>Runs a command; any exception it throws is one Chinese line on stderr and exit 2 (<see cref="CommandFailure"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbose = new Option<bool>("--verbose") { Description = "出错时显示详细信息（异常类型、消息和调用栈）", Recursive = true };
        var root = new RootCommand("公开 Gongkai：政府信息公开工作平台命令行工具") { verbose };
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(CalendarCommand.Create(stdout, stderr));
        root.Subcommands.Add(AgencyCommand.Create(stdout, stderr));
        root.Subcommands.Add(UsersCommand.Create(stdout, stderr));
        root.Subcommands.Add(AuditCommand.Create(stdout, stderr));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        root.Subcommands.Add(RequestsCommand.Create(stdout, stderr));
        root.Subcommands.Add(ProactiveCommand.Create(stdout, stderr));
        root.Subcommands.Add(ItemsCommand.Create(stdout, stderr));
        root.Subcommands.Add(GuideCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(DemoCommand.Create(stdout, stderr));
        root.Subcommands.Add(MailCommand.Create(stdout, stderr));
        root.Subcommands.Add(LettersCommand.Create(stdout, stderr));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"命令行错误：{error.Message}");
            }

            stderr.WriteLine("用法见 gongkai --help");
            return Unusable;
        }

        try
        {
            // Our handler, not System.CommandLine's: its default prints "Unhandled exception" and the stack trace.
            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parsed.InvokeAsync(configuration).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            return CommandFailure.Report(e, parsed.GetValue(verbose), stderr);
        }
    }
}
