using Gongkai.Core.Data;
using Gongkai.Domain.Appeals;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Appeals;

/// <summary>An agency's 行政复议 and 行政诉讼 cases, the latest filed first.</summary>
public static class ListAppeals
{
    /// <summary>An agency has a handful of cases a year; the list shows the latest this many.</summary>
    public const int MaxCases = 200;

    public static async Task<IReadOnlyList<AppealCase>> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Appeals.AsNoTracking().Where(a => a.AgencyId == agencyId).OrderByDescending(a => a.FiledOn).Take(MaxCases).ToListAsync(cancellationToken);
}
