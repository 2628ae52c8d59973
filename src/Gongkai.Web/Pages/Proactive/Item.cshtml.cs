using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Proactive;

/// <summary>One published item: its published version's content, classification, dates and attachments.</summary>
[OutputCache(PolicyName = PublicReferenceCache.PagePolicy)]
public sealed class ItemModel(GongkaiDbContext db, PublicReferenceCache cache) : AgencyPageModel(db)
{
    public PublicItem.Response Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid agencyId, Guid itemId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Items, cancellationToken))
        {
            return NotFound();
        }

        var names = await cache.ItemNamesAsync(Db, agencyId, cancellationToken);
        var item = await PublicItem.HandleAsync(Db, new PublicItem.Request(agencyId, itemId), names, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }

    public IEnumerable<string> Paragraphs => Item.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0);

    public string AttachmentPath(string sha256) => AttachmentDownloads.Path(Agency.Id, Item.Id, sha256);

    /// <summary>1.2 MB, 35 KB, 512 字节: sizes as readers expect them.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => FormattableString.Invariant($"{bytes / (1024.0 * 1024.0):0.#} MB"),
        >= 1024 => FormattableString.Invariant($"{bytes / 1024.0:0.#} KB"),
        _ => FormattableString.Invariant($"{bytes} 字节"),
    };
}
