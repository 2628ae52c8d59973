using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Creates the accounts missing (a second start changes nothing). False after saying why on stderr.</summary>
    public static async Task<bool> EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        foreach (var account in All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var agencyId = await db.Agencies.Where(a => a.Name == account.Agency).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
            if (agencyId is null)
            {
                await Console.Error.WriteLineAsync($"无法创建演示账号 {account.UserName}：机关“{account.Agency}”不存在");
                return false;
            }

            var user = new StaffUser { Id = Guid.NewGuid(), UserName = account.UserName, DisplayName = account.DisplayName, AgencyId = agencyId.Value };
            var created = await users.CreateAsync(user, Password);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, account.Role);
            }

            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync($"无法创建演示账号 {account.UserName}：{string.Join("；", created.Errors.Select(e => e.Description))}");
                return false;
            }
        }

        return true;
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
