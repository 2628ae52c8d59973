using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The letters issued on an application, oldest first: for staff of its agency every letter, and for the applicant
/// (status page, with 申请编号 and 查询码) only those addressed to them — not the consultation of a third party or of
/// another agency, nor the notice to a third party. A corrected letter is listed with the 文号 that replaced it.
/// </summary>
public static class ListLetters
{
    public sealed record Line(
        Guid Id, LetterKind Kind, string Title, string Number, DateOnly IssuedOn, DateTimeOffset IssuedAt, string? ReplacesNumber, string? ReplacedByNumber,
        RecordDelivery.Delivery Delivery);

    /// <summary>Staff: every letter of the request, when it is the agency's (else not found, as another agency's request is).</summary>
    public static async Task<Result<IReadOnlyList<Line>>> ForStaffAsync(GongkaiDbContext db, Guid agencyId, Guid requestId, CancellationToken cancellationToken = default)
    {
        if (!await db.Requests.AnyAsync(r => r.Id == requestId && r.AgencyId == agencyId, cancellationToken))
        {
            return ApplyStep.NotFound;
        }

        return Result.Success(await LinesAsync(db, requestId, toApplicantOnly: false, cancellationToken));
    }

    /// <summary>Staff, by the application's 申请编号 within the agency (the command line).</summary>
    public static async Task<Result<IReadOnlyList<Line>>> ForStaffAsync(GongkaiDbContext db, Guid agencyId, TrackingNumber trackingNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        var requestId = await ApplicationIdAsync(db, agencyId, trackingNumber.Value, cancellationToken);
        return requestId is { } id ? Result.Success(await LinesAsync(db, id, toApplicantOnly: false, cancellationToken)) : ApplyStep.NotFound;
    }

    /// <summary>The id of the agency's application with this 申请编号 (as typed: a text no number can be is simply not found), or null.</summary>
    public static async Task<Guid?> ApplicationIdAsync(GongkaiDbContext db, Guid agencyId, string? trackingNumber, CancellationToken cancellationToken = default)
    {
        if (!TrackingNumber.TryParse(trackingNumber).TryGetValue(out var number))
        {
            return null;
        }

        var text = number.Value;
        return await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.TrackingNumber == text)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The applicant: the letters addressed to them, after the same check of number and code as <see cref="LookupApplication"/>.</summary>
    public static async Task<Result<IReadOnlyList<Line>>> ForApplicantAsync(GongkaiDbContext db, LookupApplication.Request lookup, CancellationToken cancellationToken = default)
    {
        var requestId = await LookupApplication.OpenedAsync(db, lookup, cancellationToken);
        return requestId is { } id ? Result.Success(await LinesAsync(db, id, toApplicantOnly: true, cancellationToken)) : LookupApplication.NotFound;
    }

    /// <summary>The applicant's letters of a request <see cref="LookupApplication"/> has opened (its status answer lists them).</summary>
    internal static Task<IReadOnlyList<Line>> ToApplicantAsync(GongkaiDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        LinesAsync(db, requestId, toApplicantOnly: true, cancellationToken);

    private static async Task<IReadOnlyList<Line>> LinesAsync(GongkaiDbContext db, Guid requestId, bool toApplicantOnly, CancellationToken cancellationToken)
    {
        var letters = await db.Letters.AsNoTracking()
            .Where(l => l.RequestId == requestId)
            .Select(l => new
            {
                l.Id,
                l.Kind,
                l.Number,
                l.IssuedOn,
                l.IssuedAt,
                l.ReplacesId,
                l.DeliveryMethod,
                l.PostedOn,
                l.EmsNumber,
                l.ReceivedOn,
                l.EmailedAt,
                l.FirstOpenedAt,
            })
            .ToListAsync(cancellationToken);

        // In memory: a request has a handful of letters, and SQLite cannot order by a DateTimeOffset.
        letters = [.. letters.OrderBy(l => l.IssuedAt).ThenBy(l => l.Kind)];
        var numbers = letters.ToDictionary(l => l.Id, l => l.Number);
        var replacedBy = letters.Where(l => l.ReplacesId is not null).ToDictionary(l => l.ReplacesId!.Value, l => l.Number);
        return
        [
            .. letters.Where(l => !toApplicantOnly || LetterKindNames.ToApplicant(l.Kind)).Select(l => new Line(
                l.Id, l.Kind, LetterKindNames.Title(l.Kind), l.Number, l.IssuedOn, l.IssuedAt,
                l.ReplacesId is { } r && numbers.TryGetValue(r, out var replaces) ? replaces : null,
                replacedBy.TryGetValue(l.Id, out var by) ? by : null,
                new RecordDelivery.Delivery(l.DeliveryMethod, l.PostedOn, l.EmsNumber, l.ReceivedOn, l.EmailedAt, l.FirstOpenedAt))),
        ];
    }
}
