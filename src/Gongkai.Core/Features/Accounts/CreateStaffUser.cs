using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Accounts;

/// <summary>
/// A new staff account in an agency, with its roles and an initial password (Identity's rules), and its 台账 entry —
/// all in one SaveChanges: nothing is stored when anything is refused. Who may give which role is the web host's
/// StaffAccess's decision, made before this is called; the roles here are known role names.
/// </summary>
public static class CreateStaffUser
{
    public sealed record Request(Guid AgencyId, string UserName, string DisplayName, IReadOnlyCollection<string> Roles, string Password, string Actor);

    public static async Task<Result<StaffUserLine>> HandleAsync(
        GongkaiDbContext db, UserManager<StaffUser> users, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var displayName = request.DisplayName.Trim();
        if (displayName.Length is 0 or > StaffUser.MaxDisplayNameLength)
        {
            return new Problem("user.displayName", $"请填写姓名（不超过{StaffUser.MaxDisplayNameLength}个字）");
        }

        if (request.Roles.Count == 0)
        {
            return new Problem("user.noRole", "请至少选择一个角色");
        }

        var roleIds = await db.Roles.AsNoTracking().Where(r => request.Roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (roleIds.Count != request.Roles.Count)
        {
            return new Problem("user.unknownRole", "所选角色无效");
        }

        var user = new StaffUser { Id = Guid.NewGuid(), UserName = request.UserName.Trim(), DisplayName = displayName, AgencyId = request.AgencyId };

        // The roles and the 台账 entry are added first, so Identity's one SaveChanges (after its password and user name
        // checks) stores them with the user; when Identity refuses, they are dropped and nothing was written.
        foreach (var roleId in roleIds)
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        }

        var line = new StaffUserLine(user.Id, user.UserName, displayName, [.. request.Roles.Order(StringComparer.Ordinal)], null);
        AuditTrail.Record(db, clock, request.Actor, "user.created", nameof(StaffUser), user.Id.ToString("D"), request.AgencyId, null, Snapshot(line));
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Refusal(created);
        }

        return line;
    }

    /// <summary>Identity's refusal (its messages are Chinese: the host's error describer) as one problem.</summary>
    internal static Problem Refusal(IdentityResult result) =>
        new("user." + (result.Errors.FirstOrDefault()?.Code ?? "refused"), string.Join("；", result.Errors.Select(e => e.Description)),
            result.Errors.Any(e => e.Code.StartsWith("Duplicate", StringComparison.Ordinal)) ? ProblemKind.Conflict : ProblemKind.Invalid);

    /// <summary>
    /// What the 台账 keeps of an account: user name, roles, whether locked. Never a password or its hash, nor the
    /// person's name (the user name identifies the account).
    /// </summary>
    internal static string Snapshot(StaffUserLine user) =>
        JsonSerializer.Serialize(new { userName = user.UserName, roles = user.Roles, locked = user.LockedByAdministrator }, AuditTrail.Json);
}
