using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// A new catalogue item as a draft (an integration's "create item"): the category, division and topics must be the
/// agency's own; the domain checks the content; the item and its 台账 entry are saved together. A draft is not
/// public: it goes through the 保密审查 (条例 Art 17) before anything of it is published.
/// </summary>
public static class DraftNewItem
{
    public sealed record Request(
        Guid AgencyId, Guid CategoryId, string? Title, string? DocumentNumber, DateOnly FormedOn, string? Body, bool FullTextElectronic,
        Guid? DivisionId, IReadOnlyList<Guid> TopicIds, ItemActor Actor);

    public static async Task<Result<DisclosureItem>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CategoryId && c.AgencyId == request.AgencyId, cancellationToken);
        if (category is null)
        {
            return new Problem("item.category", "类别不存在或不属于该机关");
        }

        Division? division = null;
        if (request.DivisionId is { } divisionId)
        {
            division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == divisionId && d.AgencyId == request.AgencyId, cancellationToken);
            if (division is null)
            {
                return new Problem("item.division", "科室不存在或不属于该机关");
            }
        }

        var topicIds = request.TopicIds.Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id) && t.AgencyId == request.AgencyId).ToListAsync(cancellationToken);
        if (topics.Count != topicIds.Count)
        {
            return new Problem("item.topic", "主题不存在或不属于该机关");
        }

        var content = new ItemContent
        {
            Category = category,
            Division = division,
            Topics = topics,
            Title = request.Title ?? "",
            DocumentNumber = string.IsNullOrWhiteSpace(request.DocumentNumber) ? null : request.DocumentNumber,
            FormedOn = request.FormedOn,
            Body = request.Body ?? "",
            FullTextElectronic = request.FullTextElectronic,
        };
        var now = clock.GetUtcNow();
        var created = DisclosureItem.Create(new CreateItem(request.Actor, Domain.Calendar.ChinaClock.Today(clock), now, Guid.NewGuid(), request.AgencyId, content));
        if (!created.TryGetValue(out var item))
        {
            return created.Problem;
        }

        db.Items.Add(item);
        AuditTrail.Record(db, clock, request.Actor.UserId, "item." + ItemTrigger.Create, nameof(DisclosureItem), item.Id.ToString("D"), item.AgencyId, null,
            JsonSerializer.Serialize(new { item.Title, State = item.State.ToString(), item.Version }, AuditTrail.Json));
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }
}
