using System.Security.Cryptography;
using Gongkai.Core.Data;
using Gongkai.Domain.Common;
using MimeKit;

namespace Gongkai.Core.Features.Mail;

/// <summary>
/// Puts an e-mail with one PDF attachment (a letter) into the outbox, in the caller's unit of work: the row is added
/// to the context and saved by the caller's SaveChanges, so it commits with the change that causes it (the letter's
/// issue) or not at all. Nothing is sent here; <see cref="MailOutbox.DrainAsync"/> sends after the commit, and the
/// caller may ring <see cref="MailSignal"/> once it has saved, so the site's worker sends at once.
/// </summary>
public static class EnqueueMail
{
    public sealed record Request(Guid AgencyId, Guid? LetterId, string Recipient, string Subject, string Body, string AttachmentName, byte[] Attachment);

    /// <summary>Whether <paramref name="recipient"/> (trimmed) is one plain address the outbox accepts.</summary>
    public static bool IsAddress(string? recipient)
    {
        var address = recipient?.Trim() ?? "";
        return address.Length is > 0 and <= 254 && MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address
            && address.Contains('@', StringComparison.Ordinal);
    }

    public static Result<OutboxMail> Add(GongkaiDbContext db, TimeProvider clock, Request request)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var recipient = request.Recipient?.Trim() ?? "";

        // The message names no address: it may reach a log line or a page other staff see.
        if (!IsAddress(recipient))
        {
            return Problem.Invalid("mail.recipient", "收件人电子邮箱格式不正确");
        }

        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > OutboxMail.MaxSubjectLength)
        {
            return Problem.Invalid("mail.subject", "邮件主题不能为空，且不能超过300个字符");
        }

        if (request.Body is null || request.Body.Length > OutboxMail.MaxBodyLength)
        {
            return Problem.Invalid("mail.body", "邮件正文不能超过20000个字符");
        }

        if (string.IsNullOrWhiteSpace(request.AttachmentName) || request.AttachmentName.Length > OutboxMail.MaxFileNameLength
            || request.AttachmentName.IndexOfAny(['/', '\\', '\r', '\n']) >= 0)
        {
            return Problem.Invalid("mail.attachmentName", "附件文件名不能为空，不能含路径，且不能超过200个字符");
        }

        if (request.Attachment is not { Length: > 0 } || request.Attachment.Length > OutboxMail.MaxAttachmentBytes)
        {
            return Problem.Invalid("mail.attachment", "附件不能为空，且不能超过10MB");
        }

        // Sent as application/pdf (a letter, spec/letters.md §6): anything else would reach the addressee mislabelled.
        if (!request.Attachment.AsSpan().StartsWith("%PDF-"u8))
        {
            return Problem.Invalid("mail.attachmentType", "附件应为 PDF 文件");
        }

        var now = clock.GetUtcNow();
        var mail = new OutboxMail
        {
            Id = Guid.NewGuid(),
            AgencyId = request.AgencyId,
            LetterId = request.LetterId,
            Recipient = recipient,
            Subject = request.Subject.Trim(),
            Body = request.Body,
            AttachmentName = request.AttachmentName.Trim(),
            Attachment = request.Attachment,
            AttachmentSha256 = Convert.ToHexStringLower(SHA256.HashData(request.Attachment)),
            State = MailState.Pending,
            Attempts = 0,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.MailOutbox.Add(mail);
        return mail;
    }
}
