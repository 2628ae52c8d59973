using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Files;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// An attachment of the version under 保密审查 (条例 Art 17), for the reviewer to open before deciding: only a file the
/// item's working version lists is served (a hash alone opens nothing, nor does another agency's item), and a file
/// whose content no longer matches its hash is not served. Each opening is written to the 台账 (who saw which file),
/// and <see cref="UnopenedAsync"/> tells the approval which files the reviewer has not opened since the version was
/// submitted: an approval of files nobody looked at is refused. The caller checks the right to review in the agency;
/// the public never reaches this (unpublished files are not public).
/// </summary>
public static class ReviewAttachment
{
    public const string OpenedAction = "item.attachmentOpened";

    public sealed record Request(Guid AgencyId, Guid ItemId, string Sha256, string ReviewerId);

    /// <param name="Inline">Shown in the browser (PDF and images) rather than downloaded.</param>
    public sealed record Opened(Attachment Attachment, byte[] Content, bool Inline);

    /// <summary>What a browser shows itself; the media type is the one checked when the file was stored (StoreAttachment).</summary>
    public static bool ShownInline(string mediaType) => mediaType is "application/pdf" or "image/png" or "image/jpeg";

    public static async Task<Result<Opened>> HandleAsync(
        GongkaiDbContext db, TimeProvider clock, AttachmentStore store, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var item = await db.Items.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.Id == request.ItemId && i.AgencyId == request.AgencyId)
            .Select(i => new { i.Title, i.Version, i.Attachments })
            .FirstOrDefaultAsync(cancellationToken);
        var attachment = item?.Attachments.FirstOrDefault(a => string.Equals(a.Sha256, request.Sha256, StringComparison.Ordinal));
        if (item is null || attachment is null)
        {
            return Problem.NotFound("attachment.notFound", "该信息的待审查版本没有这个附件");
        }

        var content = await store.ReadAsync(attachment.Sha256, cancellationToken);
        if (content is null)
        {
            return Problem.NotFound("attachment.missing", $"附件“{attachment.FileName}”的文件缺失或已损坏，请撰写人重新上传");
        }

        AuditTrail.Record(db, clock, request.ReviewerId, OpenedAction, nameof(DisclosureItem), request.ItemId.ToString("D"), request.AgencyId, null,
            JsonSerializer.Serialize(new { item.Title, item.Version, attachment.FileName, attachment.Sha256 }, AuditTrail.Json));
        await db.SaveChangesAsync(cancellationToken);
        return new Opened(attachment, content, ShownInline(attachment.MediaType));
    }

    /// <summary>
    /// The attachments of the working version the reviewer has not opened since it was last submitted (a resubmitted
    /// version is reviewed afresh), in the version's order; empty when every file was opened or there is none.
    /// </summary>
    public static async Task<IReadOnlyList<Attachment>> UnopenedAsync(GongkaiDbContext db, Guid itemId, string reviewerId, CancellationToken cancellationToken = default)
    {
        var attachments = await db.Items.AsNoTracking().IgnoreAutoIncludes().Where(i => i.Id == itemId).Select(i => i.Attachments).FirstOrDefaultAsync(cancellationToken);
        if (attachments is null || attachments.Count == 0)
        {
            return [];
        }

        var id = itemId.ToString("D");
        var trail = db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(DisclosureItem) && e.EntityId == id);
        var submitted = await trail.Where(e => e.Action == "item." + nameof(ItemTrigger.Submit)).MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var openings = await trail.Where(e => e.Action == OpenedAction && e.Actor == reviewerId && e.Sequence > submitted).Select(e => e.After).ToListAsync(cancellationToken);
        var opened = openings.Select(OpenedHash).ToHashSet(StringComparer.Ordinal);
        return [.. attachments.Where(a => !opened.Contains(a.Sha256))];
    }

    private static string? OpenedHash(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(nameof(Attachment.Sha256), out var hash) ? hash.GetString() : null;
    }
}
