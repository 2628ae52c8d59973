using Gongkai.Core.Data.Protection;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Core.Data;

/// <summary>Where an outbox row is: waiting (first try or a retry), accepted by the SMTP server, or refused for good.</summary>
public enum MailState
{
    Pending = 0,
    Sent = 1,

    /// <summary>The server refused the recipient or the message with a permanent (5xx) reply: retrying cannot help.</summary>
    FailedPermanently = 2,
}

/// <summary>
/// One e-mail to send (DESIGN.md: derived work through an outbox; spec/letters.md §6: a letter is never lost between
/// "issued" and "sent"): written in the caller's transaction by <see cref="Features.Mail.EnqueueMail"/>, sent by
/// <see cref="Features.Mail.MailOutbox.DrainAsync"/>, which may repeat a send after a crash but never loses one.
/// The attachment's bytes are kept in the row, not in the file store: the row and its attachment then commit or roll
/// back together with the caller's change (the file store is not transactional, and with PostgreSQL several site
/// instances need not share a disk); letters are tens of kilobytes.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;
    public const int MaxFileNameLength = 200;
    public const int MaxErrorLength = 1000;
    public const int MaxReplyLength = 1000;

    /// <summary>A recipient address the size of a contact part (RFC 5321 allows 254 characters), sealed.</summary>
    public const int EncryptedAddressLength = RequestMapping.EncryptedContactLength;

    /// <summary>Attachments above this are refused at enqueue: relays commonly refuse messages over 10–25 MB.</summary>
    public const int MaxAttachmentBytes = 10 * 1024 * 1024;

    public Guid Id { get; init; }

    public Guid AgencyId { get; init; }

    /// <summary>The letter sent, when the mail carries one (no foreign key: the outbox serves any sender).</summary>
    public Guid? LetterId { get; init; }

    /// <summary>The recipient's address: personal data, encrypted at rest like the applicant's contact details.</summary>
    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required string AttachmentName { get; init; }

    public required byte[] Attachment { get; init; }

    /// <summary>SHA-256 of <see cref="Attachment"/>, lowercase hex.</summary>
    public required string AttachmentSha256 { get; init; }

    public MailState State { get; set; }

    /// <summary>Sends started (a claim counts one, so a send cut short by a crash is counted too).</summary>
    public int Attempts { get; set; }

    /// <summary>When the row is due: at enqueue, after a backoff, or when a claim's lease runs out.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last failure, without personal data (no address: <see cref="Features.Mail.MailErrors"/>).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The server's reply to the message (e.g. <c>2.0.0 Ok: queued as …</c>): the acceptance recorded (§6).</summary>
    public string? ServerReply { get; set; }

    /// <summary>The Message-ID sent, derived from <see cref="Id"/>: a repeat after a crash is recognisably the same message.</summary>
    public string? MessageId { get; set; }

    /// <summary>As ContactDetails masks an e-mail (issue 13): its first character and its domain.</summary>
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : address[..1] + "***" + address[at..];
    }

    private static readonly ValueConverter<DateTimeOffset, long> UnixMilliseconds = new(
        value => value.ToUnixTimeMilliseconds(), stored => DateTimeOffset.FromUnixTimeMilliseconds(stored));

    internal static void Configure(ModelBuilder builder, IdentityProtector protector)
    {
        var encrypted = new ValueConverter<string, string>(plain => protector.Protect(plain), stored => protector.Unprotect(stored));
        builder.Entity<OutboxMail>(m =>
        {
            m.ToTable("mail_outbox");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            m.Property(x => x.AgencyId).HasColumnName("agency_id");
            m.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            m.Property(x => x.LetterId).HasColumnName("letter_id");
            m.Property(x => x.Recipient).HasColumnName("recipient").HasConversion(encrypted).HasMaxLength(EncryptedAddressLength);
            m.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(MaxSubjectLength);
            m.Property(x => x.Body).HasColumnName("body").HasMaxLength(MaxBodyLength);
            m.Property(x => x.AttachmentName).HasColumnName("attachment_name").HasMaxLength(MaxFileNameLength);
            m.Property(x => x.Attachment).HasColumnName("attachment");
            m.Property(x => x.AttachmentSha256).HasColumnName("attachment_sha256").HasMaxLength(64).IsFixedLength();
            m.Property(x => x.State).HasColumnName("state");
            m.Property(x => x.Attempts).HasColumnName("attempts");
            // Unix milliseconds (also created_at): compared and ordered in SQL on both providers (SQLite compares no DateTimeOffset in a query).
            m.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at").HasConversion(UnixMilliseconds);
            m.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(MaxErrorLength);
            m.Property(x => x.CreatedAt).HasColumnName("created_at").HasConversion(UnixMilliseconds);
            m.Property(x => x.SentAt).HasColumnName("sent_at");
            m.Property(x => x.ServerReply).HasColumnName("server_reply").HasMaxLength(MaxReplyLength);
            m.Property(x => x.MessageId).HasColumnName("message_id").HasMaxLength(300);

            // The drain reads the due rows of one state in time order; the staff page an agency's rows, newest first.
            m.HasIndex(x => new { x.State, x.NextAttemptAt });
            m.HasIndex(x => new { x.AgencyId, x.CreatedAt });
            m.HasIndex(x => x.LetterId);
        });
    }
}
