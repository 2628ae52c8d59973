using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Pages.Proactive;

/// <summary>
/// An attachment of a published item, from the content-addressed file store. Only a file the item's published version
/// lists is served (a hash alone opens nothing), and a file whose content no longer matches its hash is not served.
/// </summary>
internal static class AttachmentDownloads
{
    public static string Path(Guid agencyId, Guid itemId, string sha256) => $"/agencies/{agencyId:D}/items/{itemId:D}/attachments/{sha256}";

    public static void MapAttachmentDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/agencies/{agencyId:guid}/items/{itemId:guid}/attachments/{sha256}", DownloadAsync);

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid agencyId, Guid itemId, string sha256, GongkaiDbContext db, SiteDatabase site, PublicReferenceCache cache, CancellationToken cancellationToken)
    {
        var names = await cache.ItemNamesAsync(db, agencyId, cancellationToken);
        var item = await PublicItem.HandleAsync(db, new PublicItem.Request(agencyId, itemId), names, cancellationToken);
        var attachment = item?.Attachments.FirstOrDefault(a => string.Equals(a.Sha256, sha256, StringComparison.Ordinal));
        if (attachment is null)
        {
            return TypedResults.NotFound();
        }

        var bytes = await site.Attachments.ReadAsync(attachment.Sha256, cancellationToken);
        return bytes is null ? TypedResults.NotFound() : TypedResults.File(bytes, attachment.MediaType, attachment.FileName);
    }
}
