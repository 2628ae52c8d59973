using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Gongkai.Core.Features.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps what it receives in memory: the demo's mail
/// server when no relay is configured (<c>--demo</c>), and the tests' server. Plain SMTP, no login, loopback only;
/// never a relay: nothing it receives leaves the process. It can be stopped and started again on the same port.
/// </summary>
public sealed class LoopbackMailServer : IAsyncDisposable
{
    /// <summary>The demo's sender address (a reserved domain: no real mail is ever sent from it).</summary>
    public const string DemoFrom = "xinxigongkai@demo.gongkai.invalid";

    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _stop;
    private Task? _running;

    /// <param name="clock">Stamps what is received.</param>
    /// <param name="port">0: a port free now, kept for the server's life (so a restart listens where the sender points).</param>
    public LoopbackMailServer(TimeProvider clock, int port = 0)
    {
        _clock = clock;
        Port = port == 0 ? FreePort() : port;
    }

    public int Port { get; }

    public bool IsRunning => _running is { IsCompleted: false };

    /// <summary>What was received, in order.</summary>
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>From now on the server refuses this recipient (550, as a relay refuses an unknown mailbox): for tests.</summary>
    public void Refuse(string address) => _refused[address] = 0;

    /// <summary>Settings that point a <see cref="MailSender"/> here.</summary>
    public MailSettings Settings => new() { Host = IPAddress.Loopback.ToString(), Port = Port, Security = SmtpSecurity.None, From = DemoFrom, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Starts listening; returns once a connection is accepted.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received, _clock));
        services.Add(new DelegatingMailboxFilter((IMailbox to, IMailbox _) => !_refused.ContainsKey($"{to.User}@{to.Host}")));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await WaitUntilListeningAsync(cancellationToken);
    }

    /// <summary>Stops listening; afterwards nothing accepts connections on <see cref="Port"/>.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>A port that nothing listens on at this moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (_running is { IsFaulted: true } failed)
            {
                await failed;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received, TimeProvider clock) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            received.Enqueue(new ReceivedMail(clock.GetUtcNow(), $"{transaction.From.User}@{transaction.From.Host}", to, buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>One message the loopback server accepted: the envelope and the raw message (RFC 5322 bytes).</summary>
public sealed record ReceivedMail(DateTimeOffset At, string From, IReadOnlyList<string> To, byte[] Raw)
{
    /// <summary>The message parsed (MimeKit).</summary>
    public MimeKit.MimeMessage Parse() => MimeKit.MimeMessage.Load(new MemoryStream(Raw, writable: false));

    /// <summary>What a reader checks: subject, Message-ID, and each attachment's name, type, size and SHA-256 of its decoded bytes.</summary>
    public ReceivedSummary Summarize()
    {
        using var message = Parse();
        var attachments = message.Attachments.OfType<MimeKit.MimePart>().Select(part =>
        {
            using var bytes = new MemoryStream();
            part.Content?.DecodeTo(bytes);
            return new ReceivedAttachment(part.FileName ?? "", part.ContentType.MimeType, bytes.Length,
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())));
        }).ToList();
        return new ReceivedSummary(At, To, message.Subject ?? "", message.MessageId ?? "", attachments);
    }
}

public sealed record ReceivedAttachment(string FileName, string MimeType, long Size, string Sha256);

public sealed record ReceivedSummary(DateTimeOffset At, IReadOnlyList<string> To, string Subject, string MessageId, IReadOnlyList<ReceivedAttachment> Attachments);
