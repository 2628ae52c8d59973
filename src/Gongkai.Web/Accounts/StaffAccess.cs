using System.Collections.Frozen;
using System.Security.Claims;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Gongkai.Core.Features.Agencies;
using Gongkai.Domain.Agencies;

namespace Gongkai.Web.Accounts;

/// <summary>What a staff user may do; granted by role in <see cref="StaffAccess"/>.</summary>
public enum StaffRight
{
    /// <summary>Read the agency's records (worklist, applications, items, figures, reports).</summary>
    Read,

    /// <summary>Act on applications (the procedure's steps).</summary>
    HandleRequests,

    /// <summary>
    /// Approve or refuse an extension a handler asked for: the consent of the 政府信息公开工作机构负责人 (条例 Art 33¶2),
    /// here the agency's 机关管理员 — never for their own request (the domain refuses it).
    /// </summary>
    ApproveExtensions,

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

    /// <summary>
    /// Load a year's State Council holiday notice (spec/calendar/README.md): it moves open deadlines of every agency,
    /// so only the 政务公开办 enters it, from the notice's text.
    /// </summary>
    ManageCalendar,

    /// <summary>
    /// List the staff accounts and their roles. A reading right: a 政务公开办 user also reads those of the agencies
    /// under theirs (the same reach as every other record), and changes none of them.
    /// </summary>
    ReadUsers,

    /// <summary>Create accounts, change roles, lock, unlock and reset passwords — own agency only, roles limited by <see cref="StaffAccess.GrantableRoles"/>.</summary>
    ManageUsers,

    /// <summary>Issue and revoke the agency's API keys, and see their list.</summary>
    ManageApiKeys,

    /// <summary>
    /// See an applicant's phone, e-mail and address in full (issue 13): those who work the case — 经办人, 审核人, 机关管理员
    /// of the agency handling it. Not a reading right: it never reaches an overseeing agency. Every full view is in the 台账.
    /// </summary>
    ReadContactDetails,

    /// <summary>
    /// See the agency's mail outbox (recipients masked) and send what is due now (spec/letters.md §6): its 机关管理员,
    /// who answers for the agency's SMTP relay. Own agency only.
    /// </summary>
    ManageMail,

    /// <summary>Set the agency's letter settings (文号 prefix and kind codes, 复议机关, court, contact; spec/letters.md §2, §4): own agency only.</summary>
    ManageLetterSettings,
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
        [StaffRoles.Handler] = [StaffRight.Read, StaffRight.HandleRequests, StaffRight.WriteItems, StaffRight.EnterFigures, StaffRight.ReadContactDetails],
        [StaffRoles.Reviewer] = [StaffRight.Read, StaffRight.WriteItems, StaffRight.ReviewItems, StaffRight.ReadContactDetails],
        [StaffRoles.AgencyAdmin] =
        [
            StaffRight.Read, StaffRight.HandleRequests, StaffRight.ApproveExtensions, StaffRight.WriteItems, StaffRight.EnterFigures,
            StaffRight.ManageReports, StaffRight.ReadAuditTrail, StaffRight.ReadUsers, StaffRight.ManageUsers, StaffRight.ManageApiKeys,
            StaffRight.ReadContactDetails, StaffRight.ManageMail, StaffRight.ManageLetterSettings,
        ],
        [StaffRoles.Oversight] = [StaffRight.Read, StaffRight.Oversee, StaffRight.ManageReports, StaffRight.ReadUsers, StaffRight.ManageUsers, StaffRight.ManageCalendar],
        [StaffRoles.Auditor] = [StaffRight.Read, StaffRight.ReadAuditTrail],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Permissions that only read: these reach the agencies under a 政务公开办 user's own.</summary>
    private static readonly FrozenSet<StaffRight> Reading = [StaffRight.Read, StaffRight.Oversee, StaffRight.ReadUsers];

    /// <summary>
    /// The roles each role may give (and so the accounts it may manage: only those whose every role it may give).
    /// 机关管理员 gives the agency's own roles, never 政务公开办: that office oversees other agencies, and an agency
    /// cannot appoint its own overseer. 政务公开办 gives only 政务公开办, in its own agency (a second officer). Nobody
    /// manages an account holding a role they could not give — resetting its password would be taking that role.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> Grantable = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [StaffRoles.AgencyAdmin] = [StaffRoles.Handler, StaffRoles.Reviewer, StaffRoles.AgencyAdmin, StaffRoles.Auditor],
        [StaffRoles.Oversight] = [StaffRoles.Oversight],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private IReadOnlyList<Agency>? _agencies;

