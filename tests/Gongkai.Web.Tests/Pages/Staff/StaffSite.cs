using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Accounts;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Proactive;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;
using Gongkai.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

[assembly: AssemblyFixture(typeof(Gongkai.Web.Tests.Pages.Staff.StaffSites))]

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// A back office to act in (separate from the read-only public demo site): the demo, its accounts (README), a handler
/// of another agency, and in the seed's office three applications (one received on the site's today, one overdue,
/// one due soon), a draft item, and the 2021 report drafted. The site's clock is fixed at <see cref="StaffSite.Today"/>.
/// </summary>
public sealed class StaffSites : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StaffSite>>> _sites = new(StringComparer.Ordinal);

    public Task<StaffSite> GetAsync(string provider) =>
        _sites.GetOrAdd(provider, p => new Lazy<Task<StaffSite>>(() => StaffSite.CreateAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var site in _sites.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            await (await site.Value).DisposeAsync();
        }
    }
}

public sealed partial class StaffSite : IAsyncDisposable
{
    public const string OtherAgencyUser = "other-handler";
    public const string OtherAgencyAdmin = "other-admin";
    public const string LockoutUser = "lockout-victim";

    /// <summary>Issue 16 (1): accounts only the sign-in tests use — failures counted, a browser of their own, an administrator's lock.</summary>
    public const string ThrottledUser = "throttled-user";
    public const string DeviceUser = "device-owner";
    public const string LockedUser = "locked-by-admin";

    /// <summary>Issue 16 (4): changes its own password in a test.</summary>
    public const string PasswordUser = "password-changer";

    /// <summary>Signs out in a test: its account's sessions end, so no other test signs in with it.</summary>
    public const string SignOutUser = "signout-user";
    public const string FreshNumber = "WEB-2022-0001";
    public const string OfficeKey = "test-key-of-the-seed-office-0123456789abcdef";
    public const string DepartmentKey = "test-key-of-the-department-0123456789abcdef";

    public static readonly DateOnly Today = new(2022, 1, 10);

    private readonly TestDatabase _database;

    private StaffSite(TestDatabase database)
    {
        _database = database;
        Factory = new Site(database.Db, Clock, this);
    }

    /// <summary>The site's clock (China time 09:00 on <see cref="Today"/>).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));

    public DatabaseTarget Target => _database.Target;

    public WebApplicationFactory<Program> Factory { get; }

    public Guid OfficeId { get; private set; }

    public Guid DepartmentId { get; private set; }

    /// <summary>Received in person on <see cref="Today"/>: clock running, nothing done yet.</summary>
    public Guid FreshRequestId { get; private set; }

    /// <summary>The 接收回执 of <see cref="FreshRequestId"/>, issued (issue 14).</summary>
    public Guid LetterId { get; private set; }

    /// <summary>A letter of the department registered by its handler with a scan of the form (issue 13).</summary>
    public Guid RegisteredRequestId { get; private set; }

    /// <summary>A draft item of the office written by the handler.</summary>
    public Guid DraftItemId { get; private set; }

    /// <summary>The office's demo 审计 account.</summary>
    public Guid AuditorId { get; private set; }

    /// <summary>An API key of the office issued into the <c>api_keys</c> table (as the API keys page does).</summary>
    public string TableKey { get; private set; } = "";

    /// <summary>An API key of the office in the table, revoked.</summary>
    public string RevokedKey { get; private set; } = "";

    public GongkaiDbContext Open() => GongkaiDatabase.Open(Target);

    public static async Task<StaffSite> CreateAsync(string provider) =>
        await Cleanup.DisposeOnFailureAsync(new StaffSite(await TestDatabase.CreateAsync(provider, "gongkai_staff_")), site => site.SeedAsync());

    /// <summary>A second host of the same site on a real loopback port, for a browser; the caller disposes it.</summary>
    public WebApplicationFactory<Program> StartOnLoopback()
    {
        var factory = new Site(_database.Db, Clock, this);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>A client with its own cookies, not signed in, that does not follow redirects.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="userName"/> (demo password).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoAccounts.Password)
    {
        var client = Anonymous();
        var response = await LoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/staff")
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password)
    {
        var token = await TokenAsync(client, "/account/login");
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of a page's forms (one per user and cookie).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + path);
    }

    /// <summary>Posts a form with the antiforgery token read from <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenFrom, string path, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(client, tokenFrom) };
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private async Task SeedAsync()
    {
        var ct = CancellationToken.None;
        var calendar = WorkCalendar.Official;
        await using (var db = Open())
        {
            Check((await SeedDemo.HandleAsync(db, Clock, calendar, new SeedDemo.Request("test", AttachmentStore.ForDatabase(Target)), ct)).IsSuccess, "demo");
            OfficeId = await db.Agencies.Where(a => a.Name == SeedDemo.SeedOffice).Select(a => a.Id).SingleAsync(ct);
            DepartmentId = await db.Agencies.Where(a => a.Name == SeedDemo.AgencyNames[2]).Select(a => a.Id).SingleAsync(ct);
        }

        // Starting the host migrates (again: nothing to do) and creates the roles; then the accounts, as --demo does.
        _ = Factory.Server;
        Check(await DemoAccounts.EnsureAsync(Factory.Services), "demo accounts");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var (name, agency, role) in new[] { (OtherAgencyUser, DepartmentId, StaffRoles.Handler), (LockoutUser, OfficeId, StaffRoles.Handler),
                (OtherAgencyAdmin, DepartmentId, StaffRoles.AgencyAdmin), (SignOutUser, OfficeId, StaffRoles.Auditor), (ThrottledUser, OfficeId, StaffRoles.Auditor),
                (DeviceUser, OfficeId, StaffRoles.Auditor), (LockedUser, OfficeId, StaffRoles.Auditor),
                (PasswordUser, OfficeId, StaffRoles.Handler) })
            {
                var user = new StaffUser { Id = Guid.NewGuid(), UserName = name, DisplayName = name, AgencyId = agency };
                Check((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded && (await users.AddToRoleAsync(user, role)).Succeeded, name);
                if (name == LockedUser)
                {
                    Check((await users.SetLockoutEndDateAsync(user, StaffUserLine.LockedForever)).Succeeded, "lock " + name);
                }
            }
        }

