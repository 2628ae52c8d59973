using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data;

/// <summary>
/// How the versions of annual reports are stored: one row per version, the content as report-json.md text. The
/// database itself refuses to change or delete the content of a locked version (triggers in the ReportVersions
/// migration), so a lock holds even against a hand-written UPDATE.
/// </summary>
internal static class ReportMapping
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReportVersion>(r =>
        {
            r.ToTable("report_versions");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            r.Property(x => x.AgencyId).HasColumnName("agency_id");
            r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            r.Property(x => x.Year).HasColumnName("year");
            r.Property(x => x.Number).HasColumnName("number");
            r.Property(x => x.Format).HasColumnName("format");
            r.Property(x => x.Stage).HasColumnName("stage");
            r.Property(x => x.Content).HasColumnName("content").IsRequired();
            r.Property(x => x.ContentHash).HasColumnName("content_hash").HasMaxLength(64).IsFixedLength();
            r.Property(x => x.StartedAt).HasColumnName("started_at");
            r.Property(x => x.BuiltAt).HasColumnName("built_at");
            r.Property(x => x.ErrorCount).HasColumnName("error_count");
            r.Property(x => x.WarningCount).HasColumnName("warning_count");
            r.Property(x => x.CheckedAt).HasColumnName("checked_at");
            r.Property(x => x.Acknowledgement).HasColumnName("acknowledgement").HasMaxLength(ReportVersion.MaxAcknowledgementLength);
            r.Property(x => x.LockedAt).HasColumnName("locked_at");
            r.Property(x => x.LockedBy).HasColumnName("locked_by").HasMaxLength(200);
            r.Property(x => x.PublishedOn).HasColumnName("published_on");
            r.Ignore(x => x.IsLocked);
            r.Ignore(x => x.HashMatches);

            // Two writers starting the same version: one fails rather than both succeeding.
            r.HasIndex(x => new { x.AgencyId, x.Year, x.Number }).IsUnique();
            r.HasIndex(x => new { x.Year, x.AgencyId });
        });

    /// <summary>SQLite: a locked version's identity and content cannot change, and it cannot be deleted.</summary>
    public const string SqliteLockTriggers = """
        CREATE TRIGGER report_versions_locked_no_update BEFORE UPDATE ON report_versions
        WHEN OLD.content_hash IS NOT NULL AND (NEW.content IS NOT OLD.content OR NEW.content_hash IS NOT OLD.content_hash
            OR NEW.format IS NOT OLD.format OR NEW.agency_id IS NOT OLD.agency_id OR NEW.year IS NOT OLD.year OR NEW.number IS NOT OLD.number)
        BEGIN SELECT RAISE(ABORT, 'report_versions: a locked version is immutable'); END;
        CREATE TRIGGER report_versions_locked_no_delete BEFORE DELETE ON report_versions
        WHEN OLD.content_hash IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'report_versions: a locked version is immutable'); END;
        """;

    public const string SqliteDropLockTriggers = """
        DROP TRIGGER IF EXISTS report_versions_locked_no_update;
        DROP TRIGGER IF EXISTS report_versions_locked_no_delete;
        """;

    /// <summary>PostgreSQL: the same guard as <see cref="SqliteLockTriggers"/>.</summary>
    public const string PostgresLockTriggers = """
        CREATE FUNCTION report_versions_locked() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.content_hash IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.content IS DISTINCT FROM OLD.content
                OR NEW.content_hash IS DISTINCT FROM OLD.content_hash OR NEW.format IS DISTINCT FROM OLD.format
                OR NEW.agency_id IS DISTINCT FROM OLD.agency_id OR NEW.year IS DISTINCT FROM OLD.year
                OR NEW.number IS DISTINCT FROM OLD.number) THEN
                RAISE EXCEPTION 'report_versions: a locked version is immutable';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$;
        CREATE TRIGGER report_versions_locked BEFORE UPDATE OR DELETE ON report_versions FOR EACH ROW EXECUTE FUNCTION report_versions_locked();
        """;

    public const string PostgresDropLockTriggers = """
        DROP TRIGGER IF EXISTS report_versions_locked ON report_versions;
        DROP FUNCTION IF EXISTS report_versions_locked();
        """;
}
