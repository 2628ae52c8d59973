using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>A new version of an agency's 政府信息公开指南, with its 台账 entry; and reading the current or a past version.</summary>
public static class PublishGuide
{
    public sealed record Request(Guid AgencyId, string Title, string Text, DateOnly EffectiveOn, string Actor);

    public static async Task<Result<DisclosureGuide>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var previous = await CurrentAsync(db, request.AgencyId, cancellationToken);
        var created = DisclosureGuide.NewVersion(request.AgencyId, previous, request.Title, request.Text, request.EffectiveOn, request.Actor, clock.GetUtcNow());
        if (!created.TryGetValue(out var guide))
        {
            return created.Problem;
        }

        if (previous is not null && previous.Title == guide.Title && previous.Text == guide.Text)
        {
            return previous; // the same text again is not a new version
        }

        db.Guides.Add(guide);
        AuditTrail.Record(db, clock, request.Actor, "guide.published", nameof(DisclosureGuide), guide.Id.ToString("D"), guide.AgencyId,
            previous is null ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"第{previous.Version}版"),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"第{guide.Version}版：{guide.Title}（{guide.EffectiveOn:yyyy-MM-dd}起）"));
        await db.SaveChangesAsync(cancellationToken);
        return guide;
    }

    public static Task<DisclosureGuide?> CurrentAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        db.Guides.AsNoTracking().Where(g => g.AgencyId == agencyId).OrderByDescending(g => g.Version).FirstOrDefaultAsync(cancellationToken);

    public static Task<DisclosureGuide?> VersionAsync(GongkaiDbContext db, Guid agencyId, int version, CancellationToken cancellationToken = default) =>
        db.Guides.AsNoTracking().FirstOrDefaultAsync(g => g.AgencyId == agencyId && g.Version == version, cancellationToken);
}
