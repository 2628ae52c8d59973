using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Accounts;

/// <summary>A change to a staff account by an administrator.</summary>
public abstract record StaffUserChange
{
    private StaffUserChange()
    {
    }

    /// <summary>The account's roles become exactly these (known role names).</summary>
    public sealed record SetRoles(IReadOnlyCollection<string> Roles) : StaffUserChange;

    /// <summary>No sign-in until unlocked; the sessions open now end at their next check (the security stamp changes).</summary>
    public sealed record Lock : StaffUserChange;

    /// <summary>Lifts an administrator's lock and a lockout after failed sign-ins.</summary>
    public sealed record Unlock : StaffUserChange;

    /// <summary>A new password (Identity's rules); the sessions open now end at their next check.</summary>
    public sealed record ResetPassword(string Password) : StaffUserChange;
}

/// <summary>
/// Changes one account of an agency — roles, lock, unlock, password — with its 台账 entry in the same SaveChanges.
/// Whether the actor may make the change (roles they may grant, not themselves) is the web host's StaffAccess's
/// decision, made before; here an account of another agency is simply not found.
/// </summary>
public static class ChangeStaffUser
{
    public sealed record Request(Guid AgencyId, Guid UserId, StaffUserChange Change, string Actor);

    public static async Task<Result<StaffUserLine>> HandleAsync(
        GongkaiDbContext db, UserManager<StaffUser> users, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var before = await ListStaffUsers.FindAsync(db, request.AgencyId, request.UserId, cancellationToken);
        var user = before is null ? null : await users.FindByIdAsync(request.UserId.ToString("D"));
        if (before is null || user is null)
        {
            return Problem.NotFound("user.notFound", "本机关没有该用户");
        }

        var (action, after, problem) = request.Change switch
        {
            StaffUserChange.SetRoles set => ("user.rolesChanged", before with { Roles = [.. set.Roles.Order(StringComparer.Ordinal)] }, await SetRolesAsync(db,
                user, before, set.Roles, cancellationToken)),
            StaffUserChange.Lock => ("user.locked", before with { LockoutEnd = StaffUserLine.LockedForever }, Lock(user, StaffUserLine.LockedForever)),
            StaffUserChange.Unlock => ("user.unlocked", before with { LockoutEnd = null }, Lock(user, null)),
            StaffUserChange.ResetPassword reset => ("user.passwordReset", before, await SetPasswordAsync(users, user, reset.Password)),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Change, "Not a change of a staff account."),
        };
        if (problem is not null)
        {
            db.ChangeTracker.Clear();
            return problem;
        }

        // A new stamp ends the account's open sessions at their next check (their roles or password are no longer valid).
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        AuditTrail.Record(db, clock, request.Actor, action, nameof(StaffUser), user.Id.ToString("D"), request.AgencyId,
            CreateStaffUser.Snapshot(before), CreateStaffUser.Snapshot(after));
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            db.ChangeTracker.Clear();
            return CreateStaffUser.Refusal(updated);
        }

        return after;
    }

    private static async Task<Problem?> SetRolesAsync(GongkaiDbContext db, StaffUser user, StaffUserLine before, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (roles.Count == 0)
        {
            return new Problem("user.noRole", "请至少选择一个角色");
        }

        var all = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
        if (!roles.All(all.ContainsKey))
        {
            return new Problem("user.unknownRole", "所选角色无效");
        }

        foreach (var removed in before.Roles.Except(roles, StringComparer.Ordinal))
        {
            db.UserRoles.Remove(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = all[removed] });
        }

        foreach (var added in roles.Except(before.Roles, StringComparer.Ordinal))
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = all[added] });
        }

        return null;
    }

    private static Problem? Lock(StaffUser user, DateTimeOffset? until)
    {
        user.LockoutEnd = until;
        user.AccessFailedCount = 0;
        return null;
    }

    private static async Task<Problem?> SetPasswordAsync(UserManager<StaffUser> users, StaffUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        if (errors.Count > 0)
        {
            return CreateStaffUser.Refusal(IdentityResult.Failed([.. errors]));
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        return null;
    }
}
