using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Mail;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

/// <summary>
/// <c>gongkai mail queue</c> and <c>gongkai mail send</c> against a real SMTP server on loopback, and the acceptance
/// test of issue 14: a process killed with SIGKILL between the commit and the server's acceptance loses nothing.
/// </summary>
public sealed class MailCommandTests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";
    private const string Recipient = "applicant@example.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AddAgencyAsync(TestDatabase database)
    {
        await using var db = database.Open();
        db.Agencies.Add(Agency.Create(AgencyName).Value);
        await db.SaveChangesAsync(Ct);
    }

    private static Dictionary<string, string> Smtp(int port) => new()
    {
        ["Gongkai__Smtp__Host"] = "127.0.0.1",
        ["Gongkai__Smtp__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gongkai__Smtp__Security"] = "None",
        ["Gongkai__Smtp__From"] = LoopbackMailServer.DemoFrom,
    };

    [Fact]
    public async Task Queue_KilledWhileSending_RowKeptThenDeliveredOnceByAFreshDrain()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai_mail_");
        await AddAgencyAsync(database);
        using var folder = new TempFolder();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% 答复书 " + Guid.NewGuid().ToString("N") + "\n%%EOF\n");
        var file = Path.Combine(folder.Path, "答复书.pdf");
        await File.WriteAllBytesAsync(file, pdf, Ct);

        // A server that takes the connection and never greets: the child is caught inside the send, after its commit.
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        var port = ((IPEndPoint)blackHole.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var (name, value) in Smtp(port))
        {
            start.Environment[name] = value;
        }

        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gongkai.dll"), "mail", "queue", "--agency", AgencyName, "--to", Recipient,
            "--subject", "答复书", "--attachment", file, "--send", "--db", database.Db })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync(Ct);
        TcpClient? connection = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            connection = await blackHole.AcceptTcpClientAsync(timeout.Token);
        }
        finally
        {
            // SIGKILL while the child waits for the greeting: no finally block, no disposal, no flush runs in it. The
            // connection is closed only after, else the child could see it closed, give up and exit by itself first.
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(Ct);
            connection?.Dispose();
        }

        Assert.Contains("已写入发件箱", await stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, child.ExitCode);
        OutboxMail kept;
        await using (var read = database.Open())
        {
            kept = await read.MailOutbox.AsNoTracking().SingleAsync(Ct);
        }

        Assert.Equal((MailState.Pending, 1), (kept.State, kept.Attempts));
        Assert.Null(kept.SentAt);

        // A fresh process's drain once the dead claim's lease is over, with a real server listening.
        var received = await OutboxDrain.DeliverOnceAfterTheLeaseAsync(database, kept, Ct);
        Assert.Equal("答复书", received.Subject);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), Assert.Single(received.Attachments).Sha256);
        Assert.StartsWith(kept.Id.ToString("N"), received.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ServerDown_KeptInTheOutboxAndNotResentBeforeItsRetry()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai_mail_");
        await AddAgencyAsync(database);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "letter.pdf");
        await File.WriteAllBytesAsync(file, "%PDF-1.7\n%%EOF\n"u8.ToArray(), Ct);
        await using var server = new LoopbackMailServer(TimeProvider.System);

        // Nothing listens yet: queued and tried, kept.
        var queued = CliRunner.RunProcessWith(Smtp(server.Port), "mail", "queue", "--agency", AgencyName, "--to", Recipient, "--subject", "测试", "--attachment", file,
            "--send", "--db", database.Db);
        Assert.Equal(0, queued.ExitCode);
        Assert.Contains("已发送0封；1封未被邮件服务器接收", queued.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Recipient, queued.Stdout + queued.Stderr, StringComparison.Ordinal);

        // Up again, but the retry is not due yet (30 s): an operator's send now sends nothing; the row waits.
        await server.StartAsync(Ct);
        var early = CliRunner.RunProcessWith(Smtp(server.Port), "mail", "send", "--db", database.Db);
        Assert.Equal(0, early.ExitCode);
        Assert.Empty(server.Received);
        await using (var read = database.Open())
        {
            Assert.Equal(MailState.Pending, (await read.MailOutbox.AsNoTracking().SingleAsync(Ct)).State);
        }
    }

    [Fact]
    public void Send_NoRelayConfigured_Exit2SayingWhatToSet()
    {
        var result = CliRunner.RunProcessWith(new Dictionary<string, string> { ["Gongkai__Smtp__Host"] = "" }, "mail", "send", "--db", Path.Combine(Path.GetTempPath(), "x.db"));
        Assert.Equal(GongkaiCli.Unusable, result.ExitCode);
        Assert.Contains("Gongkai__Smtp__Host", result.Stderr, StringComparison.Ordinal);
    }
}
