using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The agency's admin saves its own wording of a letter kind (spec/letters.md §1: an agency may override the wording,
/// never dropping a required field). The text goes through <see cref="LetterTemplate.Parse"/> for the kind, which
/// refuses it naming the required field it lacks or the unknown field it uses; accepted, it is the next version, in
/// force for the letters issued from now on (those issued keep the text they were composed with), with a 台账 entry.
/// Saving the text already in force adds no version.
/// </summary>
public static class SaveLetterTemplate
{
    public const string Action = "letter.templateSaved";

    /// <summary>About four times the longest built-in template (the reply's 24 bodies); more is no letter's wording.</summary>
    public const int MaxTextLength = 20_000;

    public sealed record Request(Guid AgencyId, LetterKind Kind, string? Text, string UserId);

    /// <param name="Version">The agency's version in force after the save.</param>
    /// <param name="Added">False when the text was the one in force already.</param>
    public sealed record Saved(LetterTemplate Template, int Version, bool Added);

    public static async Task<Result<Saved>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (await AgencyLetterTemplates.RefusalAsync(db, request.AgencyId, request.Kind, cancellationToken) is { } refused)
        {
            return refused;
        }

        // A browser's textarea sends CRLF; the stored text has one line ending so that the same wording is the same text.
        var text = (request.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length == 0)
        {
            return Problem.Invalid("letterTemplate.empty", "请填写模板内容；要改回内置模板，请使用“恢复内置模板”");
        }

        if (text.Length > MaxTextLength)
        {
            return Problem.Invalid("letterTemplate.tooLong", $"模板不能超过{MaxTextLength.ToString(CultureInfo.InvariantCulture)}个字");
        }

        var parsed = LetterTemplate.Parse(request.Kind, text);
        if (!parsed.TryGetValue(out var template))
        {
            return parsed.Problem;
        }

        var appended = await AgencyLetterTemplates.AppendAsync(db, clock, request.AgencyId, request.Kind, text, request.UserId, Action, cancellationToken);
        if (!appended.TryGetValue(out var added))
        {
            return appended.Problem;
        }

        var version = added?.Version
            ?? (await AgencyLetterTemplates.LatestAsync(db, request.AgencyId, request.Kind, cancellationToken))!.Version;
        return new Saved(template with { Version = version }, version, added is not null);
    }
}
