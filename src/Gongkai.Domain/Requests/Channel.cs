namespace Gongkai.Domain.Requests;

/// <summary>How an application reached the agency (条例 Art 29¶1: written, including letters and data messages, or
/// oral and written down by staff). The channel decides the receipt date, see <see cref="Channels"/>.</summary>
public enum Channel
{
    /// <summary>当面提交; also an oral application the disclosure office writes down for the applicant (Art 29¶1).</summary>
    InPerson,

    /// <summary>需签收的邮寄 (registered post, express).</summary>
    PostSigned,

    /// <summary>平常信函 and other post that needs no signature.</summary>
    PostUnsigned,

    /// <summary>互联网渠道: the platform's online form.</summary>
    Online,

    /// <summary>The disclosure office's fax.</summary>
    Fax,

    /// <summary>电子邮件 to the disclosure office's published address: a 数据电文 (Art 29¶1), received as Art 31(三) says.</summary>
    Email,

    /// <summary>口头提出: staff fill the form for the applicant, who signs it (Art 29¶1); received on the day (Art 31(一)).</summary>
    Oral,
}

/// <summary>
/// The receipt-date rule of 条例 Art 31 (收到申请之日, the day the reply clock starts from). The "submission date" of
/// a request is the day it reached the agency: handed in, signed for, the letter opened, the form filed, the fax
/// printed.
/// </summary>
public static class Channels
{
    /// <summary>
    /// True when the receipt date is a separate confirmation with the applicant, so the request waits in
    /// <see cref="RequestState.Submitted"/> and no clock runs until <see cref="RequestTrigger.ConfirmReceipt"/>:
    /// ordinary post (Art 31(二): "应当于收到申请的当日与申请人确认，确认之日为收到申请之日"), online and fax
    /// (Art 31(三): "以双方确认之日为收到申请之日"), e-mail likewise (a 数据电文, Art 29¶1). In person, oral (the form staff fill is
    /// handed in there and then, Art 29¶1 with Art 31(一)) (Art 31(一): "以提交之日为收到申请之日") and signed-for
    /// post (Art 31(二): "以行政机关签收之日为收到申请之日") are received on the submission date itself.
    /// </summary>
    public static bool NeedsConfirmation(this Channel channel) => channel switch
    {
        Channel.InPerson or Channel.PostSigned or Channel.Oral => false,
        Channel.PostUnsigned or Channel.Online or Channel.Fax or Channel.Email => true,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static string DisplayName(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交",
        Channel.PostSigned => "邮寄（需签收）",
        Channel.PostUnsigned => "平常信函",
        Channel.Online => "网络",
        Channel.Fax => "传真",
        Channel.Email => "电子邮件",
        Channel.Oral => "口头提出",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>The Art 31 item that fixes the receipt date, for descriptions and letters.</summary>
    public static string ReceiptRule(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）",
        Channel.PostSigned => "邮寄提交的，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）",
        Channel.PostUnsigned => "平常信函提交的，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）",
        Channel.Online => "通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
        Channel.Fax => "通过传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
        Channel.Email => "通过电子邮件提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
        Channel.Oral => "口头提出、由工作人员代为填写并经申请人签名确认的，以提交之日为收到申请之日（条例第二十九条第一款、第三十一条第（一）项）",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}
