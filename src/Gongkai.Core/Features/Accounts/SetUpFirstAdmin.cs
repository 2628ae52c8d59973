using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Agencies;
using Gongkai.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Accounts;

/// <summary>
/// The first run: while no account exists, the initial 机关管理员 is created (and their agency, if it is not there
/// yet) through <see cref="CreateStaffUser"/>, so the first account has its 台账 entry like every other; the actor is
/// <see cref="Actor"/>, since nobody is signed in yet. Once one account exists, setup is closed. It never gives an
/// agency that already holds records (or agencies under it) to whoever comes first (issue 16, 3): such an agency's
/// first 机关管理员 is made by the operator (<c>gongkai users add</c>).
/// </summary>
public static class SetUpFirstAdmin
{
    /// <summary>Who the 台账 names for the first agency and account: the setup itself.</summary>
    public const string Actor = "setup";

    public const string ClosedCode = "setup.closed";

    public const string HasRecordsCode = "agency.hasRecords";

    public sealed record Request(string AgencyName, string UserName, string DisplayName, string Password);

    // One setup at a time in this process: two racing requests cannot both see "no account yet" and both create one.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Setup is open while the database holds no account at all.</summary>
    public static async Task<bool> IsOpenAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        !await db.Users.AnyAsync(cancellationToken);

    public static async Task<Result<StaffUserLine>> HandleAsync(
        GongkaiDbContext db, UserManager<StaffUser> users, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (!await IsOpenAsync(db, cancellationToken))
            {
                return Problem.Conflict(ClosedCode, "已有账号，初始设置已关闭");
            }

            var found = await FindAgency.ByNameAsync(db, request.AgencyName, cancellationToken);
            if (found.TryGetValue(out var agency) && await HasRecordsAsync(db, agency.Id, cancellationToken))
            {
                return Problem.Conflict(HasRecordsCode, $"“{agency.Name}”已有记录，不能在初始设置中为其创建管理员；请由运维人员用命令 gongkai users add 创建");
            }

            if (agency is null)
            {
                var added = await AddAgency.HandleAsync(db, clock, new AddAgency.Request(request.AgencyName.Trim(), null, Actor), cancellationToken);
                if (!added.TryGetValue(out agency))
                {
                    return added.Problem;
                }
            }

            return await CreateStaffUser.HandleAsync(db, users, clock,
                new CreateStaffUser.Request(agency.Id, request.UserName, request.DisplayName, [StaffRoles.AgencyAdmin], request.Password, Actor), cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Whether the agency holds any record of its work, or has agencies under it (a district after <c>gongkai demo</c>).</summary>
    private static async Task<bool> HasRecordsAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        await db.Agencies.AnyAsync(a => a.ParentId == agencyId, cancellationToken)
        || await db.Requests.AnyAsync(r => r.AgencyId == agencyId, cancellationToken)
        || await db.Items.AnyAsync(i => i.AgencyId == agencyId, cancellationToken)
        || await db.Appeals.AnyAsync(a => a.AgencyId == agencyId, cancellationToken)
        || await db.Article20.AnyAsync(a => a.AgencyId == agencyId, cancellationToken)
        || await db.ReportVersions.AnyAsync(r => r.AgencyId == agencyId, cancellationToken)
        || await db.Guides.AnyAsync(g => g.AgencyId == agencyId, cancellationToken)
        || await db.Letters.AnyAsync(l => l.AgencyId == agencyId, cancellationToken);
}
