using System.Text.Json;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Core.Data;

/// <summary>
/// How the 主动公开 catalogue is stored: divisions, categories and topics per agency; an item per row of
/// <c>items</c> (the working version's content, its approval, topic ids and attachments as JSON), its published
/// versions and its steps in tables of their own, always loaded with it.
/// </summary>
internal static class ProactiveMapping
{
    /// <summary>The agency of a version's item, kept on the version so a district's figures need no join.</summary>
    public const string VersionAgencyId = "AgencyId";

    private sealed record AttachmentRow(string FileName, string Sha256, long Size, string MediaType);

    private static readonly ValueConverter<IReadOnlyList<Attachment>, string> AttachmentsJson = new(
        list => JsonSerializer.Serialize(list.Select(a => new AttachmentRow(a.FileName, a.Sha256, a.Size, a.MediaType)), (JsonSerializerOptions?)null),
        json => ToAttachments(json));

    private static readonly ValueComparer<IReadOnlyList<Attachment>> AttachmentsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, a) => HashCode.Combine(hash, a.GetHashCode())),
        list => list.ToList());

    private static readonly ValueConverter<IReadOnlyList<Guid>, string> GuidsJson = new(
        list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
        json => JsonSerializer.Deserialize<List<Guid>>(json, (JsonSerializerOptions?)null) ?? new List<Guid>());

    private static readonly ValueComparer<IReadOnlyList<Guid>> GuidsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, g) => HashCode.Combine(hash, g)),
        list => list.ToList());

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Division>(d =>
        {
            d.ToTable("divisions");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            d.Property(x => x.AgencyId).HasColumnName("agency_id");
            d.Property(x => x.Name).HasColumnName("name").HasMaxLength(50);
            d.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            d.HasIndex(x => new { x.AgencyId, x.Name }).IsUnique();
        });

        modelBuilder.Entity<Category>(c =>
        {
            c.ToTable("categories");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            c.Property(x => x.AgencyId).HasColumnName("agency_id");
            c.Property(x => x.Name).HasColumnName("name").HasMaxLength(Category.MaxNameLength);
            c.Property(x => x.ParentId).HasColumnName("parent_id");
            c.Property(x => x.Article20Item).HasColumnName("article20_item");
            c.Property(x => x.SortOrder).HasColumnName("sort_order");
            c.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Category>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.AgencyId, x.ParentId, x.Name }).IsUnique();
        });

        modelBuilder.Entity<Topic>(t =>
        {
            t.ToTable("topics");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.AgencyId).HasColumnName("agency_id");
            t.Property(x => x.Name).HasColumnName("name").HasMaxLength(Topic.MaxNameLength);
            t.Property(x => x.SortOrder).HasColumnName("sort_order");
            t.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            t.HasIndex(x => new { x.AgencyId, x.Name }).IsUnique();
        });

        modelBuilder.Entity<DisclosureItem>(i =>
        {
            i.ToTable("items");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            i.Property(x => x.AgencyId).HasColumnName("agency_id");
            i.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            i.Property(x => x.DivisionId).HasColumnName("division_id");
            i.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionId).OnDelete(DeleteBehavior.Restrict);
            i.Property(x => x.CategoryId).HasColumnName("category_id");
            i.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
            i.Property(x => x.TopicIds).HasField("_topicIds").UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasColumnName("topic_ids").HasConversion(GuidsJson, GuidsComparer);
            i.Property(x => x.Title).HasColumnName("title").HasMaxLength(500);
            i.Property(x => x.DocumentNumber).HasColumnName("document_number").HasMaxLength(100);
            i.Property(x => x.FormedOn).HasColumnName("formed_on");
            i.Property(x => x.FullTextElectronic).HasColumnName("full_text_electronic");
            i.Property(x => x.Body).HasColumnName("body");
            i.Property(x => x.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasColumnName("attachments").HasConversion(AttachmentsJson, AttachmentsComparer);
            i.Property(x => x.ProposalNumber).HasColumnName("proposal_number").HasMaxLength(100);
            i.Property(x => x.RepealedOn).HasColumnName("repealed_on");
            i.Property(x => x.AuthorId).HasColumnName("author_id").HasMaxLength(100);
            i.Property(x => x.State).HasColumnName("state");
            i.Property(x => x.Version).HasColumnName("version");
            i.ComplexProperty(x => x.Approval, Review);
            i.Property(x => x.RejectionReason).HasColumnName("rejection_reason").HasMaxLength(1000);
            i.Property(x => x.FirstPublishedOn).HasColumnName("first_published_on");
            i.Property(x => x.PublishedOn).HasColumnName("published_on");
            i.Property(x => x.WithdrawnOn).HasColumnName("withdrawn_on");
            i.Property(x => x.WithdrawalReason).HasColumnName("withdrawal_reason").HasMaxLength(1000);
            i.Ignore(x => x.PublicVersion);
            i.Ignore(x => x.WorkingVersionPublishedOn);
            i.HasMany(x => x.Versions).WithOne().HasForeignKey("ItemId").OnDelete(DeleteBehavior.Cascade);
            i.Navigation(x => x.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
            i.HasMany(x => x.Events).WithOne().HasForeignKey("ItemId").OnDelete(DeleteBehavior.Cascade);
            i.Navigation(x => x.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

            // The full list (全清单) and the portal: an agency's newest published items, filtered. The id ends each key
            // because the list is ordered by (published_on, id): without it the database reads and sorts every item of
            // the newest day to find the first 21 (about 950 a day over 1,000,000 items: 1 ms → 40 µs, BENCHMARKS.md).
            i.HasIndex(x => new { x.AgencyId, x.PublishedOn, x.Id });
            i.HasIndex(x => new { x.AgencyId, x.CategoryId, x.PublishedOn, x.Id });

            // A division's newest items without sorting all of them (BENCHMARKS.md: 21 ms → under 1 ms on SQLite).
            i.HasIndex(x => new { x.AgencyId, x.DivisionId, x.PublishedOn, x.Id });
        });

        modelBuilder.Entity<ItemVersion>(v =>
        {
            v.ToTable("item_versions");
            v.Property<Guid>("ItemId").HasColumnName("item_id");
            v.HasKey("ItemId", nameof(ItemVersion.Number));
            v.Property(x => x.Number).HasColumnName("number").ValueGeneratedNever();
            v.Property(x => x.CategoryId).HasColumnName("category_id");
            v.Property(x => x.DivisionId).HasColumnName("division_id");
            v.Property(x => x.TopicIds).HasColumnName("topic_ids").HasConversion(GuidsJson, GuidsComparer);
            v.Property(x => x.Title).HasColumnName("title").HasMaxLength(500);
            v.Property(x => x.DocumentNumber).HasColumnName("document_number").HasMaxLength(100);
            v.Property(x => x.Body).HasColumnName("body");
            v.Property(x => x.FormedOn).HasColumnName("formed_on");
            v.Property(x => x.FullTextElectronic).HasColumnName("full_text_electronic");
            v.Property(x => x.Attachments).HasColumnName("attachments").HasConversion(AttachmentsJson, AttachmentsComparer);
            v.Property(x => x.ProposalNumber).HasColumnName("proposal_number").HasMaxLength(100);
            v.Property(x => x.RepealedOn).HasColumnName("repealed_on");
            v.Property(x => x.PublishedOn).HasColumnName("published_on");
            v.ComplexProperty(x => x.Review, Review);
            v.Property<Guid>(VersionAgencyId).HasColumnName("agency_id");

            // The year's 主动公开 figures of many agencies at once (annual reports, the district's consolidation):
            // first versions by agency and publication date, with every column the summary reads.
            v.HasIndex(VersionAgencyId, nameof(ItemVersion.Number), nameof(ItemVersion.PublishedOn), nameof(ItemVersion.CategoryId),
                nameof(ItemVersion.FullTextElectronic), nameof(ItemVersion.FormedOn))
                .HasDatabaseName("ix_item_versions_summary");
        });

        modelBuilder.Entity<DisclosureGuide>(g =>
        {
            g.ToTable("guides");
            g.HasKey(x => x.Id);
            g.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            g.Property(x => x.AgencyId).HasColumnName("agency_id");
            g.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            g.Property(x => x.Version).HasColumnName("version");
            g.Property(x => x.Title).HasColumnName("title").HasMaxLength(DisclosureGuide.MaxTitleLength);
            g.Property(x => x.Text).HasColumnName("text");
            g.Property(x => x.EffectiveOn).HasColumnName("effective_on");
            g.Property(x => x.AuthorId).HasColumnName("author_id").HasMaxLength(100);
            g.Property(x => x.At).HasColumnName("at");
            g.HasIndex(x => new { x.AgencyId, x.Version }).IsUnique();
        });

        modelBuilder.Entity<ItemEvent>(e =>
        {
            e.ToTable("item_events");
            e.Property<Guid>("ItemId").HasColumnName("item_id");
            e.HasKey("ItemId", nameof(ItemEvent.Sequence));
            e.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            e.Property(x => x.Trigger).HasColumnName("trigger");
            e.Property(x => x.FromState).HasColumnName("from_state");
            e.Property(x => x.ToState).HasColumnName("to_state");
            e.Property(x => x.Date).HasColumnName("date");
            e.Property(x => x.At).HasColumnName("at");
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.Description).HasColumnName("description").HasMaxLength(2000);
            e.ComplexProperty(x => x.Actor, a =>
            {
                a.Property(p => p.UserId).HasColumnName("actor_id").HasMaxLength(100);
                a.Property(p => p.DisplayName).HasColumnName("actor_name").HasMaxLength(200);
                a.Property(p => p.Role).HasColumnName("actor_role");
            });
        });
    }

    /// <summary>Versions published before the agency id was kept on them take it from their item.</summary>
    public const string BackfillItemVersionAgency =
        "UPDATE item_versions SET agency_id = (SELECT items.agency_id FROM items WHERE items.id = item_versions.item_id);";

    /// <summary>Sets <see cref="VersionAgencyId"/> on every new published version from its item.</summary>
    public static void UpdateDerivedColumns(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<DisclosureItem>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var version in entry.Entity.Versions)
            {
                var versionEntry = db.Entry(version);
                if (versionEntry.State == EntityState.Added)
                {
                    versionEntry.Property(VersionAgencyId).CurrentValue = entry.Entity.AgencyId;
                }
            }
        }
    }

    /// <summary>The recorded 保密审查 of a version: who approved it, when, and the hash of the content approved.</summary>
    private static void Review(ComplexPropertyBuilder<ConfidentialityReview> r)
    {
        r.Property(x => x.Version).HasColumnName("review_version");
        r.Property(x => x.ReviewerId).HasColumnName("reviewer_id").HasMaxLength(100);
        r.Property(x => x.ReviewerName).HasColumnName("reviewer_name").HasMaxLength(200);
        r.Property(x => x.ReviewedOn).HasColumnName("reviewed_on");
        r.Property(x => x.ContentHash).HasColumnName("review_content_hash").HasMaxLength(64);
        r.Property(x => x.Imported).HasColumnName("review_imported");
        r.Property(x => x.AttachmentHashes).HasColumnName("review_attachment_hashes");
        r.Ignore(x => x.AttachmentHashList);
    }

    private static List<Attachment> ToAttachments(string json) =>
        [.. (JsonSerializer.Deserialize<List<AttachmentRow>>(json, (JsonSerializerOptions?)null) ?? [])
            .Select(a => Attachment.Create(a.FileName, a.Sha256, a.Size, a.MediaType).Value)];
}
