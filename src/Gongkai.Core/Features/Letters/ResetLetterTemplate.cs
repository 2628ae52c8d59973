using Gongkai.Core.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The agency's admin puts the built-in template of a kind back in force: a new version without text (so the history
/// keeps who went back and when, and the agency follows the built-in wording of later releases), with a 台账 entry.
/// Nothing is added where the built-in one is in force already.
/// </summary>
public static class ResetLetterTemplate
{
    public const string Action = "letter.templateReset";

    public sealed record Request(Guid AgencyId, LetterKind Kind, string UserId);

    /// <summary>True when a version was added; false when the built-in template was in force already.</summary>
    public static async Task<Result<bool>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (await AgencyLetterTemplates.RefusalAsync(db, request.AgencyId, request.Kind, cancellationToken) is { } refused)
        {
            return refused;
        }

        var appended = await AgencyLetterTemplates.AppendAsync(db, clock, request.AgencyId, request.Kind, null, request.UserId, Action, cancellationToken);
        return appended.TryGetValue(out var added) ? added is not null : appended.Problem;
    }
}
