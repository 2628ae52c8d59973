using System.Collections.Concurrent;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

[assembly: AssemblyFixture(typeof(Gongkai.Web.Tests.DemoSites))]

namespace Gongkai.Web.Tests;

/// <summary>
/// The site over the demo database (as <c>gongkai demo</c> makes it: the seed office's 2020 report locked and
/// published, guides, item texts and attached files) plus what the public pages need to show and hide: a department's
/// 2021 report locked, its 2020 report left a draft, a second version of the office's guide, an item withdrawn and an
/// item with an unreviewed update. One per provider, seeded once for the
/// whole assembly: the page tests only read. SQLite always; PostgreSQL when <c>GONGKAI_TEST_PG</c> is set.
/// </summary>
public sealed class DemoSites : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DemoSite>>> _sites = new(StringComparer.Ordinal);

    public Task<DemoSite> GetAsync(string provider) =>
        _sites.GetOrAdd(provider, p => new Lazy<Task<DemoSite>>(() => DemoSite.CreateAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        // A site whose seeding failed has failed its tests already; there is nothing to dispose.
        foreach (var site in _sites.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            await (await site.Value).DisposeAsync();
        }
    }
}

public sealed class DemoSite : IAsyncDisposable
{
    public const string GuideTitle = "北京市东城区对外联络服务办公室政府信息公开指南";
    public const string WithdrawnTitle = "北京市东城区对外联络服务办公室2019年工作计划及2020年工作总结";
    public const string UpdatedTitle = "北京市东城区对外联络服务办公室2020年部门预算";
    public const string UnreviewedTitle = "未经保密审查的更新标题";
    public const string AttachedTitle = "关于开展2021年对口帮扶工作的通知";
    public const string AttachmentName = "通知全文.pdf";

    /// <summary>The attachment's content (any bytes: the store keeps files by hash, it does not read them).</summary>
    public static readonly byte[] AttachmentBytes = "%PDF-1.4 通知全文"u8.ToArray();

