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
/// <see cref="Actor"/>, since nobody is signed in yet. Once one account exists, setup is closed.
/// </summary>
public static class SetUpFirstAdmin
{
    /// <summary>Who the 台账 names for the first agency and account: the setup itself.</summary>
    public const string Actor = "setup";

    public const string ClosedCode = "setup.closed";

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
            if (!found.TryGetValue(out var agency))
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
}
