using System.Net;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Accounts;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>Sign-in, lockout, sign-out and the first-run setup page.</summary>
public sealed class AccountTests(StaffSites sites)
{
    [Fact]
    public async Task Login_DemoHandler_SignedInToStaffHome()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Anonymous();

        var response = await StaffSite.LoginAsync(client, "handler", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync(new Uri("/staff", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("演示经办人（经办人）", home, StringComparison.Ordinal);
        Assert.Contains("gongkai.staff", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Contains("httponly", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WrongPassword_ChineseMessageNoCookie()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var response = await StaffSite.LoginAsync(site.Anonymous(), "admin", "wrong-Password-1!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LockedEvenWithTheRightOne()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Anonymous();
        for (var i = 0; i < StaffIdentity.MaxFailedLogins; i++)
        {
            await StaffSite.LoginAsync(client, StaffSite.LockoutUser, "wrong-Password-1!");
        }

        var response = await StaffSite.LoginAsync(client, StaffSite.LockoutUser, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账户已锁定", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_TooManyPostsFromOneAddress_Chinese429PageWhateverTheAccount()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        await using var strict = site.Factory.WithWebHostBuilder(b => b.UseSetting("Gongkai:RateLimits:Login:PermitLimit", "3"));
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Three accounts, one wrong password each: the lockout counts per account and stops none of them.
        var statuses = new List<HttpStatusCode>();
        foreach (var user in new[] { "reviewer", "auditor", "oversight" })
        {
            statuses.Add((await StaffSite.LoginAsync(client, user, "wrong-Password-1!")).StatusCode);
        }

        var refused = await StaffSite.LoginAsync(client, "handler", DemoAccounts.Password);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After");
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("请求过于频繁", html, StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("gongkai.staff", StringComparison.Ordinal)), "not signed in");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Logout_Post_SignedOut()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync("auditor");

        var response = await StaffSite.PostAsync(client, "/staff", "/account/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync(new Uri("/staff", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Issue 16 (2): a copy of the session cookie taken before sign-out opens nothing after it.</summary>
    [Fact]
    public async Task Logout_CopiedCookie_RefusedAfterSignOut()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var jar = new CookieContainer();
        var client = site.Factory.CreateDefaultClient(new CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSite.LoginAsync(client, StaffSite.SignOutUser, DemoAccounts.Password)).StatusCode);
        var cookie = jar.GetCookies(client.BaseAddress!).Single(c => c.Name == "gongkai.staff");
        var copy = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(copy, cookie, ct)).StatusCode);
        var logout = await StaffSite.PostAsync(client, "/staff", "/account/logout", new Dictionary<string, string>());
        var after = await GetWithCookieAsync(copy, cookie, ct);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        // Signing in again works: the account is not locked, only the old session ended.
        var again = await site.SignInAsync(StaffSite.SignOutUser);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/staff", UriKind.Relative), ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, Cookie cookie, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/staff", UriKind.Relative));
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        return await client.SendAsync(request, ct);
    }

    [Fact]
    public async Task Setup_UsersExist_NotFound()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var get = await site.Anonymous().GetAsync(new Uri("/account/setup", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Setup_EmptyDatabase_WeakPasswordRefusedThenAdminCreatedThenClosed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Unmigrated(TestProviders.Sqlite, "gongkai-setup-");
        var db = database.Db;
        await using (var factory = new EmptySite(db))
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative), ct);
            Assert.Equal("/account/setup", login.Headers.Location?.OriginalString);
            Assert.Contains("创建初始管理员", await client.GetStringAsync(new Uri("/account/setup", UriKind.Relative), ct), StringComparison.Ordinal);

            var form = SetupForm("北京市某区政府办公室", "short1!");
            var weak = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", form);
            Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
            Assert.Contains("密码至少12位", await weak.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

            form["Password"] = form["ConfirmPassword"] = "Initial#Admin2026";
            var created = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", form);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Contains("北京市某区政府办公室", await client.GetStringAsync(new Uri("/staff", UriKind.Relative), ct), StringComparison.Ordinal);

            var again = await factory.CreateClient().GetAsync(new Uri("/account/setup", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        await using var check = GongkaiDatabase.Open(database.Target);
        Assert.Equal(1, await check.Users.CountAsync(ct));
    }

    [Fact]
    public async Task Setup_FirstAdmin_LeavesAuditEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Unmigrated(TestProviders.Sqlite, "gongkai-setup-");
        await using (var factory = new EmptySite(database.Db))
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var created = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", SetupForm("北京市某区司法局", "Initial#Admin2026"));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        await using var check = GongkaiDatabase.Open(database.Target);
        var user = await check.Users.SingleAsync(ct);
        var entries = await check.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(ct);
        Assert.Equal(["agency.created", "user.created"], entries.Select(e => e.Action));
        var userCreated = entries[1];
        Assert.Equal((SetUpFirstAdmin.Actor, user.Id.ToString("D"), user.AgencyId), (userCreated.Actor, userCreated.EntityId, userCreated.AgencyId));
        Assert.Contains(StaffRoles.AgencyAdmin, userCreated.After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(check, ct)).IsIntact);
    }

    private static Dictionary<string, string> SetupForm(string agency, string password) => new()
    {
        ["AgencyName"] = agency,
        ["UserName"] = "first-admin",
        ["DisplayName"] = "初始管理员",
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    private sealed class EmptySite(string db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("db", db);
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}
