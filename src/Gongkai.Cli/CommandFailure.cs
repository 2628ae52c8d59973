using System.Data.Common;
using Gongkai.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli;

/// <summary>
/// What the operator reads when a command throws: one Chinese line, never a stack trace unless <c>--verbose</c> asks
/// (issue 11). Known failures get a precise sentence; anything else is an internal error. No line carries record
/// content: database servers' texts can quote values (PostgreSQL's do), so only their error codes are shown.
/// </summary>
internal static class CommandFailure
{
    public const string VerboseHint = "（加 --verbose 查看详情）";

    /// <summary>Writes the line (and with <paramref name="verbose"/> the exception in full) and gives the exit code 2.</summary>
    public static int Report(Exception e, bool verbose, TextWriter stderr)
    {
        var known = Explain(e);
        stderr.WriteLine($"出错了：{known ?? "程序内部错误，命令未完成"}{(known is null && !verbose ? VerboseHint : "")}");
        if (verbose)
        {
            stderr.WriteLine(e.ToString());
        }

        return GongkaiCli.Unusable;
    }

    /// <summary>A precise sentence for a known kind of failure, else null.</summary>
    public static string? Explain(Exception e) => e switch
    {
        // Our own operator messages are Chinese (STYLE: user messages in Chinese, code in English), e.g. a missing font.
        _ when WrittenForTheOperator(e.Message) => e.Message,
        OperationCanceledException => "操作已取消",
        FileNotFoundException f => $"找不到文件 {f.FileName}",
        DirectoryNotFoundException d => $"文件夹不存在（{d.Message}）",
        UnauthorizedAccessException u => $"没有访问权限（{u.Message}）",
        IOException io => $"读写文件出错（{io.Message}）",
        // A lock held by someone else past the timeout (issue 16, 11): nothing saved, the same command later succeeds.
        _ when DatabaseBusy.Is(e) => DatabaseBusy.Message,
        DbUpdateException { InnerException: { } inner } => Explain(inner) ?? "保存到数据库时出错",

        // SQLite's texts name the problem and the schema (database is locked, disk I/O error), never bound values.
        SqliteException s => $"数据库出错（{s.Message}）",
        DbException db => $"数据库出错（错误代码 {db.SqlState ?? db.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}）",
        _ => null,
    };

    private static bool WrittenForTheOperator(string message) => message.Length > 0 && message[0] is >= '\u4E00' and <= '\u9FFF';
}
