using Gongkai.Core.Data;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The applicant's status lookup by agency, 申请编号 and 查询码: state, deadline, outcome and the dates of the steps
/// (what was done, never the descriptions, which may name third parties) and the letters issued to the applicant. Never the applicant's personal data, and
/// one answer for a wrong number and a wrong code, so the lookup cannot be used to find which numbers exist.
/// </summary>
public static class LookupApplication
{
    public const string NotFoundCode = "application.notFound";

    public sealed record Request(Guid AgencyId, string? TrackingNumber, string? QueryCode);

    public sealed record ProcedureStep(DateOnly Date, string Action, string State);

    public sealed record Response(
        string TrackingNumber,
        string AgencyName,
        RequestState State,
        string StateName,
        DateOnly SubmittedOn,
        DateOnly? ReceivedOn,
        DateOnly? ReplyDue,
        DateOnly? ExtendedDue,
        DateOnly? CurrentDue,
        string? DueProvisionalNote,
        string? Outcome,
        DateOnly? RepliedOn,
        DateOnly? ClosedOn,
        IReadOnlyList<ProcedureStep> Steps,
        IReadOnlyList<ListLetters.Line> Letters);

    /// <summary>
    /// Steps inside the agency the applicant is not told of: an extension asked for and not (yet) granted. The
    /// applicant learns of an extension when the head consented and they were told (条例 Art 33¶2: 告知申请人).
    /// </summary>
    private static bool IsInternal(RequestTrigger trigger) => trigger is RequestTrigger.RequestExtension or RequestTrigger.RefuseExtension;

    public static Problem NotFound { get; } = Problem.NotFound(NotFoundCode, "未找到该申请，请核对受理机关、申请编号和查询码");

    /// <param name="calendar">The calendar in force: a deadline in a year without a notice carries its provisional note.</param>
    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default)
    {
        if (await OpenedAsync(db, request, cancellationToken) is not { } id)
        {
            return NotFound;
        }

        var disclosureRequest = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        var due = disclosureRequest.State.IsTerminal() ? null : disclosureRequest.CurrentDue;
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        return new Response(
            disclosureRequest.TrackingNumber,
            agencyName,
            disclosureRequest.State,
            disclosureRequest.State.DisplayName(),
            disclosureRequest.SubmittedOn,
            disclosureRequest.ReceivedOn,
            disclosureRequest.ReplyDue,
            disclosureRequest.ExtendedDue,
            due,
            due is { } d ? calendar.ProvisionalNote(d) : null,
            disclosureRequest.Outcome?.DisplayName,
            disclosureRequest.RepliedOn,
            disclosureRequest.ClosedOn,
            [.. disclosureRequest.Events.Where(e => !IsInternal(e.Trigger)).OrderBy(e => e.Sequence).Select(e => new ProcedureStep(e.Date, e.Trigger.DisplayName(), e.ToState.DisplayName()))],
            await ListLetters.ToApplicantAsync(db, id, cancellationToken));
    }

    /// <summary>
    /// The application the 申请编号 and 查询码 open, or null: one answer for a wrong number and a wrong code. The code's
    /// hash is computed and compared whether or not the number exists: the same work for both wrong answers. Also the
    /// gate of the applicant's letters (ListLetters, GetLetter).
    /// </summary>
    internal static async Task<Guid?> OpenedAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = Requests.QueryCode.Normalize(request.QueryCode);
        var found = TrackingNumber.TryParse(request.TrackingNumber).TryGetValue(out var number)
            ? await db.Requests.AsNoTracking().IgnoreAutoIncludes()
                .Where(r => r.AgencyId == request.AgencyId && r.TrackingNumber == number.Value)
                .Select(r => new { r.Id, Hash = EF.Property<string?>(r, RequestMapping.QueryCodeHash) })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var matches = Requests.QueryCode.Matches(found?.Id ?? Guid.Empty, code ?? "", found?.Hash);
        return found is not null && code is not null && matches ? found.Id : null;
    }
}
