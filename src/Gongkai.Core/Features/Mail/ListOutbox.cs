using Gongkai.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Mail;

/// <summary>One outbox row as staff see it: the recipient masked (issue 13), no attachment bytes.</summary>
public sealed record OutboxLine(
    Guid Id, Guid? LetterId, string MaskedRecipient, string Subject, string AttachmentName, string AttachmentSha256, MailState State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? ServerReply, string? LastError);

/// <summary>An agency's outbox, newest first (the staff page <c>/staff/mail</c>).</summary>
public static class ListOutbox
{
    public const int MaxLines = 200;

    public static async Task<IReadOnlyList<OutboxLine>> HandleAsync(GongkaiDbContext db, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var rows = await db.MailOutbox.AsNoTracking()
            .Where(m => m.AgencyId == agencyId)
            .OrderByDescending(m => m.CreatedAt)
            .Take(MaxLines)
            .Select(m => new
            {
                m.Id,
                m.LetterId,
                m.Recipient,
                m.Subject,
                m.AttachmentName,
                m.AttachmentSha256,
                m.State,
                m.Attempts,
                m.CreatedAt,
                m.NextAttemptAt,
                m.SentAt,
                m.ServerReply,
                m.LastError,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new OutboxLine(m.Id, m.LetterId, OutboxMail.Mask(m.Recipient), m.Subject, m.AttachmentName, m.AttachmentSha256, m.State, m.Attempts,
            m.CreatedAt, m.NextAttemptAt, m.SentAt, m.ServerReply, m.LastError))];
    }
}
