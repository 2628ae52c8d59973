using Gongkai.Core.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The receipt of an online submission shown again (the page the form redirects to, reloaded as often as the applicant
/// likes): only to who holds the 申请编号 and its 查询码, checked against the stored hash as the status lookup does;
/// anything else is <see cref="LookupApplication.NotFound"/>. It repeats what the applicant submitted (the kind and the
/// content) and the application as it stands; never the applicant's identity or contact details.
/// </summary>
public static class SubmissionReceipt
{
    public sealed record Response(SubmitOnline.Receipt Receipt, ApplicantKind ApplicantKind, string Content);

    public static async Task<Result<Response>> HandleAsync(
        GongkaiDbContext db, Guid agencyId, string? trackingNumber, string? queryCode, CancellationToken cancellationToken = default)
    {
        var code = QueryCode.Normalize(queryCode);
        var found = TrackingNumber.TryParse(trackingNumber).TryGetValue(out var number)
            ? await db.Requests.AsNoTracking().IgnoreAutoIncludes()
                .Where(r => r.AgencyId == agencyId && r.TrackingNumber == number.Value)
                .Select(r => new
                {
                    r.Id,
                    r.TrackingNumber,
                    r.SubmittedOn,
                    r.State,
                    r.ReceivedOn,
                    r.ReplyDue,
                    r.ExtendedDue,
                    r.DelayedReplyDue,
                    r.Content,
                    Kind = r.Applicant.Kind,
                    Hash = EF.Property<string?>(r, RequestMapping.QueryCodeHash),
                })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var matches = QueryCode.Matches(found?.Id ?? Guid.Empty, code ?? "", found?.Hash);
        if (found is null || code is null || !matches)
        {
            return LookupApplication.NotFound;
        }

        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var due = found.State.IsTerminal() ? null : Latest(Latest(found.ReplyDue, found.ExtendedDue), found.DelayedReplyDue);
        var receipt = new SubmitOnline.Receipt(agencyId, agencyName, found.TrackingNumber, code, found.SubmittedOn, found.State, found.ReceivedOn, due);
        return new Response(receipt, found.Kind, found.Content);
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
