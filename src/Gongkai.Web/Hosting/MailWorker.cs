using System.Globalization;
using Gongkai.Core.Features.Mail;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Sends the outbox (DESIGN.md: derived work drained by a worker): every few seconds, and at once when
/// <see cref="MailSignal"/> is rung after a commit that queued mail. Each pass claims what is due
/// (<see cref="MailOutbox.DrainAsync"/>), so several instances of the site may run this worker side by side. Logs
/// counts and scrubbed errors only: never an address.
/// </summary>
internal sealed partial class MailWorker(SiteDatabase database, SiteMail mail, MailSignal signal, TimeProvider clock, ILogger<MailWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mail.Sender is not { } sender)
        {
            NotConfigured(logger, MailSettings.Section);
            return;
        }

        if (mail.Loopback is { } loopback)
        {
            await loopback.StartAsync(stoppingToken);
            DemoServer(logger, loopback.Port);
            Console.WriteLine($"演示邮件服务器：127.0.0.1:{loopback.Port.ToString(CultureInfo.InvariantCulture)}（邮件不会发出本机；机关管理员在 /staff/mail 查看）");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = database.Open();
                var drained = await MailOutbox.DrainAsync(db, sender, clock, stoppingToken);
                if (drained.Claimed > 0)
                {
                    Drained(logger, drained.Sent, drained.Retrying, drained.FailedPermanently);
                }

                // A full batch: more may be due; go on at once.
                if (drained.Claimed >= MailOutbox.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is unreachable or the like: the rows stay in the outbox; the next pass tries again.
                // The exception's message is scrubbed: no address reaches the log.
                DrainFailed(logger, e.GetType().Name, MailErrors.Scrub(e.Message, ""));
            }

            await signal.WaitAsync(Interval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server is configured ({Section}:Host): e-mail stays in the outbox")]
    private static partial void NotConfigured(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mail server listening on 127.0.0.1:{Port}")]
    private static partial void DemoServer(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail outbox: {Sent} sent, {Retrying} to retry, {Failed} refused for good")]
    private static partial void Drained(ILogger logger, int sent, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail outbox pass failed: {Kind}: {Error}")]
    private static partial void DrainFailed(ILogger logger, string kind, string error);
}
