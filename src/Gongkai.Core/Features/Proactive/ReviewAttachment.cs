using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// An attachment of the version under 保密审查 (条例 Art 17), for the reviewer to open before deciding: only a file the
/// item's working version lists is served (a hash alone opens nothing, nor does another agency's item), and a file
/// whose content no longer matches its hash is not served. The caller checks the right to review in the agency;
/// the public never reaches this (unpublished files are not public).
/// </summary>
public static class ReviewAttachment
{
    public sealed record Request(Guid AgencyId, Guid ItemId, string Sha256);

    /// <param name="Inline">Shown in the browser (PDF and images) rather than downloaded.</param>
    public sealed record Opened(Attachment Attachment, byte[] Content, bool Inline);

    /// <summary>What a browser shows itself; the media type is the one checked when the file was stored (StoreAttachment).</summary>
    public static bool ShownInline(string mediaType) => mediaType is "application/pdf" or "image/png" or "image/jpeg";

    public static async Task<Result<Opened>> HandleAsync(GongkaiDbContext db, AttachmentStore store, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var attachments = await db.Items.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.Id == request.ItemId && i.AgencyId == request.AgencyId)
            .Select(i => i.Attachments)
            .FirstOrDefaultAsync(cancellationToken);
        var attachment = attachments?.FirstOrDefault(a => string.Equals(a.Sha256, request.Sha256, StringComparison.Ordinal));
        if (attachment is null)
        {
            return Problem.NotFound("attachment.notFound", "该信息的待审查版本没有这个附件");
        }

        var content = await store.ReadAsync(attachment.Sha256, cancellationToken);
        return content is null
            ? Problem.NotFound("attachment.missing", $"附件“{attachment.FileName}”的文件缺失或已损坏，请撰写人重新上传")
            : new Opened(attachment, content, ShownInline(attachment.MediaType));
    }
}
