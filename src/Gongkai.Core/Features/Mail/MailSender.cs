using Gongkai.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Gongkai.Core.Features.Mail;

/// <summary>
/// Sends one outbox row through the configured SMTP server with MailKit: the text body and the attachment as
/// <c>application/pdf</c>. The Message-ID is derived from the row's id, so a message sent again after a crash (the
/// server accepted it, the process died before recording so) is recognisably the same message. No protocol log is
/// kept: it would hold the recipient's address.
/// </summary>
public sealed class MailSender(MailSettings settings)
{
    public MailSettings Settings { get; } = settings;

    /// <summary>The Message-ID of a row: its id at the sender's domain.</summary>
    public string MessageIdOf(OutboxMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var from = MailboxAddress.Parse(Settings.From);
        var domain = from.Domain is { Length: > 0 } d ? d : "gongkai.invalid";
        return $"{mail.Id:N}.outbox@{domain}";
    }

    /// <summary>Sends; gives the server's reply to the message. SMTP and network failures are thrown.</summary>
    public async Task<(string MessageId, string Reply)> SendAsync(OutboxMail mail, CancellationToken cancellationToken = default)
    {
        using var message = Build(mail);
        using var client = new SmtpClient { Timeout = (int)Settings.Timeout.TotalMilliseconds };
        var options = Settings.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(Settings.Host, Settings.Port, options, cancellationToken);
        if (!string.IsNullOrEmpty(Settings.UserName))
        {
            await client.AuthenticateAsync(Settings.UserName, Settings.Password ?? "", cancellationToken);
        }

        var reply = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return (message.MessageId ?? MessageIdOf(mail), reply ?? "");
    }

    private MimeMessage Build(OutboxMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = MessageIdOf(mail),
            Date = mail.CreatedAt,
        };
        message.From.Add(MailboxAddress.Parse(Settings.From));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        var attachment = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(mail.Attachment, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = mail.AttachmentName,
        };
        message.Body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = mail.Body },
            attachment,
        };
        return message;
    }
}
