using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Letters;

/// <summary>
/// How letters are stored: <c>letters</c> (one row an issued letter), <c>letter_series</c> (the last serial of each
/// agency's 文号 series per kind and year), <c>letter_settings</c> (an agency's settings as JSON) and
/// <c>letter_templates</c> (an agency's own wordings, a row per version, never changed: triggers in the
/// Issue14LetterTemplates migration). The document is
/// <c>text</c> on both providers, not PostgreSQL's jsonb, which would rewrite it and so break its hash. The database
/// itself refuses to change anything of an issued letter but its delivery, and to delete one (triggers in the
/// Issue14Letters migration), so a letter holds even against a hand-written UPDATE.
/// </summary>
internal static class LetterMapping
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Letter>(l =>
        {
            l.ToTable("letters");
            l.HasKey(x => x.Id);
            l.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            l.Property(x => x.AgencyId).HasColumnName("agency_id");
            l.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            l.Property(x => x.RequestId).HasColumnName("request_id");
            l.HasOne<DisclosureRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
            l.Property(x => x.Kind).HasColumnName("kind");
            l.Property(x => x.Year).HasColumnName("year");
            l.Property(x => x.Serial).HasColumnName("serial");
            l.Property(x => x.Number).HasColumnName("number").HasMaxLength(Letter.MaxNumberLength);
            l.Property(x => x.ReplacesId).HasColumnName("replaces_id");
            l.HasOne<Letter>().WithMany().HasForeignKey(x => x.ReplacesId).OnDelete(DeleteBehavior.Restrict);
            l.Property(x => x.Document).HasColumnName("document").IsRequired();
            l.Property(x => x.DocumentSha256).HasColumnName("document_sha256").HasMaxLength(64).IsFixedLength();
            l.Property(x => x.TemplateVersion).HasColumnName("template_version").HasMaxLength(Letter.MaxTemplateVersionLength);
            l.Property(x => x.IssuedBy).HasColumnName("issued_by").HasMaxLength(Letter.MaxIssuedByLength);
            l.Property(x => x.IssuedAt).HasColumnName("issued_at");
            l.Property(x => x.IssuedOn).HasColumnName("issued_on");
            l.Property(x => x.DeliveryMethod).HasColumnName("delivery_method");
            l.Property(x => x.PostedOn).HasColumnName("posted_on");
            l.Property(x => x.EmsNumber).HasColumnName("ems_number").HasMaxLength(Letter.MaxEmsNumberLength);
            l.Property(x => x.ReceivedOn).HasColumnName("received_on");
            l.Property(x => x.EmailedAt).HasColumnName("emailed_at");
            l.Property(x => x.FirstOpenedAt).HasColumnName("first_opened_at");

            // Two recordings of a delivery at once (staff and the status page's first opening): the second is refused,
            // not silently written over the first.
            foreach (var delivery in DeliveryProperties)
            {
                l.Property(delivery).IsConcurrencyToken();
            }

            // The series is gapless and each number taken once: a second writer with the same serial or 文号 fails.
            l.HasIndex(x => new { x.AgencyId, x.Kind, x.Year, x.Serial }).IsUnique();
            l.HasIndex(x => new { x.AgencyId, x.Number }).IsUnique();
            l.HasIndex(x => x.RequestId);

            // A letter is corrected once; the correction may itself be corrected (NULLs are distinct on both providers).
            l.HasIndex(x => x.ReplacesId).IsUnique();
        });

        builder.Entity<LetterSeries>(s =>
        {
            s.ToTable("letter_series");
            s.HasKey(x => new { x.AgencyId, x.Kind, x.Year });
            s.Property(x => x.AgencyId).HasColumnName("agency_id");
            s.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            s.Property(x => x.Kind).HasColumnName("kind");
            s.Property(x => x.Year).HasColumnName("year");
            s.Property(x => x.LastSerial).HasColumnName("last_serial");
        });

        builder.Entity<LetterSettingsRecord>(s =>
        {
            s.ToTable("letter_settings");
            s.HasKey(x => x.AgencyId);
            s.Property(x => x.AgencyId).HasColumnName("agency_id").ValueGeneratedNever();
            s.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            s.Property(x => x.Settings).HasColumnName("settings").IsRequired();
            s.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            s.Property(x => x.UpdatedBy).HasColumnName("updated_by").HasMaxLength(200);
        });

        builder.Entity<LetterTemplateVersion>(t =>
        {
            t.ToTable("letter_templates");
            // The key makes versions unique: two admins saving at once cannot both take the next version.
            t.HasKey(x => new { x.AgencyId, x.Kind, x.Version });
            t.Property(x => x.AgencyId).HasColumnName("agency_id");
            t.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            t.Property(x => x.Kind).HasColumnName("kind");
            t.Property(x => x.Version).HasColumnName("version");
            t.Property(x => x.Text).HasColumnName("text");
            t.Property(x => x.SavedAt).HasColumnName("saved_at");
            t.Property(x => x.SavedBy).HasColumnName("saved_by").HasMaxLength(200);
        });
    }

    /// <summary>
    /// Through the model: an issued letter's fields other than its delivery cannot be changed, and a letter cannot be
    /// deleted (a bug, as for the 台账); the database's triggers say the same to any other writer.
    /// </summary>
    public static void GuardIssued(GongkaiDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Letter>())
        {
            if (entry.State == EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !DeliveryProperties.Contains(p.Metadata.Name))))
            {
                throw new InvalidOperationException("An issued letter is immutable: only its delivery may be recorded.");
            }
        }

        if (db.ChangeTracker.Entries<LetterTemplateVersion>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("A saved template version is kept as it is: a change is a new version.");
        }
    }

    private static readonly HashSet<string> DeliveryProperties = new(StringComparer.Ordinal)
    {
        nameof(Letter.DeliveryMethod), nameof(Letter.PostedOn), nameof(Letter.EmsNumber), nameof(Letter.ReceivedOn), nameof(Letter.EmailedAt),
        nameof(Letter.FirstOpenedAt),
    };

    /// <summary>The columns fixed at issue (all but the delivery).</summary>
    private const string IssuedColumns =
        "id agency_id request_id kind year serial number replaces_id document document_sha256 template_version issued_by issued_at issued_on";

    private static IEnumerable<string> Columns => IssuedColumns.Split(' ');

    /// <summary>SQLite: an issued letter changes only in its delivery and is never deleted.</summary>
    public static string SqliteImmutableTriggers =>
        "CREATE TRIGGER letters_issued_no_update BEFORE UPDATE ON letters WHEN "
        + string.Join(" OR ", Columns.Select(c => $"NEW.{c} IS NOT OLD.{c}"))
        + " BEGIN SELECT RAISE(ABORT, 'letters: an issued letter is immutable'); END;\n"
        + "CREATE TRIGGER letters_issued_no_delete BEFORE DELETE ON letters BEGIN SELECT RAISE(ABORT, 'letters: an issued letter is immutable'); END;";

    public const string SqliteDropImmutableTriggers = """
        DROP TRIGGER IF EXISTS letters_issued_no_update;
        DROP TRIGGER IF EXISTS letters_issued_no_delete;
        """;

    /// <summary>PostgreSQL: the same guard as <see cref="SqliteImmutableTriggers"/>.</summary>
    public static string PostgresImmutableTriggers =>
        "CREATE FUNCTION letters_issued() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' OR "
        + string.Join(" OR ", Columns.Select(c => $"NEW.{c} IS DISTINCT FROM OLD.{c}"))
        + " THEN RAISE EXCEPTION 'letters: an issued letter is immutable'; END IF; RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END $$;\n"
        + "CREATE TRIGGER letters_issued BEFORE UPDATE OR DELETE ON letters FOR EACH ROW EXECUTE FUNCTION letters_issued();";

    /// <summary>SQLite: a saved template version is never changed or deleted (a change is a new version).</summary>
    public const string SqliteTemplateTriggers = """
        CREATE TRIGGER letter_templates_no_update BEFORE UPDATE ON letter_templates BEGIN SELECT RAISE(ABORT, 'letter_templates: a saved version is kept as it is'); END;
        CREATE TRIGGER letter_templates_no_delete BEFORE DELETE ON letter_templates BEGIN SELECT RAISE(ABORT, 'letter_templates: a saved version is kept as it is'); END;
        """;

    public const string SqliteDropTemplateTriggers = """
        DROP TRIGGER IF EXISTS letter_templates_no_update;
        DROP TRIGGER IF EXISTS letter_templates_no_delete;
        """;

    /// <summary>PostgreSQL: the same guard as <see cref="SqliteTemplateTriggers"/>.</summary>
    public const string PostgresTemplateTriggers = """
        CREATE FUNCTION letter_templates_kept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'letter_templates: a saved version is kept as it is'; END $$;
        CREATE TRIGGER letter_templates_kept BEFORE UPDATE OR DELETE ON letter_templates FOR EACH ROW EXECUTE FUNCTION letter_templates_kept();
        """;

    public const string PostgresDropTemplateTriggers = """
        DROP TRIGGER IF EXISTS letter_templates_kept ON letter_templates;
        DROP FUNCTION IF EXISTS letter_templates_kept();
        """;

    public const string PostgresDropImmutableTriggers = """
        DROP TRIGGER IF EXISTS letters_issued ON letters;
        DROP FUNCTION IF EXISTS letters_issued();
        """;
}
