using System.Globalization;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Documents;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// The full list (主动公开全清单) of an agency as a spreadsheet, in the columns <see cref="ImportItems"/> reads, so an
/// exported list imports back unchanged: CSV (UTF-8, a byte order mark for Excel only on request) or XLSX. Published items only, by their
/// public version, oldest first.
/// </summary>
public static class ExportItems
{
    public sealed record Request(Guid AgencyId, int? Year);

    public static async Task<List<Dictionary<string, object?>>> RowsAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        var tree = CategoryTree.Create(await db.Categories.AsNoTracking().Where(c => c.AgencyId == request.AgencyId).ToListAsync(cancellationToken)).Value;
        var topics = await db.Topics.AsNoTracking().Where(t => t.AgencyId == request.AgencyId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.AgencyId == request.AgencyId).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var query = db.Items.AsNoTracking().Where(i => i.AgencyId == request.AgencyId && i.PublishedOn != null);
        if (request.Year is { } year)
        {
            query = query.Where(i => i.PublishedOn >= new DateOnly(year, 1, 1) && i.PublishedOn <= new DateOnly(year, 12, 31));
        }

        var items = await query.OrderBy(i => i.PublishedOn).ToListAsync(cancellationToken);
        var c = CultureInfo.InvariantCulture;
        return
        [
            .. items.Where(i => i.PublicVersion is not null).Select(i => i.PublicVersion!).Select(v => new Dictionary<string, object?>
            {
                [ImportItems.Title] = v.Title,
                [ImportItems.DocumentNumber] = v.DocumentNumber ?? "",
                [ImportItems.CategoryColumn] = tree.PathOf(v.CategoryId) ?? "",
                [ImportItems.Topics] = string.Join("；", v.TopicIds.Select(id => topics.GetValueOrDefault(id, ""))),
                [ImportItems.DivisionColumn] = v.DivisionId is { } d ? divisions.GetValueOrDefault(d, "") : "",
                [ImportItems.FormedOn] = v.FormedOn.ToString("yyyy-MM-dd", c),
                [ImportItems.PublishedOn] = v.PublishedOn.ToString("yyyy-MM-dd", c),
                [ImportItems.FullText] = v.FullTextElectronic ? "是" : "否",
            }),
        ];
    }

    public static async Task<byte[]> XlsxAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(db, request, cancellationToken);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Count > 0 ? rows : [ImportItems.Headers.ToDictionary(h => h, _ => (object?)null)], sheetName: "主动公开全清单", cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <param name="bom">A UTF-8 byte order mark first: Excel reads a CSV without one in the system code page (GBK on
    /// Chinese Windows), so Chinese text shows garbled; other tools want none, hence only on request.</param>
    public static async Task<byte[]> CsvAsync(GongkaiDbContext db, Request request, bool bom = false, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(db, request, cancellationToken);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', ImportItems.Headers)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', ImportItems.Headers.Select(h => LedgerFile.CsvField((string)row[h]!)))).Append("\r\n");
        }

        var encoding = bom ? AtomicFile.Utf8WithBom : AtomicFile.Utf8;
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }
}
