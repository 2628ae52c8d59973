using Gongkai.Core.Data;
using Gongkai.Core.Features.Accounts;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The templates page of an agency: for each kind, whether the built-in template or the agency's own version N is in
/// force, the last change (who, when, and whether it was a reset), the text in force, the built-in text to start from
/// and the fields the kind must and may use.
/// </summary>
public static class GetLetterTemplates
{
    /// <param name="AgencyVersion">The agency's version in force; null while the built-in template is.</param>
    /// <param name="LastVersion">The agency's latest version, a reset included; 0 when it saved none.</param>
    /// <param name="ChangedBy">The display name of who saved the latest version (the user id if no longer known).</param>
    /// <param name="Optional">The fields the kind may use beyond <paramref name="Required"/>, in order.</param>
    /// <param name="Stale">Why the agency's latest text no longer passes the checks of this release (the built-in one
    /// serves until it is fixed), or null.</param>
    /// <param name="TextToEdit">What the edit form starts from: the text in force, or the agency's stale text to fix.</param>
    public sealed record KindTemplate(
        LetterKind Kind, string Title, int? AgencyVersion, int LastVersion, DateTimeOffset? ChangedAt, string? ChangedBy,
        string TextInForce, string BuiltInText, int BuiltInVersion, IReadOnlyList<string> Required, IReadOnlyList<string> Optional,
        string? Stale, string TextToEdit)
    {
        public bool IsBuiltIn => AgencyVersion is null;

        /// <summary>What a letter composed now records as its template's version.</summary>
        public string VersionInForce => AgencyVersion is { } v ? AgencyLetterTemplates.AgencyVersion(v) : $"内置模板第{BuiltInVersion}版";
    }

    public static async Task<Result<IReadOnlyList<KindTemplate>>> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            return AgencyProblems.NotFound();
        }

        // The latest version of each kind (versions are few: an agency saves a kind's wording a handful of times).
        var versions = await db.LetterTemplates.AsNoTracking().Where(t => t.AgencyId == agencyId).ToListAsync(cancellationToken);
        var latest = versions.GroupBy(v => v.Kind).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
        var ids = latest.Values.Select(v => Guid.TryParse(v.SavedBy, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var names = await ListStaffUsers.DisplayNamesAsync(db, ids, cancellationToken);
        return Enum.GetValues<LetterKind>().Select(kind =>
        {
            var last = latest.GetValueOrDefault(kind);
            var builtIn = LetterTemplates.Default(kind);
            var required = LetterFields.Required(kind);
            var stale = AgencyLetterTemplates.Stale(last);
            var inForce = stale is null ? last?.Text : null;
            return new KindTemplate(
                kind, LetterKindNames.Title(kind), inForce is null ? null : last!.Version, last?.Version ?? 0, last?.SavedAt,
                last is null ? null : names.GetValueOrDefault(last.SavedBy, last.SavedBy),
                inForce ?? LetterTemplates.DefaultText(kind), LetterTemplates.DefaultText(kind), builtIn.Version,
                required, [.. LetterFields.Allowed(kind).Where(f => !required.Contains(f))],
                stale, last?.Text ?? LetterTemplates.DefaultText(kind));
        }).ToList();
    }
}
