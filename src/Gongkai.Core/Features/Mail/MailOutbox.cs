using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Letters;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Mail;

/// <summary>
/// Sends what the outbox holds (spec/letters.md §6: retried until the server accepts it, never lost). Each due row is
/// first claimed — one conditional UPDATE moves its <c>next_attempt_at</c> a lease ahead and counts the attempt — so
/// two site instances (or the site and <c>gongkai mail send</c>) never send the same row at once: the second UPDATE
/// finds the row no longer due and changes nothing. Then it is sent and marked: sent with the time and the server's
/// reply, or retried after a backoff, or failed for good on a permanent refusal. A process killed after the claim
/// leaves the row pending; it is due again when the lease runs out. A process killed after the server accepted the
/// message but before the mark sends it again once the lease is over, with the same Message-ID: at least once,
/// recognisably the same.
/// </summary>
public static class MailOutbox
{
    /// <summary>Longer than a send may take (<see cref="MailSettings.Timeout"/> per SMTP step).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    public const int BatchSize = 50;

    /// <summary>Who sends, in the 台账.</summary>
    public const string Actor = "system:mail";

    public sealed record Drained(int Sent, int Retrying, int FailedPermanently)
    {
        public int Claimed => Sent + Retrying + FailedPermanently;
    }

    /// <summary>30 s after the first attempt, doubling, at most an hour apart.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var delay = FirstRetry * Math.Pow(2, doublings);
        return delay < LongestRetry ? delay : LongestRetry;
    }

    /// <summary>Claims the due rows (up to <see cref="BatchSize"/>, oldest due first), sends each, and records the outcome.</summary>
    public static async Task<Drained> DrainAsync(GongkaiDbContext db, MailSender sender, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sender);
        var now = clock.GetUtcNow();
        var due = await db.MailOutbox.AsNoTracking()
            .Where(m => m.State == MailState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        int sent = 0, retrying = 0, failed = 0;
        foreach (var id in due)
        {
            var claimedAt = clock.GetUtcNow();
            var leaseEnd = claimedAt + Lease;
            var claimed = await db.MailOutbox
                .Where(m => m.Id == id && m.State == MailState.Pending && m.NextAttemptAt <= claimedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseEnd).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed != 1)
            {
                // Another drain took it between the read and the claim.
                continue;
            }

            var mail = await db.MailOutbox.SingleAsync(m => m.Id == id, cancellationToken);
            switch (await SendOneAsync(db, sender, clock, mail, cancellationToken))
            {
                case MailState.Sent:
                    sent++;
                    break;
                case MailState.FailedPermanently:
                    failed++;
                    break;
                default:
                    retrying++;
                    break;
            }

            db.ChangeTracker.Clear();
        }

        return new Drained(sent, retrying, failed);
    }

    private static async Task<MailState> SendOneAsync(GongkaiDbContext db, MailSender sender, TimeProvider clock, OutboxMail mail, CancellationToken cancellationToken)
    {
        try
        {
            var (messageId, reply) = await sender.SendAsync(mail, cancellationToken);
            mail.State = MailState.Sent;
            mail.SentAt = clock.GetUtcNow();
            mail.MessageId = messageId;
            mail.ServerReply = MailErrors.Scrub(reply, mail.Recipient);
            mail.LastError = null;
            Record(db, clock, mail, "mail.sent");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            mail.LastError = MailErrors.Describe(e, mail.Recipient);
            if (IsPermanent(e))
            {
                mail.State = MailState.FailedPermanently;
                Record(db, clock, mail, "mail.failed");
            }
            else
            {
                mail.NextAttemptAt = clock.GetUtcNow() + Backoff(mail.Attempts);
            }
        }

        // Not the drain's token: a send the server accepted is recorded even while the host stops. A mail that carries
        // a letter records the letter's delivery — 电子邮件, the server's acceptance (spec/letters.md §6) — in the same
        // SaveChanges, so the outbox and the letter never disagree; the mail alone when that is refused (the letter
        // gone, a clock before its issue: the delivery can still be recorded by hand).
        if (mail is { State: MailState.Sent, LetterId: { } letterId, SentAt: { } sentAt }
            && !(await RecordDelivery.EmailAcceptedAsync(db, clock, letterId, sentAt, Actor, CancellationToken.None)).IsSuccess
            && db.Entry(mail).State == EntityState.Detached)
        {
            // A concurrent recording of the same letter cleared the context: the mail is still sent.
            db.MailOutbox.Update(mail);
            Record(db, clock, mail, "mail.sent");
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return mail.State;
    }

    /// <summary>
    /// A 5xx reply to the recipient or to the message itself: the server will refuse it again (RFC 5321 §4.2.1). A 5xx
    /// to our sender address or to the login is the relay's configuration, which an operator fixes: retried.
    /// </summary>
    private static bool IsPermanent(Exception e) =>
        e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } c && (int)c.StatusCode >= 500;

    private static void Record(GongkaiDbContext db, TimeProvider clock, OutboxMail mail, string action) =>
        AuditTrail.Record(db, clock, Actor, action, nameof(OutboxMail), mail.Id.ToString("D"), mail.AgencyId, null,
            JsonSerializer.Serialize(new { mail.LetterId, mail.Subject, mail.AttachmentName, mail.AttachmentSha256, mail.Attempts, mail.MessageId, mail.LastError }, AuditTrail.Json));
}
