using Gongkai.Core.Data;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// One item as the public sees it: its last published version (never a working version still in review), with the
/// names of its category, division and topics. Null when the item is not the agency's, never published, or withdrawn.
/// </summary>
public static class PublicItem
{
    public sealed record Request(Guid AgencyId, Guid ItemId);

    public sealed record Response(
        Guid Id,
        string Title,
        string? DocumentNumber,
        string Body,
        string Category,
        string? Division,
        IReadOnlyList<string> Topics,
        DateOnly FormedOn,
        DateOnly PublishedOn,
        DateOnly FirstPublishedOn,
        int Version,
        bool FullTextElectronic,
        IReadOnlyList<Attachment> Attachments,
        string? ProposalNumber,
        DateOnly? RepealedOn);

    public static async Task<Response?> HandleAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.ItemId && i.AgencyId == request.AgencyId, cancellationToken);
        if (item?.PublicVersion is not { } version)
        {
            return null;
        }

        var categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == request.AgencyId).ToListAsync(cancellationToken);
        var category = CategoryTree.Create(categories).TryGetValue(out var tree) ? tree.PathOf(version.CategoryId) : null;
        var division = version.DivisionId is { } divisionId
            ? await db.Divisions.AsNoTracking().Where(d => d.Id == divisionId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var topicIds = version.TopicIds.ToList();
        var topicNames = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return new Response(
            item.Id,
            version.Title,
            version.DocumentNumber,
            version.Body,
            category ?? "",
            division,
            [.. topicIds.Where(topicNames.ContainsKey).Select(id => topicNames[id])],
            version.FormedOn,
            version.PublishedOn,
            item.FirstPublishedOn ?? version.PublishedOn,
            version.Number,
            version.FullTextElectronic,
            version.Attachments,
            version.ProposalNumber,
            version.RepealedOn);
    }
}
