using System.CommandLine;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Gongkai.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai users add --agency NAME --user NAME --name 姓名 --roles AgencyAdmin[,Oversight…]</c>: a staff account made
/// by the operator, for what the site's pages cannot make — the first 机关管理员 of each agency a district adds with
/// <c>gongkai agency add</c>, and the first 政务公开办 account (only 政务公开办 may give that role on the site). The
/// password is generated, printed once and stored only as Identity's hash; the account is in the 台账 like one made on
/// the 用户管理 page. The user changes nothing else here: roles, locks and resets are the site's.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "所属机关全称", Required = true };
        var user = new Option<string>("--user") { Description = "用户名（登录名）", Required = true };
        var name = new Option<string>("--name") { Description = "姓名", Required = true };
        var roles = new Option<string>("--roles")
        {
            Description = "角色，逗号分隔：" + string.Join("，", StaffRoles.All.Select(r => $"{r}（{StaffRoles.DisplayName(r)}）")),
            Required = true,
        };
        var add = new Command("add", "添加工作人员账号（密码随机生成，只显示一次）") { agency, user, name, roles, db };
        add.SetAction(async (result, cancellationToken) =>
        {
            var wanted = result.GetValue(roles)!.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (wanted.FirstOrDefault(r => !StaffRoles.All.Contains(r, StringComparer.Ordinal)) is { } unknown)
            {
                return GongkaiCli.Refused(Problem.Invalid("user.unknownRole", $"未知角色「{unknown}」：可用 {string.Join("、", StaffRoles.All)}"), stderr);
            }

            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                await StaffIdentity.EnsureRolesAsync(context, cancellationToken);
                await using var services = IdentityOn(context);
                var password = StaffIdentity.NewPassword();
                var created = await CreateStaffUser.HandleAsync(
                    context, services.GetRequiredService<UserManager<StaffUser>>(), TimeProvider.System,
                    new CreateStaffUser.Request(found.Id, result.GetValue(user)!, result.GetValue(name)!, [.. wanted.Distinct(StringComparer.Ordinal)], password, DatabaseOption.Actor),
                    cancellationToken);
                if (!created.TryGetValue(out var line))
                {
                    return GongkaiCli.Refused(created.Problem, stderr);
                }

                stdout.WriteLine($"已添加账号 {line.UserName}（{line.DisplayName}，{found.Name}；{string.Join("、", line.Roles.Select(StaffRoles.DisplayName))}）");
                stdout.WriteLine($"初始密码（只显示这一次，请转交本人并提醒及时修改）：{password}");
                return GongkaiCli.Ok;
            }, cancellationToken);
        });

        return new Command("users", "工作人员账号") { add };
    }

    /// <summary>Identity's user manager on the open context, with the site's rules and Chinese messages.</summary>
    private static ServiceProvider IdentityOn(GongkaiDbContext context)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context);
        services.AddIdentityCore<StaffUser>(StaffIdentity.Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddGongkaiPasswordRules();
        return services.BuildServiceProvider();
    }
}
