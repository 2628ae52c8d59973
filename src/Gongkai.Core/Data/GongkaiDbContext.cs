using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data;

/// <summary>
/// The records (DESIGN.md: records are the truth). One model, two providers: <see cref="SqliteGongkaiDbContext"/>
/// (embedded default) and <see cref="PostgresGongkaiDbContext"/>, each with its own migration set.
/// </summary>
public abstract class GongkaiDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditTrail();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditTrail();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Agency>(agency =>
        {
            agency.ToTable("agencies");
            agency.HasKey(a => a.Id);
            agency.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
            agency.Property(a => a.Name).HasColumnName("name").HasMaxLength(Agency.MaxNameLength).IsRequired();
            agency.Property(a => a.ParentId).HasColumnName("parent_id");
            agency.HasIndex(a => a.Name).IsUnique();
            agency.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
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
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });
    }

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