        await using (var db = Open())
        {
            AuditorId = await db.Users.Where(u => u.UserName == "auditor").Select(u => u.Id).SingleAsync(ct);
            TableKey = (await IssueApiKey.HandleAsync(db, Clock, new IssueApiKey.Request(OfficeId, "测试对接", "test"), ct)).Value.Key;
            var revoked = (await IssueApiKey.HandleAsync(db, Clock, new IssueApiKey.Request(OfficeId, "已撤销的对接", "test"), ct)).Value;
            Check((await RevokeApiKey.HandleAsync(db, Clock, new RevokeApiKey.Request(OfficeId, revoked.Line.Id, "test"), ct)).IsSuccess, "revoke key");
            RevokedKey = revoked.Key;
        }

        await using (var db = Open())
        {
            var at = Clock.GetUtcNow();
            var staff = new Actor("test", "测试", ActorRole.Staff);
            var contact = ContactDetails.Create("010-12345678", null, null).Value;
            var applicant = Applicant.NaturalPerson("张三", IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value, contact).Value;
            foreach (var (number, received) in new[] { (FreshNumber, Today), ("WEB-2021-0901", new DateOnly(2021, 11, 15)), ("WEB-2021-0902", new DateOnly(2021, 12, 14)) })
            {
                var id = Guid.NewGuid();
                var submitted = DisclosureRequest.Submit(new Submit(staff, received, at, id, OfficeId, number, applicant, Channel.InPerson, "请公开2021年对口支援资金使用情况"), calendar);
                Check(submitted.IsSuccess, "submit " + number);
                db.Requests.Add(submitted.Value);
                if (number == FreshNumber)
                {
                    FreshRequestId = id;
                }
            }

            var category = await db.Categories.AsNoTracking().FirstAsync(c => c.AgencyId == OfficeId && c.Name == "业务动态", ct);
            var handlerId = (await db.Users.SingleAsync(u => u.UserName == "handler", ct)).Id.ToString("D");
            await db.SaveChangesAsync(ct);
            var item = await StartItem.HandleAsync(db, Clock, new CreateItem(new ItemActor(handlerId, "演示经办人", ItemRole.Staff), Today, at, Guid.NewGuid(), OfficeId,
                new ItemContent { Category = category, Title = "测试草稿：2022年工作要点", FormedOn = Today, Body = "草稿正文" }), ct);
            Check(item.IsSuccess, "item");
            DraftItemId = item.Value.Id;
            Check((await SaveDraft.HandleAsync(db, calendar, Clock, new SaveDraft.Request(OfficeId, 2021, null, "test"), ct)).IsSuccess, "draft 2021");
        }

        await using (var db = Open())
        {
            var receipt = await IssueRequestLetter.HandleAsync(db, Clock, new IssueRequestLetter.Request(OfficeId, FreshRequestId, LetterKind.Receipt, "test"), ct);
            Check(receipt.IsSuccess, "receipt letter");
            LetterId = receipt.Value.Id;
        }

        await using (var db = Open())
        {
            using var scan = new MemoryStream("%PDF-1.4 申请表扫描件"u8.ToArray());
            var form = new OnlineApplicationForm
            {
                ApplicantKind = "NaturalPerson",
                Name = "登记测试人",
                PersonDocumentNumber = "11010519491231002X",
                Phone = "13700001111",
                Content = "登记测试：请公开本部门2021年部门决算",
            };
            var registered = await RegisterApplication.HandleAsync(db, Clock, calendar, AttachmentStore.ForDatabase(Target), new RegisterApplication.Request(DepartmentId, form,
                new RegisterApplication.IntakeInput(Channel.PostSigned, Today, "EA000000001CN", null, null, null, false), new Actor("test", "测试", ActorRole.Staff),
                new RegisterApplication.Scan("申请表.pdf", scan, scan.Length)), ct);
            Check(registered.IsSuccess && registered.Value.Registered is not null, "registered letter");
            RegisteredRequestId = registered.Value.Registered!.Id;
        }
    }

    private static void Check(bool ok, string step)
    {
        if (!ok)
        {
            throw new InvalidOperationException("Seeding the staff site failed at: " + step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cleanup.TryAsync("stop the staff site", async () => await Factory.DisposeAsync());
        await _database.DisposeAsync();
    }

    /// <summary>The site on this database with the fixed clock, in Production mode, with an API key for the office and one for the department.</summary>
    /// <remarks>The API keys name the agencies, known once seeded: the host is built on first use, after that.</remarks>
    private sealed class Site(string db, TimeProvider clock, StaffSite site) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("db", db);
            builder.UseSetting("urls", "http://127.0.0.1:0");

            // A test host has no client address, so every call shares one limit: high enough for the whole run.
            // The rate limit tests start a host of their own with a low limit.
            foreach (var limit in new[] { "Login", "Apply", "Lookup" })
            {
                builder.UseSetting($"Gongkai:RateLimits:{limit}:PermitLimit", "100000");
            }

            builder.UseSetting($"{ApiKeys.Section}:{ApiKeys.Hash(OfficeKey)}", site.OfficeId.ToString("D"));
            builder.UseSetting($"{ApiKeys.Section}:{ApiKeys.Hash(DepartmentKey)}", site.DepartmentId.ToString("D"));
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
