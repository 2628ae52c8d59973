using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The template in force for an agency and kind (spec/letters.md §1; issue 14, item 1): the latest version the agency's
/// admin saved (<see cref="SaveLetterTemplate"/>), or the built-in one where it saved none or its latest version is a
/// reset (<see cref="ResetLetterTemplate"/>). Versions are rows that are never changed (<see cref="LetterTemplateVersion"/>).
/// </summary>
public static class AgencyLetterTemplates
{
    public static async Task<LetterTemplate> InForceAsync(GongkaiDbContext db, Guid agencyId, LetterKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return InForce(kind, await LatestAsync(db, agencyId, kind, cancellationToken));
    }

    /// <summary>
    /// What a letter records as its template's version: "本机关第N版" for the agency's own wording, null for the built-in
    /// one (the letter then records the built-in text's own number).
    /// </summary>
    public static string? VersionLabel(LetterTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return ReferenceEquals(template, LetterTemplates.Default(template.Kind)) ? null : AgencyVersion(template.Version);
    }

    public static string AgencyVersion(int version) => $"本机关第{version.ToString(CultureInfo.InvariantCulture)}版";

    /// <summary>The template a stored version puts in force: the built-in one for none or a reset.</summary>
    internal static LetterTemplate InForce(LetterKind kind, LetterTemplateVersion? latest)
    {
        if (latest?.Text is not { } text)
        {
            return LetterTemplates.Default(kind);
        }

        // Parse accepted the text when it was saved; the version is the agency's series, whatever 版本 line it has. A
        // later release may require a field the saved text lacks: then the built-in wording serves (the letter records
        // the built-in version) rather than no letter at all, and the templates page asks the admin to fix it (Stale).
        var parsed = LetterTemplate.Parse(kind, text);
        return parsed.IsSuccess ? parsed.Value with { Version = latest.Version } : LetterTemplates.Default(kind);
    }

    /// <summary>Why the agency's saved text no longer serves (see <see cref="InForce"/>), or null.</summary>
    internal static string? Stale(LetterTemplateVersion? latest) =>
        latest?.Text is { } text && LetterTemplate.Parse(latest.Kind, text) is { IsSuccess: false } refused ? refused.Problem.Message : null;

    /// <summary>Null when the kind is one and the agency exists; else why a save or a reset is refused.</summary>
    internal static async Task<Problem?> RefusalAsync(GongkaiDbContext db, Guid agencyId, LetterKind kind, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind))
        {
            return Problem.Invalid("letterTemplate.kind", "文书种类无效");
        }

        return await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken) ? null : AgencyProblems.NotFound();
    }

    internal static Task<LetterTemplateVersion?> LatestAsync(GongkaiDbContext db, Guid agencyId, LetterKind kind, CancellationToken cancellationToken) =>
        db.LetterTemplates.AsNoTracking()
            .Where(t => t.AgencyId == agencyId && t.Kind == kind)
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Adds the next version of the agency's template of <paramref name="kind"/> (<paramref name="text"/> null: back to
    /// the built-in one) with its 台账 entry, unless it would change nothing: then the latest version stays in force and
    /// null is returned. Two admins saving at once cannot take one version number (the key): the second is refused.
    /// </summary>
    internal static async Task<Result<LetterTemplateVersion?>> AppendAsync(
        GongkaiDbContext db, TimeProvider clock, Guid agencyId, LetterKind kind, string? text, string userId, string action, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(db, agencyId, kind, cancellationToken);
        if (latest?.Text == text)
        {
            return (LetterTemplateVersion?)null;
        }

        var version = new LetterTemplateVersion
        {
            AgencyId = agencyId,
            Kind = kind,
            Version = (latest?.Version ?? 0) + 1,
            Text = text,
            SavedAt = clock.GetUtcNow(),
            SavedBy = userId,
        };
        db.LetterTemplates.Add(version);
        AuditTrail.Record(db, clock, userId, action, "LetterTemplate", $"{kind}/{version.Version.ToString(CultureInfo.InvariantCulture)}", agencyId,
            latest is null ? null : Snapshot(latest), Snapshot(version));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SubmissionWriter.IsConflict(e))
        {
            return Problem.Conflict("letterTemplate.concurrent", "该文书模板刚被他人修改，请刷新后重新保存");
        }

        return version;
    }

    /// <summary>The 台账's view of a version: the kind, whose wording, and the text's hash (the text itself is in its row).</summary>
    private static string Snapshot(LetterTemplateVersion version) => JsonSerializer.Serialize(new
    {
        Kind = LetterKindNames.Title(version.Kind),
        TemplateVersion = AgencyVersion(version.Version),
        Wording = version.Text is null
            ? $"内置模板（第{LetterTemplates.Default(version.Kind).Version.ToString(CultureInfo.InvariantCulture)}版）"
            : "本机关改写",
        TextSha256 = version.Text is null ? null : LetterJson.Sha256(version.Text),
    }, AuditTrail.Json);
}
