using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Agencies;
using Gongkai.Domain.Common;

namespace Gongkai.Core.Features.Mail;

/// <summary>
/// An operator puts one message with a PDF into an agency's outbox and commits it (<c>gongkai mail queue</c>: a
/// letter printed elsewhere, or a test of the relay), recorded in the 台账 without the address. The letters feature
/// queues its own mail with <see cref="EnqueueMail"/> in the transaction instead.
/// </summary>
public static class QueueMail
{
    public sealed record Request(string AgencyName, string Recipient, string Subject, string Body, string AttachmentName, byte[] Attachment, string Actor);

    public static async Task<Result<OutboxMail>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindAgency.ByNameAsync(db, request.AgencyName, cancellationToken);
        if (!found.TryGetValue(out var agency))
        {
            return found.Problem;
        }

        var queued = EnqueueMail.Add(db, clock, new EnqueueMail.Request(agency.Id, null, request.Recipient, request.Subject, request.Body, request.AttachmentName, request.Attachment));
        if (!queued.TryGetValue(out var mail))
        {
            return queued.Problem;
        }

        AuditTrail.Record(db, clock, request.Actor, "mail.queued", nameof(OutboxMail), mail.Id.ToString("D"), agency.Id, null,
            JsonSerializer.Serialize(new { mail.Subject, mail.AttachmentName, mail.AttachmentSha256 }, AuditTrail.Json));
        await db.SaveChangesAsync(cancellationToken);
        return mail;
    }
}
