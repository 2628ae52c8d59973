using Gongkai.Core.Data;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// One application as the back office shows it: the record with its steps, the staff steps its state allows now
/// (<see cref="TakeStep.StaffSteps(DisclosureRequest)"/>) and who may consent to an extension (<see cref="OfficeHeads"/>). Not scoped to
/// an agency: the caller checks the reader's access to <see cref="DisclosureRequest.AgencyId"/> before showing any of it.
/// </summary>
public static class ApplicationDetail
{
    public sealed record Response(DisclosureRequest Application, IReadOnlyList<RequestTransition> Actions, IReadOnlyList<OfficeHeads.Line> Approvers);

    public static async Task<Response?> HandleAsync(GongkaiDbContext db, Guid requestId, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is null
            ? null
            : new Response(request, TakeStep.StaffSteps(request), await OfficeHeads.ListAsync(db, request.AgencyId, cancellationToken));
    }
}
