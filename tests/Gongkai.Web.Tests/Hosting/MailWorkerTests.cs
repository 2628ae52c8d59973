using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Mail;
using Gongkai.Web.Accounts;
using Gongkai.Web.Hosting;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>
/// The site's mail worker: with <c>--demo</c> and no relay it sends through its own loopback SMTP server and the staff
/// page shows the outbox (recipient masked) and what the server received; with a relay that is down the mail stays
/// pending; the recipient's address reaches no log line either way.
/// </summary>
public sealed class MailWorkerTests(StaffSites sites)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_QueuedMail_SentThroughTheLoopbackServerShownMaskedNoAddressLogged()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var logs = new CapturedLogs();
        await using var demo = site.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("demo", "true");
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        _ = demo.Server;
        var recipient = $"demo.{Guid.NewGuid():N}@example.com";
        var subject = "政府信息公开申请答复书 " + Guid.NewGuid().ToString("N")[..8];
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% " + subject + "\n%%EOF\n");
        var mail = await EnqueueAsync(site, recipient, subject, pdf);
        demo.Services.GetRequiredService<MailSignal>().Ring();

        var sent = await WaitForAsync(site, mail.Id, m => m.State == MailState.Sent);

        Assert.Equal(1, sent.Attempts);
        var loopback = demo.Services.GetRequiredService<SiteMail>().Loopback!;
        var received = Assert.Single(loopback.Received, r => r.To.Contains(recipient)).Summarize();
        Assert.Equal(subject, received.Subject);
        Assert.Equal(mail.AttachmentSha256, Assert.Single(received.Attachments).Sha256);

        var admin = demo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSite.LoginAsync(admin, "admin", DemoAccounts.Password)).StatusCode);
        var page = await admin.GetStringAsync(new Uri("/staff/mail", UriKind.Relative), Ct);
        Assert.Contains(subject, page, StringComparison.Ordinal);
        Assert.Contains("d***@example.com", page, StringComparison.Ordinal);
        Assert.Contains(mail.AttachmentSha256, page, StringComparison.Ordinal);
        Assert.Contains("演示邮件服务器收到的邮件", page, StringComparison.Ordinal);
        Assert.DoesNotContain(recipient, page, StringComparison.Ordinal);

        Assert.Contains(logs.Lines, l => l.Contains("Mail outbox:", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(recipient, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RelayDown_QueuedMail_StaysPendingWithScrubbedErrorNoAddressLogged()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var logs = new CapturedLogs();
        var closed = LoopbackMailServer.FreePort();
        await using var down = site.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Gongkai:Smtp:Host", "127.0.0.1");
            b.UseSetting("Gongkai:Smtp:Port", closed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Gongkai:Smtp:Security", "None");
            b.UseSetting("Gongkai:Smtp:From", "gongkai@example.gov.cn");
            b.UseSetting("Gongkai:Smtp:Password", "never-logged-secret");
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        _ = down.Server;
        var recipient = $"down.{Guid.NewGuid():N}@example.com";
        var mail = await EnqueueAsync(site, recipient, "答复书", "%PDF-1.7\n%%EOF\n"u8.ToArray());
        down.Services.GetRequiredService<MailSignal>().Ring();

        var tried = await WaitForAsync(site, mail.Id, m => m.Attempts > 0 && m.LastError is not null);

        Assert.Equal(MailState.Pending, tried.State);
        Assert.True(tried.NextAttemptAt > site.Clock.GetUtcNow());
        Assert.DoesNotContain(recipient, tried.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(logs.Lines, l => l.Contains("to retry", StringComparison.Ordinal) && !l.Contains(" 0 to retry", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(recipient, StringComparison.OrdinalIgnoreCase) || l.Contains("never-logged-secret", StringComparison.Ordinal));
    }

    private static async Task<OutboxMail> EnqueueAsync(StaffSite site, string recipient, string subject, byte[] pdf)
    {
        await using var db = site.Open();
        var mail = EnqueueMail.Add(db, site.Clock, new EnqueueMail.Request(site.OfficeId, Guid.NewGuid(), recipient, subject, "答复书见附件。", "答复书.pdf", pdf)).Value;
        await db.SaveChangesAsync(Ct);
        return mail;
    }

    private static async Task<OutboxMail> WaitForAsync(StaffSite site, Guid id, Func<OutboxMail, bool> done)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var db = site.Open())
            {
                var row = await db.MailOutbox.AsNoTracking().SingleAsync(m => m.Id == id, timeout.Token);
                if (done(row))
                {
                    return row;
                }
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Every log line of the host, formatted, with its exception.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