    /// <summary>The day the demo was seeded: after every demo record, before the 2021 reports are due.</summary>
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));

    private readonly TestDatabase _database;

    private DemoSite(TestDatabase database)
    {
        _database = database;
        Factory = new SiteFactory(database.Db);
    }

    public DatabaseTarget Target => _database.Target;

    public WebApplicationFactory<Program> Factory { get; }

    public Guid DistrictId { get; private set; }

    public Guid OfficeId { get; private set; }

    /// <summary>A generated department with a locked 2021 report and a 2020 draft.</summary>
    public Guid DepartmentId { get; private set; }

    public string DepartmentName { get; private set; } = "";

    /// <summary>An item written, reviewed and published through the workflow, with a body and an attachment.</summary>
    public Guid AttachedItemId { get; private set; }

    /// <summary>A second host of the same site on a real loopback port (Kestrel), for a browser; the caller disposes it.</summary>
    public WebApplicationFactory<Program> StartOnLoopback()
    {
        var factory = new SiteFactory(_database.Db);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    public GongkaiDbContext Open() => GongkaiDatabase.Open(Target);

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<DemoSite> CreateAsync(string provider) =>
        await Cleanup.DisposeOnFailureAsync(new DemoSite(await TestDatabase.CreateAsync(provider, "gongkai_web_")), site => site.SeedAsync());

    private async Task SeedAsync()
    {
        var ct = CancellationToken.None;
        await using var db = Open();
        var calendar = WorkCalendar.Official;
        Check(await SeedDemo.HandleAsync(db, Clock, calendar, new SeedDemo.Request("test", AttachmentStore.ForDatabase(Target)), ct), "demo");
        DistrictId = await IdOfAsync(db, SeedDemo.District);
        OfficeId = await IdOfAsync(db, SeedDemo.SeedOffice);
        DepartmentName = SeedDemo.AgencyNames[2];
        DepartmentId = await IdOfAsync(db, DepartmentName);

        // The demo itself locked and published the seed office's 2020 report and each department's guide (version 1).
        // A department: 2021 locked but not yet published (public: the final text), 2020 only a draft (never public).
        await LockAsync(db, DepartmentId, 2021);
        Check(await SaveDraft.HandleAsync(db, calendar, Clock, new SaveDraft.Request(DepartmentId, 2020, null, "test"), ct), "draft");

        var guide = $"""
            # 一、主动公开
            本机关主动公开的政府信息，可在主动公开全清单中查阅。

            # 二、依申请公开
            1. 申请人可以通过网上、信函等方式提出申请。
            2. 本机关自收到申请之日起20个工作日内答复。

            - 受理机构：综合科
            - 办公时间：工作日上午9:00—12:00
            <script>alert("guide")</script>
            """;
        Check(await PublishGuide.HandleAsync(db, Clock, new PublishGuide.Request(OfficeId, GuideTitle, guide, new DateOnly(2020, 3, 9), "test"), ct), "guide");

        // Withdrawn: never on a public page. Updated: its public page keeps the published title while the new one waits.
        var admin = new ItemActor("admin", "管理员", ItemRole.Admin);
        var at = Clock.GetUtcNow();
        var withdrawn = await db.Items.AsNoTracking().SingleAsync(i => i.AgencyId == OfficeId && i.Title == WithdrawnTitle, ct);
        Check(await ApplyItemStep.HandleAsync(db, Clock, new ApplyItemStep.Request(withdrawn.Id, OfficeId, new WithdrawItem(admin, new DateOnly(2021, 12, 1), at, "内容已过时")), ct), "withdraw");
        var updated = await db.Items.AsNoTracking().SingleAsync(i => i.AgencyId == OfficeId && i.Title == UpdatedTitle, ct);
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == updated.CategoryId, ct);
        var content = new ItemContent { Category = category, Title = UnreviewedTitle, FormedOn = new DateOnly(2021, 12, 1), Body = "尚未审查的正文" };
        Check(await ApplyItemStep.HandleAsync(db, Clock, new ApplyItemStep.Request(updated.Id, OfficeId, new DraftItemUpdate(admin, new DateOnly(2021, 12, 1), at, content)), ct), "update");

        await PublishWithAttachmentAsync(db, at, ct);
    }

    private async Task PublishWithAttachmentAsync(GongkaiDbContext db, DateTimeOffset at, CancellationToken ct)
    {
        var (sha256, size) = await AttachmentStore.ForDatabase(Target).SaveAsync(new MemoryStream(AttachmentBytes), ct);
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.AgencyId == OfficeId && c.Name == "业务动态", ct);
        var content = new ItemContent
        {
            Category = category,
            Title = AttachedTitle,
            DocumentNumber = "东外联发〔2021〕7号",
            FormedOn = new DateOnly(2021, 12, 1),
            FullTextElectronic = true,
            Body = "各有关单位：\n现将2021年对口帮扶工作安排通知如下。",
            Attachments = [Attachment.Create(AttachmentName, sha256, size, "application/pdf").Value],
        };
        var staff = new ItemActor("staff1", "经办人甲", ItemRole.Staff);
        var reviewer = new ItemActor("reviewer1", "审核人乙", ItemRole.Reviewer);
        var day = new DateOnly(2021, 12, 2);
        var item = DisclosureItem.Create(new CreateItem(staff, day, at, Guid.NewGuid(), OfficeId, content)).Value;
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        AttachedItemId = item.Id;
        ItemCommand[] steps = [new SubmitItem(staff, day, at), new ApproveItem(reviewer, day, at), new PublishItem(reviewer, day, at)];
        foreach (var step in steps)
        {
            Check(await ApplyItemStep.HandleAsync(db, Clock, new ApplyItemStep.Request(item.Id, OfficeId, step), ct), step.Trigger.ToString());
        }
    }

    private static async Task LockAsync(GongkaiDbContext db, Guid agencyId, int year)
    {
        var drafted = await SaveDraft.HandleAsync(db, WorkCalendar.Official, Clock, new SaveDraft.Request(agencyId, year, null, "test"));
        Check(drafted.IsSuccess, "draft " + year);
        foreach (var (key, text) in new[] { ("text.problems", "信息公开专栏栏目设置有待优化，下一步将加强培训。"), ("text.other", "无") })
        {
            Check(await EditReportText.HandleAsync(db, Clock, new EditReportText.Request(agencyId, year, key, text, "test")), "text " + key);
        }

        var ack = drafted.Value.Report.WarningCount > 0 ? "测试：接受警告" : null;
        var locked = await LockReport.HandleAsync(db, WorkCalendar.Official, Clock, new LockReport.Request(agencyId, year, ack, "test"));
        Check(locked.IsSuccess, "lock " + year + ": " + (locked.IsSuccess ? "" : locked.Problem.Message));
    }

    private static Task<Guid> IdOfAsync(GongkaiDbContext db, string name) =>
        db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();

    private static void Check<T>(Result<T> result, string step) => Check(result.IsSuccess, step + (result.IsSuccess ? "" : ": " + result.Problem.Message));

    private static void Check(bool ok, string step)
    {
        if (!ok)
        {
            throw new InvalidOperationException("Seeding the test site failed at: " + step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cleanup.TryAsync("stop the demo site", async () => await Factory.DisposeAsync());
        await _database.DisposeAsync();
    }

    /// <summary>The site on this database, in Production mode (what the public gets: no developer pages).</summary>
    /// <param name="db">What an operator passes as <c>--db</c>: the SQLite file or the PostgreSQL connection string.</param>
    private sealed class SiteFactory(string db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("db", db);
            builder.UseSetting("urls", "http://127.0.0.1:0");

            // The site's today is the seeding day, not the machine's: what is due or overdue stays as seeded on any date.
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
