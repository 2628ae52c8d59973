using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Mail;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>
/// Issue 14: the site, a real process on SQLite, is killed (SIGKILL) after issuing a letter by e-mail and while its mail
/// worker waits on the relay: the letter and its mail are both kept (written in one transaction), the mail is still
/// due, and a later drain delivers it once, with the letter's PDF, and records the letter's delivery.
/// </summary>
public sealed class SiteKilledWhileMailingTests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";
    private const string Recipient = "wangwu@example.cn";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledBetweenIssueAndSend_LetterAndMailKept_DeliveredOnceLater()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai_sitemail_");
        var agency = await SeedAgencyAsync(database);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        // The relay: a black hole that accepts the connection and never greets, so the worker is caught mid-send.
        var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        using var _ = new Stopper(blackHole);
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Gongkai__Smtp__Host"] = "127.0.0.1";
        start.Environment["Gongkai__Smtp__Port"] = ((IPEndPoint)blackHole.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Gongkai__Smtp__Security"] = "None";
        start.Environment["Gongkai__Smtp__From"] = LoopbackMailServer.DemoFrom;
        start.Environment[$"Gongkai__ApiKeys__{ApiKey.HashOf(key)}"] = agency.ToString("D");
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Gongkai.Web.dll"), "--db", database.Db, "--urls", address })
        {
            start.ArgumentList.Add(arg);
        }

        using var site = Process.Start(start)!;
        var output = site.StandardOutput.ReadToEndAsync(Ct);
        var errors = site.StandardError.ReadToEndAsync(Ct);
        TcpClient? connection = null;
        string number;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(1) };
            await WaitUntilUpAsync(http, site);
            number = await IssueReceiptByEmailAsync(http, agency, key);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            connection = await blackHole.AcceptTcpClientAsync(timeout.Token);
        }
        finally
        {
            // SIGKILL while the worker waits for the greeting: nothing in the site runs after this.
            site.Kill(entireProcessTree: true);
            await site.WaitForExitAsync(Ct);
            connection?.Dispose();
        }

        Assert.NotEqual(0, site.ExitCode);
        Assert.DoesNotContain(Recipient, await output + await errors, StringComparison.Ordinal);
        OutboxMail kept;
        Letter letter;
        await using (var read = database.Open())
        {
            kept = await read.MailOutbox.AsNoTracking().SingleAsync(Ct);
            letter = await read.Letters.AsNoTracking().SingleAsync(Ct);
        }

        Assert.Equal((MailState.Pending, 1, (DateTimeOffset?)null), (kept.State, kept.Attempts, kept.SentAt));
        Assert.Equal((letter.Id, LetterKind.Receipt, number), (kept.LetterId!.Value, letter.Kind, letter.Number));
        Assert.Null(letter.EmailedAt);

        // Later, once the dead claim's lease is over, a drain with the relay up: delivered once, the letter's PDF attached.
        var received = await OutboxDrain.DeliverOnceAfterTheLeaseAsync(database, kept, Ct);
        await using (var db = database.Open())
        {
            var delivered = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letter.Id, Ct);
            Assert.Equal((DeliveryMethod.Email, kept.NextAttemptAt), (delivered.DeliveryMethod!.Value, delivered.EmailedAt!.Value));
        }

        Assert.Equal([Recipient], received.To);
        Assert.Contains(number, received.Subject, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments);
        Assert.Equal(kept.AttachmentSha256, attachment.Sha256);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(kept.Attachment, 0, 5), StringComparison.Ordinal);
    }

    /// <summary>An online application with an e-mail address, confirmed, then its 接收回执 issued by e-mail: the letter's 文号.</summary>
    private static async Task<string> IssueReceiptByEmailAsync(HttpClient http, Guid agency, string key)
    {
        var applied = await http.PostAsJsonAsync($"/api/v1/agencies/{agency:D}/applications", new
        {
            applicantKind = "NaturalPerson",
            name = "王五",
            personDocumentNumber = "11010519491231002X",
            email = Recipient,
            content = "本机关2020年部门预算",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var trackingNumber = (await applied.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("trackingNumber").GetString()!;

        var confirm = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agencies/{agency:D}/applications/{trackingNumber}/steps")
        {
            Content = JsonContent.Create(new { trigger = "ConfirmReceipt" }),
        };
        confirm.Headers.Add("X-Api-Key", key);
        var confirmed = await http.SendAsync(confirm, Ct);
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync(Ct));

        var issue = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agencies/{agency:D}/applications/{trackingNumber}/letters")
        {
            Content = JsonContent.Create(new { kind = "receipt", email = true }),
        };
        issue.Headers.Add("X-Api-Key", key);
        var issued = await http.SendAsync(issue, Ct);
        var body = await issued.Content.ReadAsStringAsync(Ct);
        Assert.True(issued.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
    }

    private static async Task<Guid> SeedAgencyAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var agency = Agency.Create(AgencyName).Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(Ct);
        var settings = new LetterSettings
        {
            NumberPrefix = "东外联",
            KindCodes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes),
            AgencyKind = AgencyKind.Department,
            ReconsiderationBody = "北京市东城区人民政府",
            Court = "北京市东城区人民法院",
            OfficeName = AgencyName + "综合科",
            OfficeAddress = "北京市东城区某路1号",
            OfficePhone = "010-00000000",
        };
        var saved = await SaveLetterSettings.HandleAsync(db, TimeProvider.System, new SaveLetterSettings.Request(agency.Id, settings, "u-admin"), Ct);
        Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Problem.ToString());
        return agency.Id;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process site)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            Assert.False(site.HasExited, "the site stopped while starting");
            try
            {
                if ((await http.GetAsync("/healthz", Ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail("the site did not answer /healthz within 2 minutes");
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class Stopper(TcpListener listener) : IDisposable
    {
        public void Dispose() => listener.Stop();
    }
}
