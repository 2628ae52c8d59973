using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// 条例 Art 33¶2: an extension needs the consent of the 政府信息公开工作机构负责人. Here that is one of the agency's own
/// 机关管理员 (<see cref="StaffRoles.AgencyAdmin"/>): the one rule for the back office's choice and an integration's user name.
/// </summary>
public static class OfficeHeads
{
    /// <summary>An office head as a form lists them.</summary>
    public sealed record Line(Guid Id, string UserName, string DisplayName);

    /// <summary>Who consented: the account's id (a form's choice) or its user name (an integration); either is enough.</summary>
    public sealed record Choice(Guid? UserId, string? UserName);

    /// <summary>The agency's office heads by display name.</summary>
    public static async Task<IReadOnlyList<Line>> ListAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        [.. (await Heads(db, agencyId).Select(u => new Line(u.Id, u.UserName ?? "", u.DisplayName)).ToListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)];

    /// <summary>The office head chosen, as the actor of the consent; a problem when the choice names none of the agency's.</summary>
    public static async Task<Result<Actor>> FindAsync(GongkaiDbContext db, Guid agencyId, Choice? choice, CancellationToken cancellationToken = default)
    {
        var id = choice?.UserId;
        var userName = choice?.UserName?.Trim();
        var head = id is null && string.IsNullOrEmpty(userName)
            ? null
            : await Heads(db, agencyId).Where(u => id != null ? u.Id == id : u.UserName == userName)
                .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        return head is null
            ? Problem.Invalid(RequestProblems.ExtensionApprover, "延长答复期限须经政府信息公开工作机构负责人同意：请指明同意延期的本机关管理员（条例第三十三条第二款）")
            : new Actor(head.Id.ToString("D"), head.DisplayName, ActorRole.OfficeHead);
    }

    private static IQueryable<StaffUser> Heads(GongkaiDbContext db, Guid agencyId) =>
        db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRoles.AgencyAdmin)));
}
