using Gongkai.Core.Data;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Features.Letters;

/// <summary>The template in force for an agency and kind: the built-in one (agency overrides: issue 14, item 1).</summary>
public static class AgencyLetterTemplates
{
    public static Task<LetterTemplate> InForceAsync(GongkaiDbContext db, Guid agencyId, LetterKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        _ = (agencyId, cancellationToken); // read once the agencies' own templates are stored
        return Task.FromResult(LetterTemplates.Default(kind));
    }
}
