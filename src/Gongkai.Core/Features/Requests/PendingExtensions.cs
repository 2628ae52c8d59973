using Gongkai.Core.Data;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The extensions an agency's handlers asked for and no office head has decided yet (条例 Art 33¶2), the most urgent
/// first: the head approves or refuses each through <see cref="TakeStep"/> (<see cref="RequestTrigger.Extend"/>,
/// <see cref="RequestTrigger.RefuseExtension"/>). A pending request moves no deadline, so the deadline shown is the
/// one that binds while it waits.
/// </summary>
public static class PendingExtensions
{
    /// <param name="RequestedById">Who asked: that user may not decide it (the page says so rather than offer the buttons).</param>
    /// <param name="Due">The deadline that binds now (the reply deadline; the extension is not granted yet).</param>
    public sealed record Line(
        Guid RequestId, string TrackingNumber, RequestState State, string RequestedById, string RequestedByName, DateOnly RequestedOn, int WorkingDays,
        string Reason, DateOnly? Due);

    public static async Task<IReadOnlyList<Line>> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.ExtensionRequestedOn != null)
            .Select(r => new
            {
                r.Id,
                r.TrackingNumber,
                r.State,
                r.ExtensionRequestedById,
                r.ExtensionRequestedByName,
                r.ExtensionRequestedOn,
                r.ExtensionRequestedDays,
                r.ExtensionRequestReason,
                r.ReplyDue,
                r.DelayedReplyDue,
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new Line(
                r.Id, r.TrackingNumber, r.State, r.ExtensionRequestedById ?? "", r.ExtensionRequestedByName ?? "", r.ExtensionRequestedOn!.Value,
                r.ExtensionRequestedDays ?? 0, r.ExtensionRequestReason ?? "", Later(r.ReplyDue, r.DelayedReplyDue)))
            .OrderBy(l => l.Due ?? DateOnly.MaxValue).ThenBy(l => l.TrackingNumber, StringComparer.Ordinal)];
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
