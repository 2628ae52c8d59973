using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Agencies;

/// <summary>
/// Agencies looked up by name (an operator types the 机关全称), by id (a page's address), with their children (a
/// district's departments), and all of them (a 政务公开办 reads those under it). Read-only: nothing is tracked.
/// </summary>
public static class FindAgency
{
    /// <summary>The agency of exactly this name (spaces around it ignored), or <see cref="AgencyProblems.NotFound(string)"/>.</summary>
    public static async Task<Result<Agency>> ByNameAsync(GongkaiDbContext db, string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, cancellationToken);
        return agency is null ? AgencyProblems.NotFound(name) : agency;
    }

    public static async Task<Agency?> ByIdAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken);

    /// <summary>The agencies directly under this one, by name.</summary>
    public static async Task<IReadOnlyList<Agency>> ChildrenAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.ParentId == agencyId).OrderBy(a => a.Name).ToListAsync(cancellationToken);

    /// <summary>Every agency, unordered: a district has tens, a deployment hundreds at most.</summary>
    public static async Task<IReadOnlyList<Agency>> AllAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Whether the database holds any agency yet (a new one is empty).</summary>
    public static async Task<bool> AnyAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        await db.Agencies.AnyAsync(cancellationToken);
}
