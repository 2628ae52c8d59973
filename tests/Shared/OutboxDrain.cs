using Gongkai.Core.Data;
using Gongkai.Core.Features.Mail;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests;

/// <summary>
/// After a process died holding a mail's claim: a fresh drain once the claim's lease is over, with a real SMTP server on
/// loopback, sends it (1 sent), and a second drain an hour later sends nothing — delivered once. The message the server
/// received, for the test to check.
/// </summary>
internal static class OutboxDrain
{
    public static async Task<ReceivedSummary> DeliverOnceAfterTheLeaseAsync(TestDatabase database, OutboxMail kept, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(kept.NextAttemptAt);
        await using var server = new LoopbackMailServer(clock);
        await server.StartAsync(cancellationToken);
        var sender = new MailSender(server.Settings);
        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(1, 0, 0), await MailOutbox.DrainAsync(db, sender, clock, cancellationToken));
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = database.Open())
        {
            Assert.Equal(new MailOutbox.Drained(0, 0, 0), await MailOutbox.DrainAsync(db, sender, clock, cancellationToken));
        }

        return Assert.Single(server.Received).Summarize();
    }
}
