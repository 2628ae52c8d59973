using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// A new catalogue item as a draft (an integration's "create item"): the category, division and topics must be the
/// agency's own; the domain checks the content, and <see cref="StartItem"/> saves the item with its 台账 entry. A draft is not
/// public: it goes through the 保密审查 (条例 Art 17) before anything of it is published.
/// </summary>
public static class DraftNewItem
{
    public sealed record Request(
        Guid AgencyId, Guid CategoryId, string? Title, string? DocumentNumber, DateOnly FormedOn, string? Body, bool FullTextElectronic,
        Guid? DivisionId, IReadOnlyList<Guid> TopicIds, ItemActor Actor);

    public static async Task<Result<DisclosureItem>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var classification = await SaveItem.ClassifyAsync(db, request.AgencyId, request.CategoryId, request.TopicIds, request.DivisionId, cancellationToken);
        if (!classification.TryGetValue(out var classified))
        {
            return classification.Problem;
        }

        var content = classified with
        {
            Title = request.Title ?? "",
            DocumentNumber = string.IsNullOrWhiteSpace(request.DocumentNumber) ? null : request.DocumentNumber,
            FormedOn = request.FormedOn,
            Body = request.Body ?? "",
            FullTextElectronic = request.FullTextElectronic,
        };
        return await StartItem.HandleAsync(db, clock,
            new CreateItem(request.Actor, ChinaClock.Today(clock), clock.GetUtcNow(), Guid.NewGuid(), request.AgencyId, content), cancellationToken);
    }
}
