using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Data.Protection;
using Gongkai.Core.Features.Accounts;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Mail;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Gongkai.Web.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The records the site serves: the same target as the CLI (<c>--db</c>, else <c>GONGKAI_DB</c>, else the one default
/// <see cref="DatabaseTarget.DefaultSqlitePath"/>, whatever folder the site runs in), one per process. The identity key is read and the context options are built once here, and
/// contexts come from a pool: a request's context is reset and reused after it, instead of EF Core setting up a new
/// one each time (a quarter of the home page's request before, BENCHMARKS.md).
/// </summary>
internal sealed class SiteDatabase
{
    /// <summary>Contexts kept for reuse; more requests at once than this get new ones, which are dropped afterwards.</summary>
    public const int PoolSize = 256;

    /// <summary>Where attached files are kept: beside a SQLite file by default (for PostgreSQL in <see cref="DataFolder.Default"/>).</summary>
    public const string FilesFolderKey = "Gongkai:FilesFolder";

    private readonly Func<GongkaiDbContext> _lease;

    public SiteDatabase(IConfiguration configuration, PublicContentChanges changes)
    {
        Target = DatabaseTarget.Resolve(configuration[SiteArguments.DatabaseKey]);
        Attachments = AttachmentStore.ForDatabase(Target, configuration[FilesFolderKey]);
        var options = GongkaiDatabase.Options(Target, IdentityProtector.ForDatabase(Target), changes);
        _lease = options switch
        {
            DbContextOptions<SqliteGongkaiDbContext> sqlite => new PooledDbContextFactory<SqliteGongkaiDbContext>(sqlite, PoolSize).CreateDbContext,
            DbContextOptions<PostgresGongkaiDbContext> postgres => new PooledDbContextFactory<PostgresGongkaiDbContext>(postgres, PoolSize).CreateDbContext,
            _ => throw new InvalidOperationException("Options of another context type."),
        };
    }

    public DatabaseTarget Target { get; }

    /// <summary>The attached files of the catalogue's items.</summary>
    public AttachmentStore Attachments { get; }

    /// <summary>A context from the pool; disposing it gives it back.</summary>
    public GongkaiDbContext Open() => _lease();

    /// <summary>
    /// Brings the schema up to date before the first request, and with <c>--demo</c> seeds the demo (as
    /// <c>gongkai demo</c>) into a database that holds no agency yet. False after saying why on stderr: the site does
    /// not start on a database it cannot open.
    /// </summary>
    public static async Task<bool> PrepareAsync(WebApplication app)
    {
        DatabaseTarget? target = null;
        var cancellationToken = app.Lifetime.ApplicationStopping;

        // Unusable mail settings stop the start with their message (mail silently never sent would be worse).
        var mail = MailSettings.Read(key => app.Configuration[key]);
        if (!mail.IsSuccess)
        {
            await Console.Error.WriteLineAsync(mail.Problem.Message);
            return false;
        }

        try
        {
            target = DatabaseTarget.Resolve(app.Configuration[SiteArguments.DatabaseKey]);
            await using var db = await GongkaiDatabase.OpenAndMigrateAsync(target, cancellationToken);
            await StaffIdentity.EnsureRolesAsync(db, cancellationToken);
            var calendar = app.Services.GetRequiredService<CalendarInForce>();
            await calendar.RefreshAsync(db, cancellationToken);
            Console.WriteLine($"工作日历：{calendar.Current.CoverageDescription}");
            if (app.Configuration.GetValue<bool>(SiteArguments.DemoKey))
            {
                if (!await SeedDemoAsync(db, calendar.Current, app.Services.GetRequiredService<SiteDatabase>().Attachments, target, cancellationToken)
                    || !await DemoAccounts.EnsureAsync(app.Services))
                {
                    return false;
                }

                DemoAccounts.Print();
            }
            else if (await SetUpFirstAdmin.IsOpenAsync(db, cancellationToken))
            {
                // The token on the console only (not the log): whoever runs the site reads it; a log collector need not.
                Console.WriteLine($"尚无用户：请打开 {AccountSetup.SetupPath} 创建初始管理员，初始设置口令：{app.Services.GetRequiredService<SetupToken>().Value}（仅本次启动有效，用后作废）");
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The operator gets the place and the reason, never a stack trace (nor a password: Display has none).
            await Console.Error.WriteLineAsync(target is null ? e.Message : $"无法打开数据库 {target.Display}：{e.GetBaseException().Message}");
            return false;
        }
    }

    private static async Task<bool> SeedDemoAsync(GongkaiDbContext db, WorkCalendar calendar, AttachmentStore files, DatabaseTarget target, CancellationToken cancellationToken)
    {
        if (await FindAgency.AnyAsync(db, cancellationToken))
        {
            Console.WriteLine($"数据库 {target.Display} 已有数据，未导入演示数据");
            return true;
        }

        Console.WriteLine($"正在向 {target.Display} 导入演示数据（{SeedDemo.District}及所属部门）……");
        var seeded = await SeedDemo.HandleAsync(db, TimeProvider.System, calendar, new SeedDemo.Request("web:demo", files), cancellationToken);
        if (!seeded.IsSuccess)
        {
            await Console.Error.WriteLineAsync(seeded.Problem.Message);
            return false;
        }

        Console.WriteLine($"已导入演示数据：{seeded.Value.Agencies.Count}个机关，示例机关：{SeedDemo.SeedOffice}");
        return true;
    }

    /// <summary>The calendar in force (official data plus <c>GONGKAI_CALENDAR</c>); a broken calendar stops the start.</summary>
    public static WorkCalendar LoadCalendar()
    {
        var loaded = CalendarSource.Load();
        return loaded.TryGetValue(out var calendar) ? calendar : throw new InvalidOperationException(loaded.Problem.Message);
    }
}
