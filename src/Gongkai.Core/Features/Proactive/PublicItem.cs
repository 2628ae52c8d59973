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

    /// <summary>The agency's names an item page shows: categories (as a tree, for the path), divisions, topics.</summary>
    public sealed record Names(CategoryTree? Categories, IReadOnlyDictionary<Guid, string> Divisions, IReadOnlyDictionary<Guid, string> Topics);

    /// <summary>Three small queries; a host that shows many items caches the result per agency (it changes rarely).</summary>
    public static async Task<Names> NamesAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == agencyId).ToListAsync(cancellationToken);
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.AgencyId == agencyId).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var topics = await db.Topics.AsNoTracking().Where(t => t.AgencyId == agencyId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return new Names(CategoryTree.Create(categories).TryGetValue(out var tree) ? tree : null, divisions, topics);
    }

    private sealed record Found(Guid Id, ItemState State, DateOnly? FirstPublishedOn, ItemVersion Version);

    /// <summary>
    /// The item's state and its last version only (the public one while the state is public, as PublicVersion), not
    /// every version and step of its history, which the whole item would bring. Read from the versions' key
    /// (item_id, number), newest first, and compiled (the item page is the most read page with the list). A "first of
    /// the item's versions" projection is translated into a window over every version of every item, which SQLite
    /// does not narrow (seconds over 1,000,000 items; QueryPlanTests).
    /// </summary>
    private static readonly CompiledPerModel<Func<GongkaiDbContext, Guid, Guid, CancellationToken, Task<Found?>>> LastVersion = new(() => EF.CompileAsyncQuery(
        (GongkaiDbContext db, Guid agencyId, Guid itemId, CancellationToken cancellationToken) => (
            from v in db.Set<ItemVersion>().AsNoTracking()
            join i in db.Items.AsNoTracking().IgnoreAutoIncludes() on EF.Property<Guid>(v, "ItemId") equals i.Id
            where EF.Property<Guid>(v, "ItemId") == itemId && i.AgencyId == agencyId
            orderby v.Number descending
            select new Found(i.Id, i.State, i.FirstPublishedOn, v))
            .FirstOrDefault()));

    public static async Task<Response?> HandleAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default) =>
        await HandleAsync(db, request, null, cancellationToken);

    /// <param name="names">The agency's names, when the caller has them; read from the database otherwise.</param>
    public static async Task<Response?> HandleAsync(GongkaiDbContext db, Request request, Names? names, CancellationToken cancellationToken = default)
    {
        var found = await LastVersion.For(db)(db, request.AgencyId, request.ItemId, cancellationToken);
        if (found is null || !found.State.IsPublic())
        {
            return null;
        }

        var version = found.Version;
        names ??= await NamesAsync(db, request.AgencyId, cancellationToken);
        var category = names.Categories?.PathOf(version.CategoryId);
        var division = version.DivisionId is { } divisionId ? names.Divisions.GetValueOrDefault(divisionId) : null;
        var topicIds = version.TopicIds.ToList();
        var topicNames = names.Topics;
        return new Response(
            found.Id,
            version.Title,
            version.DocumentNumber,
            version.Body,
            category ?? "",
            division,
            [.. topicIds.Where(topicNames.ContainsKey).Select(id => topicNames[id])],
            version.FormedOn,
            version.PublishedOn,
            found.FirstPublishedOn ?? version.PublishedOn,
            version.Number,
            version.FullTextElectronic,
            version.Attachments,
            version.ProposalNumber,
            version.RepealedOn);
    }
}
