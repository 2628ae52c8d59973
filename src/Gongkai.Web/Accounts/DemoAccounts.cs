using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Demo;
using Gongkai.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Accounts;

/// <summary>
/// With <c>--demo</c>: one account per role for the seed's office, and a 政务公开办 account for 北京市东城区 — fixed names
/// and one documented password (README), printed at start-up. Only for demonstrations: never run against real data.
/// </summary>
public static class DemoAccounts
{
    /// <summary>Meets the password rules; published in the README, so only ever a demo's.</summary>
    public const string Password = "Gongkai#Demo2026";

    public sealed record Account(string UserName, string DisplayName, string Role, string Agency);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("handler", "演示经办人", StaffRoles.Handler, SeedDemo.SeedOffice),
        new("reviewer", "演示审核人", StaffRoles.Reviewer, SeedDemo.SeedOffice),
        new("admin", "演示机关管理员", StaffRoles.AgencyAdmin, SeedDemo.SeedOffice),
        new("auditor", "演示审计", StaffRoles.Auditor, SeedDemo.SeedOffice),
        new("oversight", "演示政务公开办", StaffRoles.Oversight, SeedDemo.District),
    ];

    /// <summary>Who the 台账 names for the demo's accounts, as for its records (SeedDemo's actor on the site).</summary>
    public const string Actor = "web:demo";

    /// <summary>
    /// Creates the accounts missing (a second start changes nothing), each through CreateStaffUser with its 台账 entry.
    /// False after saying why on stderr.
    /// </summary>
    public static async Task<bool> EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        foreach (var account in All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var agency = await FindAgency.ByNameAsync(db, account.Agency);
            if (!agency.TryGetValue(out var found))
            {
                return await RefusedAsync(account, agency.Problem);
            }

            var created = await CreateStaffUser.HandleAsync(db, users, clock,
                new CreateStaffUser.Request(found.Id, account.UserName, account.DisplayName, [account.Role], Password, Actor));
            if (!created.IsSuccess)
            {
                return await RefusedAsync(account, created.Problem);
            }
        }

        return true;
    }

    private static async Task<bool> RefusedAsync(Account account, Problem problem)
    {
        await Console.Error.WriteLineAsync($"无法创建演示账号 {account.UserName}：{problem.Message}");
        return false;
    }

    public static void Print()
    {
        Console.WriteLine($"演示账号（密码均为 {Password}，仅供演示）：");
        foreach (var account in All)
        {
            Console.WriteLine($"  {account.UserName,-10} {StaffRoles.DisplayName(account.Role)}（{account.Agency}）");
        }
    }
}
