using System.Text.RegularExpressions;

namespace Gongkai.Core.Features.Mail;

/// <summary>
/// A failure's text as stored in <c>last_error</c> and logged: the exception's kind and message with every e-mail
/// address taken out (a server's reply often repeats the recipient, e.g. <c>550 5.1.1 &lt;x@y&gt;: Recipient
/// address rejected</c>), and no longer than the column.
/// </summary>
public static partial class MailErrors
{
    public static string Describe(Exception exception, string recipient)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception switch
        {
            MailKit.Net.Smtp.SmtpCommandException c => $"{c.GetType().Name} {(int)c.StatusCode}: {c.Message}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        return Scrub(text, recipient);
    }

    /// <summary>The text without the recipient and without anything shaped like an address; cut to the column's size.</summary>
    public static string Scrub(string text, string recipient)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!string.IsNullOrEmpty(recipient))
        {
            text = text.Replace(recipient, "[收件人]", StringComparison.OrdinalIgnoreCase);
        }

        text = Address().Replace(text, "[地址]");
        return text.Length <= Data.OutboxMail.MaxErrorLength ? text : text[..Data.OutboxMail.MaxErrorLength];
    }

    [GeneratedRegex(@"[^\s<>""'()\[\],;:]+@[^\s<>""'()\[\],;:]+")]
    private static partial Regex Address();
}
