using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// Saving the item editor's form: a new draft (<see cref="StartItem"/>), or a revision of an item in work, or a new
/// version of a published one (<see cref="ApplyItemStep"/>). The category, topics and 科室 must be the agency's own —
/// an id from elsewhere (a forged form) is refused, not ignored; the attachments are the item's without those removed,
/// then the uploaded files (each checked by <see cref="StoreAttachment"/>, each once). A refused save changes no item
/// (an uploaded file may stay in the content-addressed store, unreferenced).
/// </summary>
public static class SaveItem
{
    /// <summary>Up to this many files in one save.</summary>
    public const int MaxUploads = 10;

    /// <summary>A file sent with the form; <paramref name="Open"/> gives a seekable stream of it.</summary>
    public sealed record Upload(string FileName, long Length, Func<Stream> Open);

    /// <param name="ItemId">The item revised, or null for a new draft.</param>
    /// <param name="RemoveAttachments">The SHA-256 of each of the item's attachments to remove.</param>
    public sealed record Request(
        Guid? ItemId, Guid AgencyId, ItemActor Actor, Guid CategoryId, IReadOnlyList<Guid> TopicIds, Guid? DivisionId, string Title, string? DocumentNumber,
        DateOnly FormedOn, bool FullTextElectronic, string? Body, string? ProposalNumber, DateOnly? RepealedOn, IReadOnlyCollection<string> RemoveAttachments,
        IReadOnlyList<Upload> Uploads);

    /// <summary>The item's id: the new draft's, or the one revised.</summary>
    public static async Task<Result<Guid>> HandleAsync(GongkaiDbContext db, TimeProvider clock, AttachmentStore store, Request request, CancellationToken cancellationToken = default)
    {
        DisclosureItem? item = null;
        if (request.ItemId is { } itemId)
        {
            item = await db.Items.FirstOrDefaultAsync(i => i.Id == itemId && i.AgencyId == request.AgencyId, cancellationToken);
            if (item is null)
            {
                return Problem.NotFound("item.notFound", "未找到该信息");
            }
        }

        var classification = await ClassifyAsync(db, request.AgencyId, request.CategoryId, request.TopicIds, request.DivisionId, cancellationToken);
        if (!classification.TryGetValue(out var content))
        {
            return classification.Problem;
        }

        var attachments = await AttachmentsAsync(store, item?.Attachments ?? [], request, cancellationToken);
        if (!attachments.TryGetValue(out var files))
        {
            return attachments.Problem;
        }

        content = content with
        {
            Title = request.Title.Trim(),
            DocumentNumber = Optional(request.DocumentNumber),
            FormedOn = request.FormedOn,
            FullTextElectronic = request.FullTextElectronic,
            Body = request.Body ?? "",
            Attachments = files,
            ProposalNumber = Optional(request.ProposalNumber),
            RepealedOn = request.RepealedOn,
        };
        var (today, at) = (ChinaClock.Today(clock), clock.GetUtcNow());
        if (item is null)
        {
            var created = await StartItem.HandleAsync(db, clock, new CreateItem(request.Actor, today, at, Guid.NewGuid(), request.AgencyId, content), cancellationToken);
            return created.Map(i => i.Id);
        }

        ItemCommand command = item.State == ItemState.Published ? new DraftItemUpdate(request.Actor, today, at, content) : new ReviseItem(request.Actor, today, at, content);
        var applied = await ApplyItemStep.HandleAsync(db, clock, new ApplyItemStep.Request(item.Id, item.AgencyId, command), cancellationToken);
        return applied.Map(_ => item.Id);
    }

    /// <summary>
    /// An item's category, topics and 科室, each checked to be the agency's own (also for an item drafted over the
    /// API), as content without text yet.
    /// </summary>
    internal static async Task<Result<ItemContent>> ClassifyAsync(
        GongkaiDbContext db, Guid agencyId, Guid categoryId, IReadOnlyList<Guid> topicIds, Guid? divisionId, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId && c.AgencyId == agencyId, cancellationToken);
        if (category is null)
        {
            return Problem.Invalid("item.category", "类别不存在或不属于该机关");
        }

        var distinct = topicIds.Distinct().ToList();
        if (distinct.Count > DisclosureItem.MaxTopics)
        {
            return DisclosureItem.TooManyTopics();
        }

        var topics = await db.Topics.AsNoTracking().Where(t => distinct.Contains(t.Id) && t.AgencyId == agencyId).ToListAsync(cancellationToken);
        if (topics.Count != distinct.Count)
        {
            return Problem.Invalid("item.topic", "主题不存在或不属于该机关");
        }

        Division? division = null;
        if (divisionId is { } id)
        {
            division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.AgencyId == agencyId, cancellationToken);
            if (division is null)
            {
                return Problem.Invalid("item.division", "科室不存在或不属于该机关");
            }
        }

        return new ItemContent { Category = category, Topics = topics, Division = division, Title = "", FormedOn = default };
    }

    /// <summary>The item's attachments without those removed, then the uploaded files, each once (by content).</summary>
    private static async Task<Result<IReadOnlyList<Attachment>>> AttachmentsAsync(
        AttachmentStore store, IReadOnlyList<Attachment> current, Request request, CancellationToken cancellationToken)
    {
        if (request.Uploads.Count > MaxUploads)
        {
            return Problem.Invalid("attachment.count", $"一次最多上传{MaxUploads}个附件");
        }

        var kept = current.Where(a => !request.RemoveAttachments.Contains(a.Sha256)).ToList();
        foreach (var upload in request.Uploads)
        {
            await using var content = upload.Open();
            var stored = await StoreAttachment.HandleAsync(store, upload.FileName, content, upload.Length, cancellationToken);
            if (!stored.TryGetValue(out var attachment))
            {
                return stored.Problem;
            }

            if (!kept.Any(a => a.Sha256 == attachment.Sha256))
            {
                kept.Add(attachment);
            }
        }

        return kept;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
