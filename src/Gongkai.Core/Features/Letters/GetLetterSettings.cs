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
        // The signatory is the agency's name as recorded, never a copy kept with the settings.
        return saved is null
            ? new Response(Default(name), true, null, null)
            : new Response(WithAllCodes(LetterJson.Settings(saved.Settings)) with { AgencyName = name }, false, saved.UpdatedAt, saved.UpdatedBy);
    }

    /// <summary>The settings in force for the agency (saved or default), for issuing a letter.</summary>
    internal static async Task<LetterSettings?> InForceAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken) =>
        (await HandleAsync(db, agencyId, cancellationToken)).TryGetValue(out var found) ? found.Settings : null;

    /// <summary>The default of an agency that saved none.</summary>
    public static LetterSettings Default(string agencyName) => new()
    {
        NumberPrefix = DefaultPrefix(agencyName),
        AgencyName = agencyName,
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

        return string.Concat(prefix.ToString().Where(c => !SaveLetterSettings.IsReserved(c)));
    }

    /// <summary>Every kind with its code (a kind added after the settings were saved gets the default).</summary>
    internal static LetterSettings WithAllCodes(LetterSettings settings) =>
        settings with { KindCodes = Enum.GetValues<LetterKind>().ToDictionary(k => k, settings.KindCode) };
}
