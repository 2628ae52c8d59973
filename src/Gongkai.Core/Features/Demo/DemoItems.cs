using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Demo;

/// <summary>
/// An agency's items ledger as the demo imports it: each row with its generated 正文, every few rows with the full text
/// as a file, stored through <see cref="StoreAttachment"/> (the item editor's path: kind and first bytes checked) and
/// named in the ledger's 附件 column.
/// </summary>
internal static class DemoItems
{
    /// <param name="rows">Rows in <see cref="ImportItems.Headers"/> order.</param>
    /// <param name="attachEvery">The first row and every so many after it get a file.</param>
    /// <returns>The items imported and the files attached to them (both 0 when the ledger was imported before).</returns>
    public static async Task<Result<(int Items, int Attachments)>> ImportAsync(
        Importers imports, AttachmentStore store, string agency, string fileName, IReadOnlyList<string[]> rows, int attachEvery)
    {
        // The import is all or nothing: an agency with items has the whole ledger, and a second run renders no file.
        var db = imports.Db;
        var imported = await db.Items.AnyAsync(i => db.Agencies.Any(a => a.Id == i.AgencyId && a.Name == agency), imports.CancellationToken);
        var files = new Dictionary<string, Attachment>(StringComparer.Ordinal);
        var cells = new List<string[]>(rows.Count);
        for (var n = 0; n < rows.Count; n++)
        {
            var row = rows[n];
            var body = ItemBodies.For(agency, row);
            var attachment = "";
            if (!imported && n % attachEvery == 0 && DateInput.Parse(row[6]) is { } publishedOn)
            {
                var (name, bytes) = ItemAttachments.Render(agency, row[0], row[1], publishedOn, body);
                using var content = new MemoryStream(bytes);
                var stored = await StoreAttachment.HandleAsync(store, name, content, bytes.Length, imports.CancellationToken);
                if (!stored.TryGetValue(out var file))
                {
                    return stored.Problem;
                }

                files[file.FileName] = file;
                attachment = file.FileName;
            }

            cells.Add([.. row, body, attachment]);
        }

        var headers = (IReadOnlyList<string>)[.. ImportItems.Headers, ImportItems.BodyColumn, ImportItems.AttachmentsColumn];
        var count = await imports.ItemsAsync(agency, Importers.Csv(fileName, headers, cells), files);
        return count.Map(c => (c, c > 0 ? files.Count : 0));
    }
}
