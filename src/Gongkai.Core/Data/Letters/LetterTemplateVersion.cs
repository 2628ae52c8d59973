using Gongkai.Domain.Letters;

namespace Gongkai.Core.Data.Letters;

/// <summary>
/// One saved version of an agency's wording of a letter kind (spec/letters.md §1): versions 1, 2, 3 … per agency and
/// kind, each a row of its own that is never changed; the highest is in force. A version without
/// <see cref="Text"/> is a reset: from it on the built-in template is in force again (so a reset is in the history with
/// who and when, and the built-in text is never copied: a later release's built-in wording reaches the agency).
/// </summary>
public sealed class LetterTemplateVersion
{
    public Guid AgencyId { get; init; }

    public LetterKind Kind { get; init; }

    /// <summary>1, 2, 3 … per agency and kind, in the order saved.</summary>
    public int Version { get; init; }

    /// <summary>The agency's template text (<see cref="LetterTemplate.Parse"/> accepted it); null for a reset to the built-in one.</summary>
    public string? Text { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    /// <summary>The user id of the admin who saved it.</summary>
    public required string SavedBy { get; init; }
}
