using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Mail;
using Gongkai.Core.Tests.Letters;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Mail;

/// <summary>
/// The outbox against a real SMTP server on loopback (<see cref="LoopbackMailServer"/>, the SmtpServer package) and a
/// real database on each provider: delivered once with the attachment intact, kept while the server is down, never sent
/// twice by two drains at once, the address never stored in clear.
/// </summary>
public sealed class MailOutboxTests
{
    internal const string Recipient = "wang.wu@example.com";
    internal const string Subject = "政府信息公开申请答复书（2026-000012）";

    /// <summary>A small PDF (the outbox checks the signature only) with bytes of its own per test.</summary>
    internal static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n% letter " + Guid.NewGuid().ToString("N") + "\n%%EOF\n");

    private static readonly DateTimeOffset Start = new(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> AddAgencyAsync(GongkaiDbContext db)
    {
        var agency = Agency.Create("北京市东城区对外联络服务办公室").Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(Ct);
        return agency.Id;
    }

    private static async Task<OutboxMail> EnqueueAsync(TestDatabase database, TimeProvider clock, byte[] pdf)
    {
        await using var db = database.Open();
        var agencyId = await AddAgencyAsync(db);
        var mail = EnqueueMail.Add(db, clock, new EnqueueMail.Request(agencyId, Guid.NewGuid(), Recipient, Subject, "您好：答复书见附件。", "答复书.pdf", pdf)).Value;
        await db.SaveChangesAsync(Ct);
        return mail;
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Drain_ServerUp_OneMessageWithSubjectAndAttachmentOfTheRowsHash(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var server = new LoopbackMailServer(clock);
        await server.StartAsync(Ct);
        var pdf = Pdf();
        var queued = await EnqueueAsync(database, clock, pdf);

        await using (var db = database.Open())
        {
            var drained = await MailOutbox.DrainAsync(db, new MailSender(server.Settings), clock, Ct);
            Assert.Equal(new MailOutbox.Drained(1, 0, 0), drained);
        }

        var received = Assert.Single(server.Received);
        Assert.Equal([Recipient], received.To);
        var summary = received.Summarize();
        Assert.Equal(Subject, summary.Subject);
        var attachment = Assert.Single(summary.Attachments);
        Assert.Equal("答复书.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.MimeType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), attachment.Sha256);
        Assert.Equal(queued.AttachmentSha256, attachment.Sha256);

        await using var read = database.Open();
        var row = await read.MailOutbox.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(MailState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(clock.GetUtcNow(), row.SentAt);
        Assert.Equal(summary.MessageId, row.MessageId);
        Assert.StartsWith(queued.Id.ToString("N"), row.MessageId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(row.ServerReply));
        Assert.Contains(await read.AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync(Ct), a => a == "mail.sent");
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Drain_MailOfALetter_RecordsTheLettersDeliveryByEmailAtTheServersAcceptance(string provider)
    {
        await using var seeded = await LetterTestData.SeedAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var letter = await LetterTestData.IssueAsync(seeded, clock, LetterTestData.Reply(seeded));
        await using var server = new LoopbackMailServer(clock);
        await server.StartAsync(Ct);
        await using (var db = seeded.Open())
        {
            Assert.True(EnqueueMail.Add(db, clock, new EnqueueMail.Request(seeded.Agency, letter.Id, Recipient, Subject, "", letter.Number + ".pdf", Pdf())).IsSuccess);
            await db.SaveChangesAsync(Ct);
        }

        clock.Advance(TimeSpan.FromMinutes(3));
        await using (var db = seeded.Open())
        {
            Assert.Equal(new MailOutbox.Drained(1, 0, 0), await MailOutbox.DrainAsync(db, new MailSender(server.Settings), clock, Ct));
        }

        Assert.Single(server.Received);
        await using var read = seeded.Open();
        var stored = await read.Letters.AsNoTracking().SingleAsync(l => l.Id == letter.Id, Ct);
        Assert.Equal((DeliveryMethod.Email, clock.GetUtcNow()), (stored.DeliveryMethod, stored.EmailedAt));
        var actions = await read.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["letter.issued", "mail.sent", "letter.deliveryRecorded"], actions.Where(a => a is "letter.issued" or "mail.sent" or "letter.deliveryRecorded"));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Drain_ServerStoppedThenStarted_PendingWithBackoffThenDeliveredOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);

        // Nothing listens on the port yet: the connection is refused.
        await using var server = new LoopbackMailServer(clock);
        var sender = new MailSender(server.Settings);
        var queued = await EnqueueAsync(database, clock, Pdf());

        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(0, 1, 0), await MailOutbox.DrainAsync(db, sender, clock, Ct));
        }

        await using (var read = database.Open())
        {
            var row = await read.MailOutbox.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(MailState.Pending, row.State);
            Assert.Equal(1, row.Attempts);
            Assert.Equal(clock.GetUtcNow() + MailOutbox.Backoff(1), row.NextAttemptAt);
            Assert.True(row.NextAttemptAt > queued.NextAttemptAt);
            Assert.False(string.IsNullOrEmpty(row.LastError));
            Assert.DoesNotContain(Recipient, row.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.Null(row.SentAt);
        }

        // Started again, before the backoff is over: nothing is due, nothing sent.
        await server.StartAsync(Ct);
        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(0, 0, 0), await MailOutbox.DrainAsync(db, sender, clock, Ct));
        }

        Assert.Empty(server.Received);

        clock.Advance(MailOutbox.Backoff(1));
        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(1, 0, 0), await MailOutbox.DrainAsync(db, sender, clock, Ct));
        }

        // Drained again, later: the sent row is never sent again.
        clock.Advance(TimeSpan.FromHours(2));
        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(0, 0, 0), await MailOutbox.DrainAsync(db, sender, clock, Ct));
        }

        Assert.Single(server.Received);
        await using var after = database.Open();
        var sent = await after.MailOutbox.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(MailState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Drain_TwoAtOnceOnTwoContexts_EachRowSentOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var server = new LoopbackMailServer(clock);
        await server.StartAsync(Ct);
        await using (var db = database.Open())
        {
            var agencyId = await AddAgencyAsync(db);
            for (var i = 0; i < 10; i++)
            {
                Assert.True(EnqueueMail.Add(db, clock, new EnqueueMail.Request(agencyId, null, Recipient, $"{Subject} {i}", "", "答复书.pdf", Pdf())).IsSuccess);
            }

            await db.SaveChangesAsync(Ct);
        }

        var sender = new MailSender(server.Settings);
        await using var first = database.Open();
        await using var second = database.Open();
        var both = await Task.WhenAll(
            Task.Run(() => MailOutbox.DrainAsync(first, sender, clock, Ct), Ct),
            Task.Run(() => MailOutbox.DrainAsync(second, sender, clock, Ct), Ct));

        Assert.Equal(10, both.Sum(d => d.Sent));
        Assert.All(both, d => Assert.Equal(0, d.Retrying + d.FailedPermanently));
        var subjects = server.Received.Select(r => r.Summarize().Subject).ToList();
        Assert.Equal(10, subjects.Count);
        Assert.Equal(10, subjects.Distinct(StringComparer.Ordinal).Count());
        await using var read = database.Open();
        Assert.All(await read.MailOutbox.AsNoTracking().ToListAsync(Ct), m => Assert.Equal((MailState.Sent, 1), (m.State, m.Attempts)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Drain_RecipientRefused550_FailedPermanentlyNeverRetried(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var server = new LoopbackMailServer(clock);
        server.Refuse(Recipient);
        await server.StartAsync(Ct);
        var sender = new MailSender(server.Settings);
        await EnqueueAsync(database, clock, Pdf());

        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(0, 0, 1), await MailOutbox.DrainAsync(db, sender, clock, Ct));
        }

        clock.Advance(TimeSpan.FromDays(1));
        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(0, 0, 0), await MailOutbox.DrainAsync(db, sender, clock, Ct));
        }

        Assert.Empty(server.Received);
        await using var read = database.Open();
        var row = await read.MailOutbox.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((MailState.FailedPermanently, 1), (row.State, row.Attempts));
        Assert.Contains("550", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Recipient, row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await read.AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync(Ct), a => a == "mail.failed");
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Enqueue_RecipientEncryptedAtRest_ClearOnlyThroughTheModel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await EnqueueAsync(database, clock, Pdf());

        await using var read = database.Open();
        var stored = await read.Database.SqlQueryRaw<string>("SELECT recipient AS \"Value\" FROM mail_outbox").SingleAsync(Ct);
        Assert.DoesNotContain("wang.wu", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.com", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Recipient, read.Protector.Unprotect(stored));
        Assert.Equal(Recipient, (await read.MailOutbox.AsNoTracking().SingleAsync(Ct)).Recipient);
        var line = Assert.Single(await ListOutbox.HandleAsync(read, (await read.MailOutbox.AsNoTracking().SingleAsync(Ct)).AgencyId, Ct));
        Assert.Equal("w***@example.com", line.MaskedRecipient);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Enqueue_CallerDoesNotSave_NothingInTheOutbox(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using (var db = database.Open())
        {
            var agencyId = await AddAgencyAsync(db);
            Assert.True(EnqueueMail.Add(db, clock, new EnqueueMail.Request(agencyId, null, Recipient, Subject, "", "答复书.pdf", Pdf())).IsSuccess);

            // The caller's unit of work fails (here: it is never saved): the mail goes with it.
        }

        await using var read = database.Open();
        Assert.Equal(0, await read.MailOutbox.CountAsync(Ct));
    }

    [Theory]
    [InlineData("not-an-address", "mail.recipient")]
    [InlineData("王五 <wang@example.com>", "mail.recipient")]
    [InlineData("", "mail.recipient")]
    public async Task Enqueue_BadRecipient_RefusedWithoutTheAddressInTheMessage(string recipient, string code)
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        await using var db = database.Open();
        var refused = EnqueueMail.Add(db, TimeProvider.System, new EnqueueMail.Request(Guid.NewGuid(), null, recipient, Subject, "", "a.pdf", Pdf()));
        Assert.Equal(code, refused.Problem.Code);
        Assert.DoesNotContain("example", refused.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_NotAPdf_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        await using var db = database.Open();
        var refused = EnqueueMail.Add(db, TimeProvider.System, new EnqueueMail.Request(Guid.NewGuid(), null, Recipient, Subject, "", "a.pdf", "PK\u0003\u0004"u8.ToArray()));
        Assert.Equal("mail.attachmentType", refused.Problem.Code);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(50, 3600)]
    public void Backoff_DoublesFromThirtySeconds_CappedAtAnHour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), MailOutbox.Backoff(attempts));

    [Fact]
    public void Scrub_ServerReplyNamingTheRecipient_NoAddressLeft()
    {
        var text = MailErrors.Scrub("550 5.1.1 <Wang.Wu@Example.com>: Recipient address rejected; also cc a@b.cn", Recipient);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.Contains("Recipient address rejected", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Read_DefaultsAndRefusals()
    {
        Assert.Null(MailSettings.Read(_ => null).Value);
        var values = new Dictionary<string, string> { ["Gongkai:Smtp:Host"] = "smtp.example.gov.cn", ["Gongkai:Smtp:From"] = "gk@example.gov.cn", ["Gongkai:Smtp:Password"] = "s3cret" };
        var settings = MailSettings.Read(k => values.GetValueOrDefault(k)).Value!;
        Assert.Equal((SmtpSecurity.StartTls, 587), (settings.Security, settings.Port));
        Assert.DoesNotContain("s3cret", settings.ToString(), StringComparison.Ordinal);
        values["Gongkai:Smtp:Security"] = "SslOnConnect";
        Assert.Equal(465, MailSettings.Read(k => values.GetValueOrDefault(k)).Value!.Port);
        values["Gongkai:Smtp:Port"] = "70000";
        Assert.Equal("smtp.port", MailSettings.Read(k => values.GetValueOrDefault(k)).Problem.Code);
        values.Remove("Gongkai:Smtp:Port");
        values.Remove("Gongkai:Smtp:From");
        Assert.Equal("smtp.from", MailSettings.Read(k => values.GetValueOrDefault(k)).Problem.Code);
    }
}
