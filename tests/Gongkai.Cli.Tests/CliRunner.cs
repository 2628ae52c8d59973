using System.Diagnostics;
using System.Text;

namespace Gongkai.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    /// <summary>Runs the command tree in this process (fast; same code as the executable's Main).</summary>
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = GongkaiCli.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the real <c>gongkai</c> executable, as a user would.</summary>
    public static CliResult RunProcess(params string[] args) => RunProcessWith(new Dictionary<string, string>(), args);

    /// <summary>The real executable with extra environment variables (kept out of this process's tests).</summary>
    public static CliResult RunProcessWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunProcessIn(null, environment, args);

    /// <summary>
    /// The real executable in a working directory. Output is decoded as bytes are: a byte order mark would stay in
    /// the text as U+FEFF (a StreamReader would drop it unseen).
    /// </summary>
    public static CliResult RunProcessIn(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gongkai.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = ReadAllAsync(process.StandardOutput.BaseStream);
        var stderr = ReadAllAsync(process.StandardError.BaseStream);
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes.ToArray());
    }
}
