using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// What the disclosure office records when it registers an application that did not come through the online form
/// (条例 Art 29¶1: letters, faxes, e-mails, oral applications, the form handed in): the day it arrived, the facts the
/// channel's receipt rule turns on (Art 31), and who wrote an oral application down. Validated on construction; the
/// receipt date follows from the channel (<see cref="ReceiptDate"/>).
/// </summary>
public sealed record IntakeFacts
{
    public const int MaxPostalNumberLength = 40;
    public const int MaxNameLength = 100;

    private IntakeFacts(Channel channel, DateOnly submittedOn, string? postalNumber, DateTimeOffset? mailReceivedAt, DateOnly? confirmedOn, string? filledInBy)
    {
        Channel = channel;
        SubmittedOn = submittedOn;
        PostalNumber = postalNumber;
        MailReceivedAt = mailReceivedAt;
        ConfirmedOn = confirmedOn;
        FilledInBy = filledInBy;
    }

    public Channel Channel { get; }

    /// <summary>The day the application reached the office: handed in, signed for, the letter or fax received, the e-mail's server receipt (in China).</summary>
    public DateOnly SubmittedOn { get; }

    /// <summary>The EMS or express waybill number of signed-for post (Art 31(二): the 签收 is proved by it).</summary>
    public string? PostalNumber { get; }

    /// <summary>When the office's mail server received the e-mail (its <c>Received</c> time).</summary>
    public DateTimeOffset? MailReceivedAt { get; }

    /// <summary>The day the office confirmed receipt with the applicant (平常信函 Art 31(二); fax, e-mail Art 31(三)); null until then.</summary>
    public DateOnly? ConfirmedOn { get; }

    /// <summary>The member of staff who wrote an oral application down (Art 29¶1).</summary>
    public string? FilledInBy { get; }

    /// <summary>收到申请之日 (Art 31): the submission day where it counts; the confirmation day where one is needed (null before it).</summary>
    public DateOnly? ReceiptDate => Channel.NeedsConfirmation() ? ConfirmedOn : SubmittedOn;

    /// <param name="submittedOn">The day of arrival; for e-mail it is taken from <paramref name="mailReceivedAt"/> instead.</param>
    /// <param name="applicantSigned">For an oral application: the applicant signed the form staff filled in.</param>
    /// <param name="today">From the injected clock: no date may be after it.</param>
    public static Result<IntakeFacts> Create(
        Channel channel, DateOnly? submittedOn, string? postalNumber, DateTimeOffset? mailReceivedAt, DateOnly? confirmedOn, string? filledInBy,
        bool applicantSigned, DateOnly today)
    {
        if (!Enum.IsDefined(channel))
        {
            return new Problem("intake.channel", "提交渠道无效");
        }

        if (channel == Channel.Online)
        {
            return new Problem("intake.online", "网络申请由申请人通过网上申请表提交，不由工作人员登记");
        }

        if (channel == Channel.Email)
        {
            if (mailReceivedAt is not { } received)
            {
                return new Problem("intake.mailReceivedAt", "电子邮件申请应记录本机关邮件服务器收到邮件的时间");
            }

            submittedOn = ChinaClock.ToChinaDate(received);
        }

        if (submittedOn is not { } submitted)
        {
            return new Problem("intake.submittedOn", channel == Channel.PostSigned ? "请填写签收日期" : "请填写收到申请的日期");
        }

        if (RecordDates.Check(submitted, "收到申请的日期") is { } outOfRange)
        {
            return outOfRange;
        }

        if (submitted > today)
        {
            return new Problem("intake.future", $"收到申请的日期（{RequestText.Date(submitted)}）不能晚于今天（{RequestText.Date(today)}）");
        }

        var number = channel == Channel.PostSigned ? Clean(postalNumber)?.ToUpperInvariant() : null;
        if (channel == Channel.PostSigned
            && (number is null || number.Length is < 6 or > MaxPostalNumberLength || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return new Problem("intake.postalNumber", "需签收的邮寄应记录EMS或快递单号（6至40位字母、数字）");
        }

        if (confirmedOn is { } confirmed)
        {
            if (!channel.NeedsConfirmation())
            {
                return new Problem("intake.noConfirmation", $"{channel.ReceiptRule()}，无需另行确认");
            }

            if (confirmed < submitted || confirmed > today)
            {
                return new Problem("intake.confirmedOn",
                    $"确认日期（{RequestText.Date(confirmed)}）应在收到申请之日（{RequestText.Date(submitted)}）与今天（{RequestText.Date(today)}）之间");
            }
        }

        var filler = channel == Channel.Oral ? Clean(filledInBy) : null;
        if (channel == Channel.Oral)
        {
            // 条例 Art 29¶1: "申请人书写确有困难的，可以口头提出，由受理该申请的政府信息公开工作机构代为填写".
            if (filler is null || filler.Length > MaxNameLength)
            {
                return new Problem("intake.filledInBy", "口头申请应记录代为填写的工作人员姓名（不超过100字）");
            }

            if (!applicantSigned)
            {
                return new Problem("intake.notSigned", "代为填写的申请表应经申请人签名确认（条例第二十九条第一款）");
            }
        }

        return new IntakeFacts(channel, submitted, number, channel == Channel.Email ? mailReceivedAt : null, confirmedOn, filler);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
