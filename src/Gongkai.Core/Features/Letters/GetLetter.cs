using Gongkai.Core.Data;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// One issued letter with its document, as stored: for staff of its agency, or for the applicant (申请编号 and 查询码)
/// when it is addressed to them. <see cref="Response.HashMatches"/> says whether the stored JSON still has the hash it
/// was issued with (it always should: the database refuses a change).
/// </summary>
public static class GetLetter
{
    public sealed record Response(
        Guid Id, Guid RequestId, LetterKind Kind, string Number, int Year, int Serial, LetterDocument Document, string DocumentJson, string DocumentSha256,
        bool HashMatches, string? TemplateVersion, string IssuedBy, DateTimeOffset IssuedAt, DateOnly IssuedOn, string? ReplacesNumber, string? ReplacedByNumber,
        RecordDelivery.Delivery Delivery);

    public static async Task<Result<Response>> ForStaffAsync(GongkaiDbContext db, Guid agencyId, Guid letterId, CancellationToken cancellationToken = default)
    {
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.AgencyId == agencyId, cancellationToken);
        return letter is null ? IssueLetter.LetterNotFound : await ResponseAsync(db, letter, cancellationToken);
    }

    /// <summary>The agency that issued the letter (what decides who may see it), or null when there is no such letter.</summary>
    public static Task<Guid?> AgencyOfAsync(GongkaiDbContext db, Guid letterId, CancellationToken cancellationToken = default) =>
        db.Letters.AsNoTracking().Where(l => l.Id == letterId).Select(l => (Guid?)l.AgencyId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The applicant's copy: the letter of their application, addressed to them; else the lookup's one not-found answer.
    /// Reading it does not record an opening: the host calls <see cref="RecordDelivery.OpenedOnlineAsync"/> when the
    /// applicant opens it.
    /// </summary>
    public static async Task<Result<Response>> ForApplicantAsync(GongkaiDbContext db, LookupApplication.Request lookup, Guid letterId, CancellationToken cancellationToken = default)
    {
        var requestId = await LookupApplication.OpenedAsync(db, lookup, cancellationToken);
        var letter = requestId is null ? null : await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.RequestId == requestId, cancellationToken);
        return letter is null || !LetterKindNames.ToApplicant(letter.Kind) ? LookupApplication.NotFound : await ResponseAsync(db, letter, cancellationToken);
    }

    /// <summary>
    /// The letter of <paramref name="kind"/> on the application that stands: the latest issued that no correction
    /// replaced (a reprint prints it, a reply cites it); null when none was issued.
    /// </summary>
    internal static async Task<Letter?> InForceAsync(GongkaiDbContext db, Guid requestId, LetterKind kind, CancellationToken cancellationToken)
    {
        var unreplaced = await db.Letters.AsNoTracking()
            .Where(l => l.RequestId == requestId && l.Kind == kind && !db.Letters.Any(c => c.ReplacesId == l.Id))
            .ToListAsync(cancellationToken);
        return unreplaced.OrderByDescending(l => l.Year).ThenByDescending(l => l.Serial).FirstOrDefault();
    }

    private static async Task<Response> ResponseAsync(GongkaiDbContext db, Letter l, CancellationToken cancellationToken)
    {
        var replaces = l.ReplacesId is { } r ? await db.Letters.AsNoTracking().Where(x => x.Id == r).Select(x => x.Number).FirstOrDefaultAsync(cancellationToken) : null;
        var replacedBy = await db.Letters.AsNoTracking().Where(x => x.ReplacesId == l.Id).Select(x => x.Number).FirstOrDefaultAsync(cancellationToken);
        return new Response(
            l.Id, l.RequestId, l.Kind, l.Number, l.Year, l.Serial, LetterJson.Document(l.Document), l.Document, l.DocumentSha256,
            LetterJson.Sha256(l.Document) == l.DocumentSha256, l.TemplateVersion, l.IssuedBy, l.IssuedAt, l.IssuedOn, replaces, replacedBy, RecordDelivery.Delivery.Of(l));
    }
}
