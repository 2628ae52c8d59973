using Gongkai.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Accounts;

/// <summary>An agency's staff accounts with their roles, by user name.</summary>
public static class ListStaffUsers
{
    /// <summary>An agency has tens of accounts; more than this is not a list anybody reads.</summary>
    public const int MaxUsers = 1000;

    public static async Task<IReadOnlyList<StaffUserLine>> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        await LinesAsync(db, agencyId, null, cancellationToken);

    /// <summary>One account of the agency, or null — also for an account of another agency.</summary>
    public static async Task<StaffUserLine?> FindAsync(GongkaiDbContext db, Guid agencyId, Guid userId, CancellationToken cancellationToken = default) =>
        (await LinesAsync(db, agencyId, userId, cancellationToken)).SingleOrDefault();

    /// <summary>The display names of these accounts (of any agency), by user id in its "D" form; ids of no account are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(GongkaiDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString("D"), u => u.DisplayName, cancellationToken);

    /// <summary>The role names of these accounts, by user id (an account without roles has an empty group).</summary>
    public static async Task<ILookup<Guid, string>> RolesAsync(GongkaiDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        (await (
                from ur in db.UserRoles.AsNoTracking()
                join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                where userIds.Contains(ur.UserId)
                select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "");

    private static async Task<IReadOnlyList<StaffUserLine>> LinesAsync(GongkaiDbContext db, Guid agencyId, Guid? userId, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.AgencyId == agencyId && (userId == null || u.Id == userId))
            .OrderBy(u => u.UserName)
            .Take(MaxUsers)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await RolesAsync(db, ids, cancellationToken);
        return [.. users.Select(u => new StaffUserLine(u.Id, u.UserName ?? "", u.DisplayName, [.. roles[u.Id].Order(StringComparer.Ordinal)], u.LockoutEnd))];
    }
}

/// <summary>A staff account as the user management page shows it (no password hash, no security stamp).</summary>
/// <param name="LockoutEnd">Locked until then (failed sign-ins); <see cref="LockedForever"/> or later when an administrator locked it.</param>
public sealed record StaffUserLine(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockoutEnd)
{
    /// <summary>An administrator's lock: until unlocked (a day both databases keep exactly, unlike DateTimeOffset.MaxValue's ticks).</summary>
    public static readonly DateTimeOffset LockedForever = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public bool LockedByAdministrator => LockoutEnd >= LockedForever;

    public bool IsLockedAt(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
