using System.Globalization;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Documents;

namespace Gongkai.Core.Features.Audit;

/// <summary>
/// The filtered 台账 as CSV for Excel: UTF-8 with a byte order mark (Excel reads a CSV without one in GBK on Chinese
/// Windows), Chinese headers, the same readable lines as the page (Beijing time, operator's name and role, changes as
/// field: old → new), oldest first, and each entry's hash so a printed copy can be checked against the chain.
/// </summary>
public static class ExportAuditLedger
{
    public static readonly IReadOnlyList<string> Headers = ["序号", "时间（北京时间）", "操作人", "角色", "操作", "记录类型", "记录", "记录标识", "变更内容", "哈希"];

    public static async Task<byte[]> CsvAsync(GongkaiDbContext db, AuditLedger.Filter filter, CancellationToken cancellationToken = default)
    {
        var lines = (await AuditLedger.HandleAsync(db, filter, AuditLedger.MaxExport, cancellationToken)).Lines.OrderBy(l => l.Sequence);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Headers)).Append("\r\n");
        foreach (var l in lines)
        {
            string[] cells =
            [
                l.Sequence.ToString(CultureInfo.InvariantCulture),
                l.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                l.Operator,
                l.Role,
                l.ActionName,
                l.EntityTypeName,
                l.Subject ?? "",
                l.EntityId,
                string.Join("；", l.Changes.Select(Change)),
                l.Hash,
            ];
            csv.Append(string.Join(',', cells.Select(LedgerFile.CsvField))).Append("\r\n");
        }

        return [.. AtomicFile.Utf8WithBom.GetPreamble(), .. AtomicFile.Utf8WithBom.GetBytes(csv.ToString())];
    }

    /// <summary>As the page shows a change: a creation as field: value, otherwise field: old → new.</summary>
    public static string Change(AuditDiff.Change c) => c.Before.Length == 0 ? $"{c.Field}：{c.After}" : $"{c.Field}：{c.Before} → {c.After}";
}
