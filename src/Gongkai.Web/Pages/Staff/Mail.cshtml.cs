using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Mail;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The agency's mail outbox (spec/letters.md §6): each message with its recipient masked, subject, state, attempts
/// and the time the server accepted it; a button that sends what is due now. With <c>--demo</c> it also lists what the
/// loopback mail server received for this agency (subject, attachment and its SHA-256), so a visitor sees the letter
/// arrive. 机关管理员 of the agency only.
/// </summary>
public sealed class MailModel(StaffAccess access, GongkaiDbContext db, SiteMail mail, MailSignal signal, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<OutboxLine> Lines { get; private set; } = [];

    /// <summary>Where mail goes (host, port, protection; never the credentials), or null when none is configured.</summary>
    public string? Relay => mail.Sender?.Settings.Display;

    public bool IsDemo => mail.Loopback is not null;

    /// <summary>In the demo: what the loopback server received of this agency's outbox, newest first.</summary>
    public IReadOnlyList<ReceivedSummary> Received { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageMail, cancellationToken))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageMail, cancellationToken))
        {
            return Refuse();
        }

        if (mail.Sender is not { } sender)
        {
            await LoadAsync(cancellationToken);
            return Refused(Domain.Common.Problem.Conflict("mail.notConfigured", $"未配置邮件服务器（{MailSettings.Section}:Host），邮件留在发件箱中，配置后自动发送"));
        }

        // Every agency's due mail, as the worker would: the claim keeps this and the worker from sending a row twice.
        var drained = await MailOutbox.DrainAsync(db, sender, clock, cancellationToken);
        signal.Ring();
        Done = drained.Claimed == 0
            ? "没有到期待发送的邮件"
            : $"已发送{Count(drained.Sent)}封；{Count(drained.Retrying)}封发送失败，稍后自动重试；{Count(drained.FailedPermanently)}封被邮件服务器拒收";
        return Redirect("/staff/mail");
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? ChinaClock.ToChinaTime(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    public static string StateName(MailState state) => state switch
    {
        MailState.Pending => "待发送",
        MailState.Sent => "已发送",
        _ => "被拒收",
    };

    public static string MaskAll(IEnumerable<string> addresses) => string.Join("、", addresses.Select(OutboxMail.Mask));

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lines = await ListOutbox.HandleAsync(db, Agency.Id, cancellationToken);
        if (mail.Loopback is { } loopback)
        {
            // Only this agency's messages: the loopback server receives every agency's demo mail.
            var ours = Lines.Where(l => l.State == MailState.Sent).Select(l => l.Id.ToString("N")).ToHashSet(StringComparer.Ordinal);
            Received = [.. loopback.Received.Select(r => r.Summarize())
                .Where(r => r.MessageId.Split('.', 2)[0] is var id && ours.Contains(id))
                .Reverse()];
        }
    }
}
