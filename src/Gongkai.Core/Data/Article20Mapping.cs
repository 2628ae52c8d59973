using System.Globalization;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Article20;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Core.Data;

/// <summary>
/// How an agency's 第二十条 statistics for a year are stored: one row per (agency, year) in
/// <c>article20_statistics</c>, its figures (cell key, value, provenance) and the history of their changes in tables
/// of their own, loaded with it.
/// </summary>
internal static class Article20Mapping
{
    // Figures keep their published digits (0.5950 is not 0.595, spec/report-json.md): PostgreSQL's unconstrained
    // numeric keeps the scale; SQLite keeps the decimal's own text (EF's default SQLite text drops trailing zeros).
    private static readonly ValueConverter<decimal, string> DecimalText = new(
        v => v.ToString(CultureInfo.InvariantCulture),
        s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));

    private static readonly ValueConverter<decimal?, string?> NullableDecimalText = new(
        v => v.HasValue ? v.Value.ToString(CultureInfo.InvariantCulture) : null,
        s => s == null ? null : decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));

    public static void Configure(ModelBuilder modelBuilder, bool postgres)
    {
        modelBuilder.Entity<Article20Statistics>(s =>
        {
            s.ToTable("article20_statistics");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            s.Property(x => x.AgencyId).HasColumnName("agency_id");
            s.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            s.Property(x => x.Year).HasColumnName("year");
            s.Property(x => x.Format).HasColumnName("format");
            s.HasIndex(x => new { x.AgencyId, x.Year }).IsUnique();
            s.HasMany(x => x.Figures).WithOne().HasForeignKey("StatisticsId").OnDelete(DeleteBehavior.Cascade);
            s.Navigation(x => x.Figures).HasField("_figures").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
            s.HasMany(x => x.History).WithOne().HasForeignKey("StatisticsId").OnDelete(DeleteBehavior.Cascade);
            s.Navigation(x => x.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        });

        modelBuilder.Entity<Article20Figure>(f =>
        {
            f.ToTable("article20_figures");
            f.Property<Guid>("StatisticsId").HasColumnName("statistics_id");
            f.HasKey("StatisticsId", nameof(Article20Figure.Key));
            f.Property(x => x.Key).HasColumnName("key").HasMaxLength(80);
            var value = f.Property(x => x.Value).HasColumnName("value");
            _ = postgres ? value.HasColumnType("numeric") : value.HasConversion(DecimalText);
            f.ComplexProperty(x => x.Provenance, Provenance);
        });

        modelBuilder.Entity<Article20FigureChange>(c =>
        {
            c.ToTable("article20_figure_changes");
            c.Property<Guid>("StatisticsId").HasColumnName("statistics_id");
            c.HasKey("StatisticsId", nameof(Article20FigureChange.Sequence));
            c.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            c.Property(x => x.Key).HasColumnName("key").HasMaxLength(80);
            var previous = c.Property(x => x.PreviousValue).HasColumnName("previous_value");
            _ = postgres ? previous.HasColumnType("numeric") : previous.HasConversion(NullableDecimalText);
            var value = c.Property(x => x.Value).HasColumnName("value");
            _ = postgres ? value.HasColumnType("numeric") : value.HasConversion(DecimalText);
            c.ComplexProperty(x => x.Provenance, Provenance);
        });
    }

    // A complex type: the same provenance value stands in a figure and in its history entry.
    private static void Provenance(ComplexPropertyBuilder<FigureProvenance> p)
    {
        p.Property(x => x.Kind).HasColumnName("provenance");
        p.Property(x => x.At).HasColumnName("at");
        p.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(FigureProvenance.MaxUserLength);
        p.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(FigureProvenance.MaxUserLength);
        p.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(FigureProvenance.MaxFileNameLength);
        p.Property(x => x.FileSha256).HasColumnName("file_sha256").HasMaxLength(64);
        p.Property(x => x.Row).HasColumnName("row");
    }
}
