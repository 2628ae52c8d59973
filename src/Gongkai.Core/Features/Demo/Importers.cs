using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;

namespace Gongkai.Core.Features.Demo;

/// <summary>
/// The four importers as generated records meet them: as CSV files (so the import reads, and the 台账 hashes, a file
/// like any other). A rejected file is a bug in the generator, said as a problem rather than thrown.
/// </summary>
internal sealed record Importers(GongkaiDbContext Db, TimeProvider Clock, WorkCalendar Calendar, string Actor, CancellationToken CancellationToken)
{
    public async Task<Result<int>> RequestsAsync(string agency, (string Name, byte[] Bytes) file) =>
        Checked(file, (await ImportRequests.HandleAsync(Db, Clock, Calendar, new ImportRequests.Request(agency, LedgerFile.Read(file.Bytes, file.Name),
            file.Name, SHA256.HashData(file.Bytes), Actor), null, CancellationToken))
            .Map(r => (r.Errors, r.Imported)));

    /// <param name="files">The stored attachments the file's 附件 column names.</param>
    public async Task<Result<int>> ItemsAsync(string agency, (string Name, byte[] Bytes) file, IReadOnlyDictionary<string, Attachment>? files = null) =>
        Checked(file, (await ImportItems.HandleAsync(Db, Clock, new ImportItems.Request(agency, LedgerFile.Read(file.Bytes, file.Name), file.Name,
            SHA256.HashData(file.Bytes), Actor, files), CancellationToken))
            .Map(r => (r.Errors, r.Imported)));

    public async Task<Result<int>> AppealsAsync(string agency, (string Name, byte[] Bytes) file) =>
        Checked(file, (await ImportAppeals.HandleAsync(Db, Clock, new ImportAppeals.Request(agency, LedgerFile.Read(file.Bytes, file.Name), file.Name,
            SHA256.HashData(file.Bytes), Actor), CancellationToken))
            .Map(r => (r.Errors, r.Imported)));

    public async Task<Result<int>> Article20Async(string agency, int year, (string Name, byte[] Bytes) file) =>
        Checked(file, (await ImportArticle20.HandleAsync(Db, Clock, new ImportArticle20.Request(agency, year, null, LedgerFile.Read(file.Bytes, file.Name),
            file.Name, SHA256.HashData(file.Bytes), Actor), CancellationToken))
            .Map(r => (r.Errors, r.Changed)));

    private static Result<int> Checked((string Name, byte[] Bytes) file, Result<(IReadOnlyList<LedgerError> Errors, int Count)> result) =>
        result.Bind(r => r.Errors.Count == 0
            ? Result.Success(r.Count)
            : Result.Failure<int>(new Problem("demo.rejected", $"生成的数据 {file.Name} 被拒绝：{r.Errors[0]}")));

    /// <summary>Generated rows as the CSV file they stand for, so the import sees (and the 台账 hashes) a file.</summary>
    public static (string Name, byte[] Bytes) Csv(string name, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder().Append(string.Join(',', headers)).Append('\n');
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(Quote))).Append('\n');
        }

        return (name, Encoding.UTF8.GetBytes(csv.ToString()));
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
