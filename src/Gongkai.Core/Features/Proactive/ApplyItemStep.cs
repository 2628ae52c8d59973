using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// One step of an item's review workflow (保密审查: submit, approve, reject, publish, withdraw …) on a stored item:
/// the domain decides (a refused step saves nothing), the step and its 台账 entry — naming who acted, the reviewer
/// for a review decision — are saved together.
/// </summary>
public static class ApplyItemStep
{
    public sealed record Request(Guid ItemId, Guid AgencyId, ItemCommand Command);

    public static async Task<Result<ItemEvent>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == request.ItemId && i.AgencyId == request.AgencyId, cancellationToken);
        if (item is null)
        {
            return Problem.NotFound("item.notFound", "未找到该信息");
        }

        var before = Snapshot(item);
        var applied = item.Apply(request.Command);
        if (!applied.TryGetValue(out var step))
        {
            return applied.Problem;
        }

        AuditTrail.Record(db, clock, request.Command.Actor.UserId, "item." + step.Trigger.ToString(), nameof(DisclosureItem),
            item.Id.ToString("D"), item.AgencyId, before, Snapshot(item));
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    /// <summary>What the 台账 keeps of an item: title, state, version, publication and the approval (who reviewed, which files).</summary>
    internal static string Snapshot(DisclosureItem item) => JsonSerializer.Serialize(new
    {
        item.Title,
        State = item.State.ToString(),
        item.Version,
        item.PublishedOn,
        Reviewer = item.Approval is { } approval ? $"{approval.ReviewerName}（{approval.ReviewerId}）" : null,

        // The attachments the reviewer approved, by SHA-256 (the store's names for them): what was seen is on record.
        ReviewedAttachments = item.Approval?.AttachmentHashes,
        item.RejectionReason,
        item.WithdrawalReason,
    }, AuditTrail.Json);
}
