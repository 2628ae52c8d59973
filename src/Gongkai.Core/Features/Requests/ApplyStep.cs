using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// One step of the procedure on a stored application: the domain decides (a refused step changes nothing and
/// saves nothing), the new step and its 台账 entry are saved together. The entry records the state and the
/// deadlines before and after, never the applicant's personal data.
/// </summary>
public static class ApplyStep
{
    public sealed record Request(Guid RequestId, Guid AgencyId, RequestCommand Command);

    public static async Task<Result<RequestEvent>> HandleAsync(GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default)
    {
        // Scoped to the agency: a request of another agency is as good as absent.
        var disclosureRequest = await db.Requests.FirstOrDefaultAsync(r => r.Id == request.RequestId && r.AgencyId == request.AgencyId, cancellationToken);
        return disclosureRequest is null
            ? NotFound
            : await ApplyAsync(db, clock, calendar, disclosureRequest, request.Command, cancellationToken);
    }

    public static Problem NotFound { get; } = Problem.NotFound("request.notFound", "未找到该申请");

    /// <summary>The step on a request the caller has read (tracked by <paramref name="db"/>): applied, then saved with its 台账 entry.</summary>
    internal static async Task<Result<RequestEvent>> ApplyAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, DisclosureRequest disclosureRequest, RequestCommand command, CancellationToken cancellationToken)
    {
        var before = Snapshot(disclosureRequest);
        var applied = disclosureRequest.Apply(command, calendar);
        if (!applied.TryGetValue(out var step))
        {
            return applied.Problem;
        }

        AuditTrail.Record(db, clock, command.Actor.UserId, "request." + step.Trigger.ToString(), nameof(DisclosureRequest),
            disclosureRequest.Id.ToString("D"), disclosureRequest.AgencyId, before, Snapshot(disclosureRequest));
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    /// <summary>What the 台账 keeps of a request: number, state, clocks and outcome; no personal data.</summary>
    public static string Snapshot(DisclosureRequest request) => JsonSerializer.Serialize(new
    {
        request.TrackingNumber,
        State = request.State.ToString(),
        request.ReceivedOn,
        request.ReplyDue,
        request.ExtendedDue,
        ExtensionRequested = request.PendingExtension is { } pending ? new { pending.RequestedOn, pending.WorkingDays } : null,
        request.DelayedReplyDue,
        request.SupplementNoticeDue,
        request.ConsultationDue,
        request.FeeDue,
        Outcome = request.Outcome?.DisplayName,

        // Issue 14: what the reply told the applicant; the agency's reasons and the parts withheld, no personal data.
        Particulars = ReplyParticularsRule.IsEmpty(request.Particulars) ? (JsonElement?)null : JsonSerializer.SerializeToElement(request.Particulars, ReplyParticularsJson.Options),
        request.ReasonsRequested,
        request.ClosedOn,
        Steps = request.Events.Count,
    }, AuditTrail.Json);
}
