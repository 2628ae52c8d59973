using System.CommandLine;
using Gongkai.Cli.Commands;

namespace Gongkai.Cli;

/// <summary>The command tree. Exit codes: 0 fine, 1 a report has errors, 2 a file or the command line is unusable.</summary>
public static class GongkaiCli
{
    public const int Ok = 0;
    public const int ReportErrors = 1;
    public const int Unusable = 2;

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
        root.Subcommands.Add(SeedBenchCommand.Create(stdout, stderr));
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
