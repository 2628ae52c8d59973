using System.CommandLine;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Calendar;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>--db</c> option every command on the records takes.</summary>
internal static class DatabaseOption
{
    public static Option<string?> Create() => new("--db")
    {
        // Not the computed default: the tree is built on every run, and a missing home folder must not break --help.
        Description = $"数据库：SQLite 文件路径或 PostgreSQL 连接字符串（默认为环境变量 {DatabaseTarget.EnvironmentVariable}，"
            + $"否则为用户数据目录中的 {DataFolder.Name}/{DatabaseTarget.DefaultFileName}，Linux 上即 ~/.local/share/{DataFolder.Name}/{DatabaseTarget.DefaultFileName}；"
            + "网站默认使用同一数据库）",
    };

    /// <summary>Who acts when the command line acts: the operating-system user (no applicant data).</summary>
    public static string Actor => "cli:" + Environment.UserName;

    /// <summary>Opens and migrates the database; a database that cannot be reached is a clear message and exit 2.</summary>
    public static async Task<GongkaiDbContext?> OpenAsync(string? db, TextWriter stderr, CancellationToken cancellationToken)
    {
        var target = DatabaseTarget.Resolve(db);

        // On stderr: which records a command worked on is worth seeing (issue 11), and stdout stays the data (--json).
        stderr.WriteLine($"数据库：{target.Display}");
        try
        {
            return await GongkaiDatabase.OpenAndMigrateAsync(target, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The user gets the place and the reason, never a stack trace.
            // Busy (issue 16, 11): another writer held the lock past the timeout; opening later works.
            stderr.WriteLine($"无法打开数据库 {target.Display}：{(DatabaseBusy.Is(e) ? DatabaseBusy.Message : e.GetBaseException().Message)}");
            return null;
        }
    }

    /// <summary>
    /// Runs a command's work on the database and the agency named on the command line: exit 2 when the database cannot
    /// be opened, exit 3 when there is no such agency (AgencyProblems.NotFound; each said on stderr), else the work's own exit code.
    /// </summary>
    public static async Task<int> WithAgencyAsync(string? db, string agencyName, TextWriter stderr, Func<GongkaiDbContext, Agency, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var context = await OpenAsync(db, stderr, cancellationToken);
        if (context is null)
        {
            return GongkaiCli.Unusable;
        }

        var found = await FindAgency.ByNameAsync(context, agencyName, cancellationToken);
        return found.TryGetValue(out var agency) ? await work(context, agency) : GongkaiCli.Refused(found.Problem, stderr);
    }

    /// <summary>The calendar in force with the notices loaded into <paramref name="db"/>, or null after saying on stderr why not.</summary>
    public static async Task<WorkCalendar?> LoadCalendarAsync(GongkaiDbContext db, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loaded = await CalendarSource.LoadAsync(db, cancellationToken);
        if (loaded.TryGetValue(out var calendar))
        {
            return calendar;
        }

        stderr.WriteLine(loaded.Problem.Message);
        return null;
    }

    /// <summary>The calendar shipped (official data plus GONGKAI_CALENDAR), without a database, or null after saying on stderr why not.</summary>
    public static WorkCalendar? LoadCalendar(TextWriter stderr)
    {
        var loaded = CalendarSource.Load();
        if (loaded.TryGetValue(out var calendar))
        {
            return calendar;
        }

        stderr.WriteLine(loaded.Problem.Message);
        return null;
    }
}
