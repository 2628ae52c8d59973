using Gongkai.Core.Features.Mail;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The site's mail: the SMTP relay of the settings (<c>Gongkai:Smtp:*</c>, <see cref="MailSettings"/>); with
/// <c>--demo</c> and no relay configured, a <see cref="LoopbackMailServer"/> on 127.0.0.1 that keeps what it receives
/// (shown on <c>/staff/mail</c>). Without either, <see cref="Sender"/> is null and mail waits in the outbox.
/// </summary>
public sealed class SiteMail : IAsyncDisposable
{
    public SiteMail(IConfiguration configuration, TimeProvider clock)
    {
        var read = MailSettings.Read(key => configuration[key]);

        // Unusable settings stop the start (as a broken calendar does): mail silently not sent would be worse.
        var settings = read.TryGetValue(out var s) ? s : throw new InvalidOperationException(read.Problem.Message);
        if (settings is null && configuration.GetValue<bool>(SiteArguments.DemoKey))
        {
            Loopback = new LoopbackMailServer(clock);
            settings = Loopback.Settings;
        }

        Sender = settings is null ? null : new MailSender(settings);
    }

    /// <summary>Null when no SMTP server is configured.</summary>
    public MailSender? Sender { get; }

    /// <summary>The demo's server, when the site runs one.</summary>
    public LoopbackMailServer? Loopback { get; }

    public async ValueTask DisposeAsync()
    {
        if (Loopback is not null)
        {
            await Loopback.DisposeAsync();
        }
    }
}