    public static Guid? AgencyOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AgencyClaim), out var id) ? id : null;

    public static string DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";

    public static string UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The Chinese name of the first of the user's roles that grants the right (for the 台账), or null.</summary>
    public static string? RoleGranting(ClaimsPrincipal user, StaffRight right) =>
        StaffRoles.All.FirstOrDefault(r => user.IsInRole(r) && Grants.TryGetValue(r, out var rights) && rights.Contains(right)) is { } role
            ? StaffRoles.DisplayName(role)
            : null;

    /// <summary>True when one of the user's roles grants the right (in some agency).</summary>
    public static bool Has(ClaimsPrincipal user, StaffRight right) =>
        user.Identity?.IsAuthenticated == true && AgencyOf(user) is not null
        && Grants.Any(g => g.Value.Contains(right) && user.IsInRole(g.Key));

    /// <summary>
    /// True when the user works the agency's cases and so sees applicants in full (names, contact details): a role
    /// granting <see cref="StaffRight.ReadContactDetails"/> (经办人, 审核人, 机关管理员) in that very agency. 政务公开办 and
    /// 审计 read them masked (DESIGN.md: personal data masked where not needed).
    /// </summary>
    public static bool SeesApplicants(ClaimsPrincipal user, Guid agencyId) =>
        Has(user, StaffRight.ReadContactDetails) && AgencyOf(user) == agencyId;

    /// <summary>The roles the user may give and take away (in their own agency), in <see cref="StaffRoles.All"/> order.</summary>
    public static IReadOnlyList<string> GrantableRoles(ClaimsPrincipal user)
    {
        if (!Has(user, StaffRight.ManageUsers))
        {
            return [];
        }

        var grantable = Grantable.Where(g => user.IsInRole(g.Key)).SelectMany(g => g.Value).ToHashSet(StringComparer.Ordinal);
        return [.. StaffRoles.All.Where(grantable.Contains)];
    }

    /// <summary>
    /// Why the user may not make this change to an account of their own agency (null: they may). The caller has
    /// checked <see cref="StaffRight.ManageUsers"/> in the agency with <see cref="AllowsAsync"/> and found the account
    /// there. The roles are known role names (the page refuses others before).
    /// </summary>
    public static string? RefuseUserChange(ClaimsPrincipal user, StaffUserLine target, StaffUserChange change)
    {
        var grantable = GrantableRoles(user);
        if (target.Roles.FirstOrDefault(r => !grantable.Contains(r)) is { } held)
        {
            return $"该用户具有“{StaffRoles.DisplayName(held)}”角色，您无权管理该用户";
        }

        var self = target.Id.ToString("D") == UserIdOf(user);
        return change switch
        {
            StaffUserChange.SetRoles set when set.Roles.FirstOrDefault(r => !grantable.Contains(r)) is { } role => $"您无权授予“{StaffRoles.DisplayName(role)}”角色",

            // The roles that let the user manage accounts at all: giving them up would lock the agency's management out with them.
            StaffUserChange.SetRoles set when self && Grantable.Keys.FirstOrDefault(r => user.IsInRole(r) && !set.Roles.Contains(r)) is { } own =>
                $"不能移除自己的“{StaffRoles.DisplayName(own)}”角色",
            StaffUserChange.Lock when self => "不能锁定自己的账号",
            _ => null,
        };
    }

    /// <summary>Why the user may not create an account with these roles (null: they may).</summary>
    public static string? RefuseNewUser(ClaimsPrincipal user, IReadOnlyCollection<string> roles)
    {
        var grantable = GrantableRoles(user);
        return roles.FirstOrDefault(r => !grantable.Contains(r)) is { } role ? $"您无权授予“{StaffRoles.DisplayName(role)}”角色" : null;
    }

    /// <summary>The agencies the user may read: their own, and with <see cref="StaffRight.Oversee"/> all under it.</summary>
    public async Task<IReadOnlyList<Agency>> ReadableAgenciesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (AgencyOf(user) is not { } own)
        {
            return [];
        }

        var all = _agencies ??= await FindAgency.AllAsync(db, cancellationToken);
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
