using Gongkai.Core.Data;
using Gongkai.Core.Data.Letters;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// An agency's letter settings (spec/letters.md §2, §4): what its admin saved, or — until then — a default: the
/// 文号 prefix from the first characters of the agency's name, the default kind codes, a department, and no 复议机关
/// or court (the settings page says so; a decision letter needs them).
/// </summary>
public static class GetLetterSettings
{
    /// <summary>How many characters of the agency's name make the default prefix.</summary>
    public const int DefaultPrefixLength = 2;

    /// <param name="IsDefault">True when the agency has saved none: <paramref name="Settings"/> is the default.</param>
    public sealed record Response(LetterSettings Settings, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return AgencyProblems.NotFound();
        }

        var saved = await db.LetterSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken);
        return saved is null
            ? new Response(Default(name), true, null, null)
            : new Response(WithAllCodes(LetterJson.Settings(saved.Settings)), false, saved.UpdatedAt, saved.UpdatedBy);
    }

    /// <summary>The settings in force for the agency (saved or default), for issuing a letter.</summary>
    internal static async Task<LetterSettings?> InForceAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        (await HandleAsync(db, agencyId, cancellationToken)).TryGetValue(out var found) ? found.Settings : null;

    /// <summary>The default of an agency that saved none.</summary>
    public static LetterSettings Default(string agencyName) => new()
    {
        NumberPrefix = DefaultPrefix(agencyName),
        KindCodes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes),
        AgencyKind = AgencyKind.Department,
    };

    /// <summary>The first <see cref="DefaultPrefixLength"/> characters of the name (by text element, so no character is cut in half).</summary>
    public static string DefaultPrefix(string agencyName)
    {
        ArgumentNullException.ThrowIfNull(agencyName);
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(agencyName.Trim());
        var prefix = new System.Text.StringBuilder();
        for (var i = 0; i < DefaultPrefixLength && elements.MoveNext(); i++)
        {
            prefix.Append(elements.GetTextElement());
        }

        return prefix.ToString().Replace("〔", "", StringComparison.Ordinal).Replace("〕", "", StringComparison.Ordinal);
    }

    /// <summary>The kind code of the 文号: the agency's, else the default.</summary>
    public static string KindCode(LetterSettings settings, LetterKind kind)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.KindCodes.TryGetValue(kind, out var code) && !string.IsNullOrWhiteSpace(code) ? code : LetterSettings.DefaultKindCodes[kind];
    }

    /// <summary>Every kind with its code (a kind added after the settings were saved gets the default).</summary>
    internal static LetterSettings WithAllCodes(LetterSettings settings) =>
        settings with { KindCodes = Enum.GetValues<LetterKind>().ToDictionary(k => k, k => KindCode(settings, k)) };
}
