using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// A new item written by staff: the domain creates the draft (its author is the actor), and the draft and its 台账
/// entry are saved together. Everything after (revise, submit, review, publish) is <see cref="ApplyItemStep"/>.
/// </summary>
public static class StartItem
{
    public static async Task<Result<DisclosureItem>> HandleAsync(GongkaiDbContext db, TimeProvider clock, CreateItem command, CancellationToken cancellationToken = default)
    {
        var created = DisclosureItem.Create(command);
        if (!created.TryGetValue(out var item))
        {
            return created.Problem;
        }

        db.Items.Add(item);
        AuditTrail.Record(db, clock, command.Actor.UserId, "item." + nameof(ItemTrigger.Create), nameof(DisclosureItem),
            item.Id.ToString("D"), item.AgencyId, null, ApplyItemStep.Snapshot(item));
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }
}
