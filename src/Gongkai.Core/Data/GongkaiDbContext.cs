using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Data.Protection;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Appeals;
using Gongkai.Domain.Article20;
using Gongkai.Domain.Proactive;
using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Gongkai.Core.Data;

/// <summary>
/// The records (DESIGN.md: records are the truth). One model, two providers: <see cref="SqliteGongkaiDbContext"/>
/// (embedded default) and <see cref="PostgresGongkaiDbContext"/>, each with its own migration set. The staff accounts
/// (ASP.NET Core Identity) live in the same database, so a user's agency is a foreign key like any record's.
/// </summary>
public abstract class GongkaiDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>
    /// Encrypts identity numbers on their way into the database and decrypts them on the way out. It comes with the
    /// options (<see cref="ProtectorOptionsExtension"/>), so the constructor takes the options only and a host can
    /// keep a pool of contexts.
    /// </summary>
    public IdentityProtector Protector { get; } = options.FindExtension<ProtectorOptionsExtension>()?.Protector
        ?? throw new InvalidOperationException("The context's options carry no identity protector: build them with GongkaiDatabase.Options.");

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DisclosureRequest> Requests => Set<DisclosureRequest>();

    /// <summary>What staff recorded when they registered an application (channel facts, the scan of the paper form).</summary>
    public DbSet<RequestIntake> Intakes => Set<RequestIntake>();

    public DbSet<AppealCase> Appeals => Set<AppealCase>();

    public DbSet<Article20Statistics> Article20 => Set<Article20Statistics>();

    public DbSet<DisclosureItem> Items => Set<DisclosureItem>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<DisclosureGuide> Guides => Set<DisclosureGuide>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<CalendarNotice> CalendarNotices => Set<CalendarNotice>();

    /// <summary>E-mail to send, written with the change that causes it and drained by a worker (DESIGN.md: outbox).</summary>
    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();

    /// <summary>Issued letters (spec/letters.md): immutable but for their delivery (<see cref="LetterMapping"/>).</summary>
    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<LetterSeries> LetterSeries => Set<LetterSeries>();

    public DbSet<LetterSettingsRecord> LetterSettings => Set<LetterSettingsRecord>();

    /// <summary>Agencies' own wordings of the letter kinds, a row per saved version, never changed (<see cref="LetterTemplateVersion"/>).</summary>
    public DbSet<LetterTemplateVersion> LetterTemplates => Set<LetterTemplateVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // PostgreSQL keeps timestamptz in UTC only; SQLite's text compares correctly only in one offset.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditTrail();
        LetterMapping.GuardIssued(this);
        RequestMapping.UpdateDerivedColumns(this);
        ProactiveMapping.UpdateDerivedColumns(this);
        AuditTrail.Seal(this);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }
            catch (DbUpdateException) when (CanRechainAudit(attempt))
            {
            }
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditTrail();
        LetterMapping.GuardIssued(this);
        RequestMapping.UpdateDerivedColumns(this);
        ProactiveMapping.UpdateDerivedColumns(this);
        AuditTrail.Seal(this);
        return SaveWithRechainingAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task<int> SaveWithRechainingAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException) when (CanRechainAudit(attempt))
            {
            }
        }
    }

    /// <summary>
    /// Two writers recording at once both chain to the same last entry; the database lets one win (the sequence is
    /// the key). The other's SaveChanges, which ran in a transaction of its own and was rolled back whole, is tried
    /// again with its entries chained after the winner's — a few times, then the error stands. Inside a transaction
    /// the caller opened, nothing is retried: that transaction is the caller's to repeat.
    /// </summary>
    private bool CanRechainAudit(int attempt) =>
        attempt < 5 && Database.CurrentTransaction is null && AuditTrail.Rechain(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        AccountMapping.Configure(builder);

        builder.Entity<Agency>(agency =>
        {
            agency.ToTable("agencies");
            agency.HasKey(a => a.Id);
            agency.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
            agency.Property(a => a.Name).HasColumnName("name").HasMaxLength(Agency.MaxNameLength).IsRequired();
            agency.Property(a => a.ParentId).HasColumnName("parent_id");
            agency.HasIndex(a => a.Name).IsUnique();
            agency.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");

            // The sequence is the key: two writers chaining to the same entry cannot both succeed.
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            entry.Property(e => e.AgencyId).HasColumnName("agency_id");
            entry.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(200);
            entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(100);
            entry.Property(e => e.EntityType).HasColumnName("entity_type").HasMaxLength(100);
            entry.Property(e => e.EntityId).HasColumnName("entity_id").HasMaxLength(100);
            entry.Property(e => e.Before).HasColumnName("before");
            entry.Property(e => e.After).HasColumnName("after");
            entry.Property(e => e.At).HasColumnName("at");
            entry.Property(e => e.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64).IsFixedLength();
            entry.Property(e => e.Hash).HasColumnName("hash").HasMaxLength(64).IsFixedLength();
            entry.Property(e => e.RecordHash).HasColumnName("record_hash").HasMaxLength(64).IsFixedLength();
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });

        RequestMapping.Configure(builder, Protector);
        ConfigureAppeals(builder);
        Article20Mapping.Configure(builder, Database.IsNpgsql());
        ProactiveMapping.Configure(builder);
        ReportMapping.Configure(builder);
        CalendarNotice.Configure(builder);
        OutboxMail.Configure(builder, Protector);
        LetterMapping.Configure(builder);
    }

    private static void ConfigureAppeals(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AppealCase>(a =>
        {
            a.ToTable("appeal_cases");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            a.Property(x => x.AgencyId).HasColumnName("agency_id");
            a.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            a.Property(x => x.Kind).HasColumnName("kind");
            a.Property(x => x.CaseNumber).HasColumnName("case_number").HasMaxLength(AppealCase.MaxCaseNumberLength);
            a.Property(x => x.FiledOn).HasColumnName("filed_on");
            a.Property(x => x.Result).HasColumnName("result");
            a.Property(x => x.ResultOn).HasColumnName("result_on");
            a.Property(x => x.RequestId).HasColumnName("request_id");
            a.HasOne<DisclosureRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
            a.Property(x => x.Summary).HasColumnName("summary").HasMaxLength(AppealCase.MaxSummaryLength);

            // Idempotent imports find a case by its number within the agency.
            a.HasIndex(x => new { x.AgencyId, x.CaseNumber }).IsUnique();

            // Section 四's grouped query reads only these columns.
            a.HasIndex(x => new { x.AgencyId, x.FiledOn, x.ResultOn, x.Kind, x.Result });
        });

    /// <summary>The 台账 is append-only: changing or deleting an entry through the model is a bug.</summary>
    private void GuardAuditTrail()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: an AuditEntry was modified or deleted.");
        }
    }
}

public sealed class SqliteGongkaiDbContext(DbContextOptions<SqliteGongkaiDbContext> options) : GongkaiDbContext(options);

public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options) : GongkaiDbContext(options);

/// <summary>The model holds the protector's converter: one model per key, never one shared across keys.</summary>
internal sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), ((GongkaiDbContext)context).Protector.KeyId, designTime);
}

internal sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
