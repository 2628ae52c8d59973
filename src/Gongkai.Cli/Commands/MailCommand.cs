using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Features.Mail;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai mail send [--db]</c>: sends what the outbox holds that is due, once (for operators: after the relay was
/// down, or where no site runs); <c>gongkai mail queue --agency NAME --to ADDRESS --subject TEXT --attachment FILE.pdf
/// [--body TEXT] [--send] [--db]</c>: puts one message into the outbox (a test of the relay, a letter printed
/// elsewhere), and with <c>--send</c> sends at once. The relay comes from the environment: <c>Gongkai__Smtp__Host</c>,
/// <c>__Port</c>, <c>__Security</c>, <c>__UserName</c>, <c>__Password</c>, <c>__From</c> (as the site's
/// <c>Gongkai:Smtp:*</c>). Exit 0 the pass ran (what failed stays in the outbox and is retried), 2 no relay
/// configured or the input is unusable, 3 no such agency.
/// </summary>
internal static class MailCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var send = new Command("send", "发送发件箱中到期的邮件（一次）") { db };
        send.SetAction(async (result, cancellationToken) =>
        {
            if (Sender(stderr) is not { } sender)
            {
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            return context is null ? GongkaiCli.Unusable : await DrainAsync(context, sender, stdout, cancellationToken);
        });

        var agency = new Option<string>("--agency") { Description = "发件机关全称", Required = true };
        var to = new Option<string>("--to") { Description = "收件人电子邮箱", Required = true };
        var subject = new Option<string>("--subject") { Description = "邮件主题", Required = true };
        var attachment = new Option<string>("--attachment") { Description = "附件（PDF 文件）", Required = true };
        var body = new Option<string?>("--body") { Description = "邮件正文" };
        var sendNow = new Option<bool>("--send") { Description = "写入发件箱后立即发送" };
        var queueDb = DatabaseOption.Create();
        var queue = new Command("queue", "将一封带 PDF 附件的邮件写入发件箱") { agency, to, subject, attachment, body, sendNow, queueDb };
        queue.SetAction(async (result, cancellationToken) =>
        {
            var now = result.GetValue(sendNow);
            var sender = now ? Sender(stderr) : null;
            if (now && sender is null)
            {
                return GongkaiCli.Unusable;
            }

            var path = result.GetValue(attachment)!;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"无法读取文件：{e.Message}");
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(queueDb), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var request = new QueueMail.Request(result.GetValue(agency)!, result.GetValue(to)!, result.GetValue(subject)!, result.GetValue(body) ?? "",
                Path.GetFileName(path), bytes, DatabaseOption.Actor);
            var queued = await QueueMail.HandleAsync(context, TimeProvider.System, request, cancellationToken);
            if (!queued.TryGetValue(out var mail))
            {
                return GongkaiCli.Refused(queued.Problem, stderr);
            }

            // Committed: from here on a crash loses nothing (the row is in the database).
            stdout.WriteLine($"已写入发件箱：{mail.Id:D}（附件 SHA-256 {mail.AttachmentSha256}）");
            stdout.Flush();
            return sender is null ? GongkaiCli.Ok : await DrainAsync(context, sender, stdout, cancellationToken);
        });

        return new Command("mail", "电子邮件送达：发件箱") { send, queue };
    }

    /// <summary>The relay of the environment, or null after saying on stderr why there is none.</summary>
    private static MailSender? Sender(TextWriter stderr)
    {
        var read = MailSettings.FromEnvironment();
        if (!read.TryGetValue(out var settings))
        {
            stderr.WriteLine(read.Problem.Message);
            return null;
        }

        if (settings is null)
        {
            stderr.WriteLine("未配置邮件服务器：请设置环境变量 Gongkai__Smtp__Host 和 Gongkai__Smtp__From（另可设 __Port、__Security、__UserName、__Password）");
            return null;
        }

        stderr.WriteLine($"邮件服务器：{settings.Display}");
        return new MailSender(settings);
    }

    private static async Task<int> DrainAsync(Core.Data.GongkaiDbContext context, MailSender sender, TextWriter stdout, CancellationToken cancellationToken)
    {
        int sent = 0, retrying = 0, failed = 0;
        MailOutbox.Drained pass;
        do
        {
            pass = await MailOutbox.DrainAsync(context, sender, TimeProvider.System, cancellationToken);
            sent += pass.Sent;
            retrying += pass.Retrying;
            failed += pass.FailedPermanently;
        }
        while (pass.Claimed >= MailOutbox.BatchSize);

        stdout.WriteLine($"已发送{N(sent)}封；{N(retrying)}封未被邮件服务器接收，留在发件箱中稍后重试；{N(failed)}封被拒收");
        return GongkaiCli.Ok;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
