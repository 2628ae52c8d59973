using System.Collections.Frozen;
using System.Security.Claims;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Accounts;

/// <summary>What a staff user may do; granted by role in <see cref="StaffAccess"/>.</summary>
public enum StaffRight
{
    /// <summary>Read the agency's records (worklist, applications, items, figures, reports).</summary>
    Read,

    /// <summary>Act on applications (the procedure's steps).</summary>
    HandleRequests,

    /// <summary>Write catalogue items and submit them for review.</summary>
    WriteItems,

    /// <summary>The 保密审查 of items (approve, reject).</summary>
    ReviewItems,

    /// <summary>Enter 第二十条 figures and appeal cases.</summary>
    EnterFigures,

    /// <summary>Build, edit, lock and publish the annual report.</summary>
    ManageReports,

    /// <summary>Read the 台账 of a record.</summary>
    ReadAuditTrail,

    /// <summary>The oversight dashboard over the agencies under one's own.</summary>
    Oversee,
}

/// <summary>
/// Agency scoping and role rights, in one place for every staff page (and the API): a user reads their own
/// agency; a 政务公开办 user also reads every agency under theirs; anything that changes records is allowed only in
/// the user's own agency and only to a role granted it. 审计 is granted reading only.
/// </summary>
public sealed class StaffAccess(GongkaiDbContext db)
{
    public const string AgencyClaim = "gongkai:agency";
    public const string DisplayNameClaim = "gongkai:name";

    /// <summary>The policy every staff page requires (signed in with an agency); the rest is decided here per record.</summary>
    public const string StaffPolicy = "Staff";

    private static readonly FrozenDictionary<string, StaffRight[]> Grants = new Dictionary<string, StaffRight[]>(StringComparer.Ordinal)
    {
        [StaffRoles.Handler] = [StaffRight.Read, StaffRight.HandleRequests, StaffRight.WriteItems, StaffRight.EnterFigures],
        [StaffRoles.Reviewer] = [StaffRight.Read, StaffRight.WriteItems, StaffRight.ReviewItems],
        [StaffRoles.AgencyAdmin] =
        [
            StaffRight.Read, StaffRight.HandleRequests, StaffRight.WriteItems, StaffRight.EnterFigures,
            StaffRight.ManageReports, StaffRight.ReadAuditTrail,
        ],
        [StaffRoles.Oversight] = [StaffRight.Read, StaffRight.Oversee, StaffRight.ManageReports],
        [StaffRoles.Auditor] = [StaffRight.Read, StaffRight.ReadAuditTrail],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Permissions that only read: these reach the agencies under a 政务公开办 user's own.</summary>
    private static readonly FrozenSet<StaffRight> Reading = [StaffRight.Read, StaffRight.Oversee];

    private List<Agency>? _agencies;

    public static Guid? AgencyOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AgencyClaim), out var id) ? id : null;

    public static string DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";

    public static string UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>True when one of the user's roles grants the right (in some agency).</summary>
    public static bool Has(ClaimsPrincipal user, StaffRight right) =>
        user.Identity?.IsAuthenticated == true && AgencyOf(user) is not null
        && Grants.Any(g => g.Value.Contains(right) && user.IsInRole(g.Key));

    /// <summary>The agencies the user may read: their own, and with <see cref="StaffRight.Oversee"/> all under it.</summary>
    public async Task<IReadOnlyList<Agency>> ReadableAgenciesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (AgencyOf(user) is not { } own)
        {
            return [];
        }

        var all = _agencies ??= await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var result = all.Where(a => a.Id == own).ToList();
        if (Has(user, StaffRight.Oversee))
        {
            var children = all.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
            for (var i = 0; i < result.Count; i++)
            {
                result.AddRange(children[result[i].Id].OrderBy(a => a.Name, StringComparer.Ordinal));
            }
        }

        return result;
    }

    /// <summary>
    /// The one check: the right is granted to one of the user's roles, and the agency is the user's own — or,
    /// for a reading right, one the user oversees.
    /// </summary>
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, Guid agencyId, StaffRight right, CancellationToken cancellationToken)
    {
        if (!Has(user, right))
        {
            return false;
        }

        if (AgencyOf(user) == agencyId)
        {
            return true;
        }

        return Reading.Contains(right) && (await ReadableAgenciesAsync(user, cancellationToken)).Any(a => a.Id == agencyId);
    }
}
