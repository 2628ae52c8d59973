using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// A member of staff sees an applicant's contact details in full (issue 13: the handler, reviewer and admin of the
/// agency handling the case; the host decides who). Every such view is written to the 台账: who saw the contact details
/// of which application, when, in which role — never the details themselves. Others see <see cref="ContactDetails.Masked"/>.
/// </summary>
public static class ViewContact
{
    public const string Action = "request.contactViewed";

    /// <param name="ViewerRole">The role that lets the viewer see the details, in Chinese (经办人, 审核人, 机关管理员).</param>
    public sealed record Request(Guid RequestId, Guid AgencyId, string ViewerId, string ViewerName, string ViewerRole);

    public static async Task<Result<ContactDetails>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.Id == request.RequestId && r.AgencyId == request.AgencyId)
            .Select(r => new { r.TrackingNumber, r.Applicant.Contact })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return ApplyStep.NotFound;
        }

        var entry = JsonSerializer.Serialize(new { 查看 = "申请人联系方式", 申请编号 = found.TrackingNumber, 查看人 = request.ViewerName, 身份 = request.ViewerRole }, AuditTrail.Json);
        AuditTrail.Record(db, clock, request.ViewerId, Action, nameof(DisclosureRequest), request.RequestId.ToString("D"), request.AgencyId, null, entry);
        await db.SaveChangesAsync(cancellationToken);
        return found.Contact;
    }
}
