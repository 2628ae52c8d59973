using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Accounts;
using Gongkai.Core.Features.Demo;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>Sign-in, lockout, sign-out and the first-run setup page.</summary>
public sealed partial class AccountTests(StaffSites sites)
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
    public async Task Login_FiveWrongPasswordsFromAStrangeBrowser_ThrottledEvenWithTheRightOne()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Anonymous();
        for (var i = 0; i < LoginThrottle.FailuresPerAddress; i++)
        {
            await StaffSite.LoginAsync(client, StaffSite.LockoutUser, "wrong-Password-1!");
        }

        var response = await StaffSite.LoginAsync(client, StaffSite.LockoutUser, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录失败次数过多，请15分钟后再试", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>Issue 16 (1): an unknown name gets every answer an existing one gets, throttling included.</summary>
    [Fact]
    public async Task Login_UnknownName_SameAnswersAsAnExistingName()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var known = await AnswersAsync(site.Anonymous(), StaffSite.ThrottledUser);
        var unknown = await AnswersAsync(site.Anonymous(), "no-such-user-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(known, unknown);
        Assert.Equal("用户名或密码错误", known[0]);
        Assert.StartsWith("登录失败次数过多", known[^1], StringComparison.Ordinal);
    }

    /// <summary>The error shown after each of six wrong passwords.</summary>
    private static async Task<List<string>> AnswersAsync(HttpClient client, string userName)
    {
        var answers = new List<string>();
        for (var i = 0; i <= LoginThrottle.FailuresPerAddress; i++)
        {
            var html = await (await StaffSite.LoginAsync(client, userName, "wrong-Password-1!")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            answers.Add(ErrorPattern().Match(html).Groups[1].Value);
        }

        return answers;
    }

    [GeneratedRegex("""<div class="errors[^"]*"[^>]*><ul><li>([^<]*)</li>""")]
    private static partial Regex ErrorPattern();

    /// <summary>Issue 16 (1): an unknown name's password is hashed like a known one's, so the answer takes as long.</summary>
    [Fact]
    public async Task Login_UnknownName_PasswordHashedLikeAKnownName()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var hasher = new CountingHasher();
        await using var counted = site.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(hasher)));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await StaffSite.LoginAsync(client, StaffSite.ThrottledUser + "-not", "wrong-Password-1!");
        var unknown = hasher.Verified;
        await StaffSite.LoginAsync(client, "reviewer", "wrong-Password-1!");

        Assert.Equal(1, unknown);
        Assert.Equal(2, hasher.Verified);
    }

    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>
    /// Issue 16 (1): a stranger's failures do not keep the owner out — from the browser the owner signed in with before,
    /// the right password still works; from any other browser it waits.
    /// </summary>
    [Fact]
    public async Task Login_StrangersFailures_OwnersBrowserStillSignsIn()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var owner = site.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSite.LoginAsync(owner, StaffSite.DeviceUser, DemoAccounts.Password)).StatusCode);
        var stranger = site.Anonymous();
        for (var i = 0; i < LoginThrottle.FailuresPerAddress + 3; i++)
        {
            await StaffSite.LoginAsync(stranger, StaffSite.DeviceUser, "wrong-Password-1!");
        }

        var fromOwnBrowser = await StaffSite.LoginAsync(owner, StaffSite.DeviceUser, DemoAccounts.Password);
        var fromElsewhere = await StaffSite.LoginAsync(site.Anonymous(), StaffSite.DeviceUser, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, fromOwnBrowser.StatusCode);
        Assert.Equal("/staff", fromOwnBrowser.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
        Assert.Contains("登录失败次数过多", await fromElsewhere.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>Issue 16 (1): an administrator's lock is told only to whoever knows the password.</summary>
    [Fact]
    public async Task Login_LockedByAdministrator_ToldOnlyAfterTheRightPassword()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Anonymous();

        var wrong = await StaffSite.LoginAsync(client, StaffSite.LockedUser, "wrong-Password-1!");
        var right = await StaffSite.LoginAsync(client, StaffSite.LockedUser, DemoAccounts.Password);

        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("用户名或密码错误", ErrorPattern().Match(await wrong.Content.ReadAsStringAsync(ct)).Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("该账户已被停用，请联系本机关管理员", ErrorPattern().Match(await right.Content.ReadAsStringAsync(ct)).Groups[1].Value);
        var cookies = right.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("gongkai.staff=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
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
        await using var database = await OnEmptySiteAsync(async (factory, client) =>
        {
            var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative), ct);
            Assert.Equal("/account/setup", login.Headers.Location?.OriginalString);
            Assert.Contains("创建初始管理员", await client.GetStringAsync(new Uri("/account/setup", UriKind.Relative), ct), StringComparison.Ordinal);

            var form = SetupForm("北京市某区政府办公室", "short1!", TokenOf(factory));
            var weak = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", form);
            Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
            Assert.Contains("密码至少12位", await weak.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

            form["Password"] = form["ConfirmPassword"] = "Initial#Admin2026";
            var created = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", form);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Contains("北京市某区政府办公室", await client.GetStringAsync(new Uri("/staff", UriKind.Relative), ct), StringComparison.Ordinal);

            var again = await factory.CreateClient().GetAsync(new Uri("/account/setup", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        });

        await using var check = GongkaiDatabase.Open(database.Target);
        Assert.Equal(1, await check.Users.CountAsync(ct));
    }

    [Fact]
    public async Task Setup_FirstAdmin_LeavesAuditEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await OnEmptySiteAsync(async (factory, client) =>
        {
            var created = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", SetupForm("北京市某区司法局", "Initial#Admin2026", TokenOf(factory)));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        });

        await using var check = GongkaiDatabase.Open(database.Target);
        var user = await check.Users.SingleAsync(ct);
        var entries = await check.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(ct);
        Assert.Equal(["agency.created", "user.created"], entries.Select(e => e.Action));
        var userCreated = entries[1];
        Assert.Equal((SetUpFirstAdmin.Actor, user.Id.ToString("D"), user.AgencyId), (userCreated.Actor, userCreated.EntityId, userCreated.AgencyId));
        Assert.Contains(StaffRoles.AgencyAdmin, userCreated.After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(check, ct)).IsIntact);
    }

    /// <summary>Issue 16 (3): without the token printed on the console, nobody becomes the first administrator.</summary>
    [Fact]
    public async Task Setup_WithoutTheConsolesToken_RefusedNothingCreated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await OnEmptySiteAsync(async (factory, client) =>
        {
            foreach (var token in new[] { "", "22222-22222-22222-22222", TokenOf(factory) + "2" })
            {
                var refused = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", SetupForm("北京市某区司法局", "Initial#Admin2026", token));
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains(token.Length == 0 ? "请填写初始设置口令" : "初始设置口令不正确", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            }

            // Typed in lower case without the dashes, it is the same token.
            var typed = TokenOf(factory).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
            var created = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", SetupForm("北京市某区司法局", "Initial#Admin2026", typed));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.False(factory.Services.GetRequiredService<SetupToken>().Matches(TokenOf(factory)), "spent");
        });

        await using var check = GongkaiDatabase.Open(database.Target);
        Assert.Equal(1, await check.Users.CountAsync(ct));
    }

    /// <summary>Issue 16 (3): after <c>gongkai demo</c> (records, no account), setup cannot take an agency that has records.</summary>
    [Fact]
    public async Task Setup_AgencyWithRecords_NotGivenToTheFirstVisitor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await OnEmptySiteAsync(async (factory, client) =>
        {
            await using (var db = GongkaiDatabase.Open(factory.Target))
            {
                Assert.True((await SeedDemo.HandleAsync(db, TimeProvider.System, WorkCalendar.Official, new SeedDemo.Request("test", AttachmentStore.ForDatabase(factory.Target)), ct))
                    .IsSuccess);
            }

            foreach (var agency in new[] { SeedDemo.SeedOffice, SeedDemo.District })
            {
                var refused = await StaffSite.PostAsync(client, "/account/setup", "/account/setup", SetupForm(agency, "Initial#Admin2026", TokenOf(factory)));
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains($"“{agency}”已有记录，不能在初始设置中为其创建管理员", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            }
        });

        await using var check = GongkaiDatabase.Open(database.Target);
        Assert.Equal(0, await check.Users.CountAsync(ct));
    }

    /// <summary>The site on a fresh database without accounts: <paramref name="act"/> with a client, then the database to check.</summary>
    private static async Task<TestDatabase> OnEmptySiteAsync(Func<EmptySite, HttpClient, Task> act)
    {
        var database = TestDatabase.Unmigrated(TestProviders.Sqlite, "gongkai-setup-");
        try
        {
            await using var factory = new EmptySite(database);
            await act(factory, factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static string TokenOf(WebApplicationFactory<Program> factory) => factory.Services.GetRequiredService<SetupToken>().Value;

    private static Dictionary<string, string> SetupForm(string agency, string password, string token) => new()
    {
        ["Token"] = token,
        ["AgencyName"] = agency,
        ["UserName"] = "first-admin",
        ["DisplayName"] = "初始管理员",
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    private sealed class EmptySite(TestDatabase database) : WebApplicationFactory<Program>
    {
        public DatabaseTarget Target => database.Target;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("db", database.Db);
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}
