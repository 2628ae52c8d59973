using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Core.Features.Accounts;

/// <summary>
/// A staff user changes their own password (issue 16, 4): the current one must be given, the new one meets the rules
/// (<see cref="StaffIdentity"/>, <see cref="CommonPasswordValidator"/>) and differs from it; the account gets a new
/// security stamp (its sessions elsewhere end) and a 台账 entry, in Identity's one SaveChanges.
/// </summary>
public static class ChangeOwnPassword
{
    public const string WrongCurrentCode = "user.wrongCurrentPassword";

    public sealed record Request(Guid UserId, string CurrentPassword, string NewPassword);

    public static async Task<Result<StaffUserLine>> HandleAsync(
        GongkaiDbContext db, UserManager<StaffUser> users, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString("D"));
        var line = user is null ? null : await ListStaffUsers.FindAsync(db, user.AgencyId, user.Id, cancellationToken);
        if (user is null || line is null)
        {
            return Problem.NotFound("user.notFound", "账号不存在");
        }

        if (string.Equals(request.CurrentPassword, request.NewPassword, StringComparison.Ordinal))
        {
            return new Problem("user.PasswordUnchanged", "新密码不能与当前密码相同");
        }

        // Tracked first, so Identity's SaveChanges stores it with the new hash; dropped if Identity refuses.
        var snapshot = CreateStaffUser.Snapshot(line);
        AuditTrail.Record(db, clock, user.Id.ToString("D"), "user.passwordChanged", nameof(StaffUser), user.Id.ToString("D"), user.AgencyId, snapshot, snapshot);
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
        {
            db.ChangeTracker.Clear();
            return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? new Problem(WrongCurrentCode, "当前密码不正确")
                : CreateStaffUser.Refusal(changed);
        }

        return line;
    }
}
