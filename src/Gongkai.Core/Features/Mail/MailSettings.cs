using System.Globalization;
using Gongkai.Domain.Common;
using MimeKit;

namespace Gongkai.Core.Features.Mail;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same machine or a test server on loopback.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// The agency's SMTP relay (spec/letters.md §6), from the settings <c>Gongkai:Smtp:Host</c>, <c>Port</c>,
/// <c>Security</c> (None, StartTls, SslOnConnect; default StartTls), <c>UserName</c>, <c>Password</c> and <c>From</c>
/// (the site's configuration; for the CLI the environment variables <c>Gongkai__Smtp__Host</c> …). The password is
/// never printed: <see cref="ToString"/> and <see cref="Display"/> leave it out.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Gongkai:Smtp";

    public required string Host { get; init; }

    public int Port { get; init; }

    public SmtpSecurity Security { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender's address (the agency's 政府信息公开工作机构), e.g. <c>gongkai@example.gov.cn</c>.</summary>
    public required string From { get; init; }

    /// <summary>How long one send may take before it is abandoned and retried later.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Host, port and protection, for messages and the staff page: no user name, no password.</summary>
    public string Display => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}（{Security}）";

    /// <summary>
    /// The settings read through <paramref name="setting"/> (a key such as <c>Gongkai:Smtp:Host</c> → its value): null
    /// when no host is set (mail is then not sent; the outbox keeps it), a problem when a value is unusable.
    /// </summary>
    public static Result<MailSettings?> Read(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        string? Value(string name) => setting($"{Section}:{name}") is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (Value("Host") is not { } host)
        {
            return Result.Success<MailSettings?>(null);
        }

        var security = SmtpSecurity.StartTls;
        if (Value("Security") is { } s && !Enum.TryParse(s, ignoreCase: true, out security))
        {
            return Problem.Invalid("smtp.security", $"{Section}:Security 应为 None、StartTls 或 SslOnConnect");
        }

        var port = security switch { SmtpSecurity.SslOnConnect => 465, SmtpSecurity.StartTls => 587, _ => 25 };
        if (Value("Port") is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            return Problem.Invalid("smtp.port", $"{Section}:Port 应为 1–65535 之间的端口号");
        }

        if (Value("From") is not { } from || !MailboxAddress.TryParse(from, out _))
        {
            return Problem.Invalid("smtp.from", $"已设置 {Section}:Host，还须设置有效的发件人地址 {Section}:From");
        }

        return new MailSettings { Host = host, Port = port, Security = security, UserName = Value("UserName"), Password = setting($"{Section}:Password"), From = from };
    }

    /// <summary>The CLI's reading: environment variables as ASP.NET Core names them (<c>Gongkai__Smtp__Host</c>).</summary>
    public static Result<MailSettings?> FromEnvironment() =>
        Read(key => Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)));

    public override string ToString() => Display;
}
