using System.Net;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>用户管理 through the pages: each change stored and in the 台账, every refusal in Chinese with nothing stored.</summary>
public sealed class UsersTests(StaffSites sites)
{
    private const string Page = "/staff/users";
    private const string StrongPassword = "Strong#Quill-Harbor7";

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task CreateRolesLockUnlockReset_AsAdmin_EachStoredAndAuditedWithoutSecrets(string provider)
    {
        var site = await sites.GetAsync(provider);
        var admin = await site.SignInAsync("admin");
        var name = NewName();

        var created = await StaffForms.PostAsync(admin, Page, Page + "?handler=Create",
            ("Input.UserName", name), ("Input.DisplayName", "测试用户甲"), ("Input.Password", StrongPassword), ("Roles", StaffRoles.Handler));
        Assert.Equal((HttpStatusCode.Redirect, Page), (created.Response.StatusCode, created.Response.Headers.Location?.OriginalString));
        await site.SignInAsync(name, StrongPassword);
        var id = await IdOfAsync(site, name);

        await ExpectRedirectAsync(admin, $"{Page}?handler=Roles&id={id}", ("Roles", StaffRoles.Reviewer), ("Roles", StaffRoles.Auditor));
        Assert.Equal([StaffRoles.Auditor, StaffRoles.Reviewer], await RolesOfAsync(site, name));

        await ExpectRedirectAsync(admin, $"{Page}?handler=Lock&id={id}");
        var locked = await StaffSite.LoginAsync(site.Anonymous(), name, StrongPassword);
        Assert.Contains("该账户已被停用", await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("已锁定", await admin.GetStringAsync(new Uri(Page, UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await ExpectRedirectAsync(admin, $"{Page}?handler=Unlock&id={id}");
        await site.SignInAsync(name, StrongPassword);

        const string newPassword = "Another#Maple-Tide9";
        await ExpectRedirectAsync(admin, $"{Page}?handler=Password&id={id}", ("NewPassword", newPassword));
        Assert.Equal(HttpStatusCode.OK, (await StaffSite.LoginAsync(site.Anonymous(), name, StrongPassword)).StatusCode);
        await site.SignInAsync(name, newPassword);

        await using var db = site.Open();
        var ct = TestContext.Current.CancellationToken;
        var adminId = (await db.Users.SingleAsync(u => u.UserName == "admin", ct)).Id.ToString("D");
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(StaffUser) && e.EntityId == id.ToString("D")).OrderBy(e => e.Sequence).ToListAsync(ct);
        Assert.Equal(["user.created", "user.rolesChanged", "user.locked", "user.unlocked", "user.passwordReset"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((adminId, site.OfficeId), (e.Actor, e.AgencyId!.Value)));
        var written = string.Join("\n", entries.Select(e => e.Before + e.After));
        Assert.Contains(name, written, StringComparison.Ordinal);
        foreach (var secret in new[] { StrongPassword, newPassword, "测试用户甲", "AQAAAA" })
        {
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
        }

        Assert.True((await AuditTrail.VerifyAsync(db, ct)).IsIntact);
    }

    [Fact]
    public async Task Lock_SignedInUser_SessionEndsAtTheNextCheck()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        var name = NewName();
        await ExpectRedirectAsync(admin, Page + "?handler=Create", ("Input.UserName", name), ("Input.DisplayName", "某人"), ("Input.Password", StrongPassword), ("Roles", StaffRoles.Handler));
        var victim = await site.SignInAsync(name, StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync(new Uri("/staff", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        await ExpectRedirectAsync(admin, $"{Page}?handler=Lock&id={await IdOfAsync(site, name)}");

        // The site's clock moves on by more than the check interval (still the same day for every other test).
        site.Clock.Advance(Gongkai.Web.Accounts.AccountSetup.SessionCheckInterval + TimeSpan.FromSeconds(1));
        var after = await victim.GetAsync(new Uri("/staff", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutPassword_GeneratedShownOnceNotCachedAndWorks()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        var name = NewName();

        var (response, html) = await StaffForms.PostAsync(admin, Page, Page + "?handler=Create",
            ("Input.UserName", name), ("Input.DisplayName", "测试用户乙"), ("Roles", StaffRoles.Handler), ("Roles", StaffRoles.Reviewer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var password = StaffForms.Secret(html);
        Assert.Equal(16, password.Length);
        await site.SignInAsync(name, password);
        Assert.Equal([StaffRoles.Handler, StaffRoles.Reviewer], await RolesOfAsync(site, name));
        var again = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(password, again, StringComparison.Ordinal);
        Assert.False(StaffForms.ShowsSecret(again));
    }

    public static TheoryData<string, string, string, int, string> BadNewUsers => new()
    {
        { "handler", StrongPassword, StaffRoles.Handler, 409, "用户名“handler”已被使用" },
        { "", StrongPassword, StaffRoles.Handler, 422, "请填写用户名" },
        { "weak-{0}", "short", StaffRoles.Handler, 422, "密码至少12位" },
        { "weak-{0}", "alllowercase-long-1", StaffRoles.Handler, 422, "密码应包含大写字母" },
        { "forged-{0}", StrongPassword, "SuperAdmin", 422, "无效的角色：SuperAdmin" },
        { "no-role-{0}", StrongPassword, "", 422, "请至少选择一个角色" },
        { "over-{0}", StrongPassword, StaffRoles.Oversight, 403, "您无权授予“政务公开办”角色" },
    };

    [Theory]
    [MemberData(nameof(BadNewUsers))]
    public async Task Create_BadInput_ChineseReasonNothingStored(string userName, string password, string role, int status, string reason)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, userName, Guid.NewGuid().ToString("N")[..8]);
        var before = await CountAsync(site, name);
        (string, string)[] fields = role.Length == 0
            ? [("Input.UserName", name), ("Input.DisplayName", "某人"), ("Input.Password", password)]
            : [("Input.UserName", name), ("Input.DisplayName", "某人"), ("Input.Password", password), ("Roles", role)];

        var (response, html) = await StaffForms.PostAsync(admin, Page, Page + "?handler=Create", fields);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(site, name));
    }

    [Fact]
    public async Task Change_AnotherAgencysUser_NotFoundNothingChanged()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        var other = await IdOfAsync(site, StaffSite.OtherAgencyUser);
        var before = await CountAsync(site, StaffSite.OtherAgencyUser);

        foreach (var (handler, field) in new[] { ("Roles", ("Roles", StaffRoles.AgencyAdmin)), ("Lock", ("x", "")), ("Password", ("NewPassword", StrongPassword)) })
        {
            var (response, html) = await StaffForms.PostAsync(admin, Page, $"{Page}?handler={handler}&id={other}", field);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("本机关没有该用户", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync(site, StaffSite.OtherAgencyUser));
        Assert.Equal([StaffRoles.Handler], await RolesOfAsync(site, StaffSite.OtherAgencyUser));
        await site.SignInAsync(StaffSite.OtherAgencyUser);
    }

    [Fact]
    public async Task Change_OwnAdminRoleOrLockSelf_RefusedAdminKept()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        var self = await IdOfAsync(site, "admin");
        var before = await CountAsync(site, "admin");

        var demote = await StaffForms.PostAsync(admin, Page, $"{Page}?handler=Roles&id={self}", ("Roles", StaffRoles.Handler));
        var lockSelf = await StaffForms.PostAsync(admin, Page, $"{Page}?handler=Lock&id={self}");

        Assert.Equal(HttpStatusCode.Forbidden, demote.Response.StatusCode);
        Assert.Contains("不能移除自己的“机关管理员”角色", demote.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, lockSelf.Response.StatusCode);
        Assert.Contains("不能锁定自己的账号", lockSelf.Html, StringComparison.Ordinal);
        Assert.Equal([StaffRoles.AgencyAdmin], await RolesOfAsync(site, "admin"));
        Assert.Equal(before, await CountAsync(site, "admin"));
        Assert.DoesNotContain($"handler=Lock&amp;id={self}", await admin.GetStringAsync(new Uri(Page, UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_AccountWithARoleTheAdminCannotGive_RefusedPasswordKept()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var name = NewName();
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = name, DisplayName = name, AgencyId = site.OfficeId };
            Assert.True((await users.CreateAsync(user, StrongPassword)).Succeeded && (await users.AddToRoleAsync(user, StaffRoles.Oversight)).Succeeded);
        }

        var admin = await site.SignInAsync("admin");
        var id = await IdOfAsync(site, name);

        var (response, html) = await StaffForms.PostAsync(admin, Page, $"{Page}?handler=Password&id={id}", ("NewPassword", "Taken#Over-Lantern4"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("该用户具有“政务公开办”角色，您无权管理该用户", html, StringComparison.Ordinal);
        await site.SignInAsync(name, StrongPassword);
    }

    [Fact]
    public async Task Oversight_ListsTheOfficeReadOnlyGivesOnlyOversightInItsOwnAgency()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var oversight = await site.SignInAsync("oversight");
        var ct = TestContext.Current.CancellationToken;

        var office = await oversight.GetStringAsync(new Uri($"{Page}?agency={site.OfficeId}", UriKind.Relative), ct);
        Assert.Contains(">handler</th>", office, StringComparison.Ordinal);
        Assert.DoesNotContain("创建用户", office, StringComparison.Ordinal);
        Assert.DoesNotContain("保存角色", office, StringComparison.Ordinal);

        var handler = await StaffForms.PostAsync(oversight, Page, Page + "?handler=Create",
            ("Input.UserName", NewName()), ("Input.DisplayName", "某人"), ("Roles", StaffRoles.Handler));
        Assert.Equal(HttpStatusCode.Forbidden, handler.Response.StatusCode);
        Assert.Contains("您无权授予“经办人”角色", handler.Html, StringComparison.Ordinal);

        var name = NewName();
        var officer = await StaffForms.PostAsync(oversight, Page, Page + "?handler=Create",
            ("Input.UserName", name), ("Input.DisplayName", "某人"), ("Input.Password", StrongPassword), ("Roles", StaffRoles.Oversight));
        Assert.Equal(HttpStatusCode.Redirect, officer.Response.StatusCode);
        await using var db = site.Open();
        var districtId = await db.Agencies.Where(a => a.Id == site.OfficeId).Select(a => a.ParentId).SingleAsync(ct);
        Assert.Equal(districtId, await db.Users.Where(u => u.UserName == name).Select(u => (Guid?)u.AgencyId).SingleAsync(ct));
    }

    [Fact]
    public async Task Forms_EveryOneCarriesAToken_PostWithoutOneRefusedNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        var name = NewName();
        foreach (var page in new[] { Page, "/staff/api-keys" })
        {
            var forms = StaffForms.FormsWithToken(await admin.GetStringAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken));
            Assert.True(forms.Count >= 2, page);
            Assert.All(forms, Assert.True);
        }

        var response = await admin.PostAsync(new Uri(Page + "?handler=Create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = name,
            ["Input.DisplayName"] = "某人",
            ["Input.Password"] = StrongPassword,
            ["Roles"] = StaffRoles.Handler,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await CountAsync(site, name)).Users);
    }

    [Fact]
    public async Task Navigation_LinksOnlyForRolesThatMayUseThem()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        foreach (var (user, users, keys) in new[] { ("admin", true, true), ("oversight", true, false), ("handler", false, false), ("auditor", false, false) })
        {
            var home = await (await site.SignInAsync(user)).GetStringAsync(new Uri("/staff", UriKind.Relative), ct);
            Assert.Equal((users, keys), (home.Contains("href=\"/staff/users\"", StringComparison.Ordinal), home.Contains("href=\"/staff/api-keys\"", StringComparison.Ordinal)));
        }
    }

    private static string NewName() => "t-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task ExpectRedirectAsync(HttpClient client, string path, params (string, string)[] fields)
    {
        var (response, html) = await StaffForms.PostAsync(client, Page, path, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
    }

    private static async Task<Guid> IdOfAsync(StaffSite site, string name)
    {
        await using var db = site.Open();
        return await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> RolesOfAsync(StaffSite site, string name)
    {
        await using var db = site.Open();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.UserName == name
                      orderby r.Name
                      select r.Name!).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Accounts with this name, and 台账 entries about accounts (so a refused change shows as nothing new).</summary>
    private static async Task<(int Users, int Entries)> CountAsync(StaffSite site, string name)
    {
        await using var db = site.Open();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Users.CountAsync(u => u.UserName == name, ct), await db.AuditEntries.CountAsync(e => e.EntityType == nameof(StaffUser), ct));
    }
}
