using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data;

/// <summary>
/// One year's arrangement as loaded by an operator (a State Council notice that came out after the release): the
/// year's days as a <c>cn-holidays/1</c> document, versioned and never changed (spec/calendar/README.md: "the calendar
/// in force on a date is the one used to compute it"). The calendar in force is the shipped data with, for each year,
/// the highest <see cref="Version"/> loaded on top; <see cref="LoadedAt"/> tells which calendar any earlier step used.
/// </summary>
public sealed class CalendarNotice
{
    public const int MaxDocumentNumberLength = 100;

    public Guid Id { get; init; }

    public int Year { get; init; }

    /// <summary>1 for the first load of the year, then 2, 3 … (a correcting notice, as 国办发明电〔2020〕1号 was).</summary>
    public int Version { get; init; }

    /// <summary>The notice's number (国办发明电〔2026〕N号), when given.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>A <c>cn-holidays/1</c> document holding this year only.</summary>
    public required string Json { get; init; }

    /// <summary>SHA-256 of <see cref="Json"/>, hex: a second load of the same days is recognised and changes nothing.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Where it came from: the file's name, or 页面录入.</summary>
    public required string Source { get; init; }

    public required string LoadedBy { get; init; }

    public DateTimeOffset LoadedAt { get; init; }

    internal static void Configure(ModelBuilder builder) =>
        builder.Entity<CalendarNotice>(n =>
        {
            n.ToTable("calendar_notices");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            n.Property(x => x.Year).HasColumnName("year");
            n.Property(x => x.Version).HasColumnName("version");
            n.Property(x => x.DocumentNumber).HasColumnName("document_number").HasMaxLength(MaxDocumentNumberLength);
            n.Property(x => x.Json).HasColumnName("json");
            n.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
            n.Property(x => x.Source).HasColumnName("source").HasMaxLength(300);
            n.Property(x => x.LoadedBy).HasColumnName("loaded_by").HasMaxLength(200);
            n.Property(x => x.LoadedAt).HasColumnName("loaded_at");

            // Two operators loading the same year at once: one version each, never the same one twice.
            n.HasIndex(x => new { x.Year, x.Version }).IsUnique();
        });
}
