using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Letters;

/// <summary>
/// The named fields (<c>{申请人}</c> …) a template may use and the sections (<c>[正文]</c> …) it has, per kind: what
/// <see cref="LetterTemplate.Parse"/> checks and <see cref="LetterComposer"/> fills (spec/letters.md §2–§5).
/// </summary>
public static class LetterFields
{
    public const string Applicant = "申请人";
    public const string TrackingNumber = "申请编号";
    public const string ReceivedOn = "收到日期";
    public const string Content = "申请内容";
    public const string Contact = "联系方式";
    public const string Agency = "本机关";
    public const string Basis = "法律依据";
    public const string ReplyDue = "答复期限";
    public const string SupplementItems = "补正事项";
    public const string SupplementPeriodEnd = "补正期限";
    public const string Reasons = "理由";
    public const string ExplanationDue = "说明期限";
    public const string ExtensionDays = "延长期限";
    public const string ExtendedDue = "延期后答复期限";
    public const string ThirdParty = "第三方";
    public const string DisclosedContent = "公开内容";
    public const string ConsultedAgency = "被征求意见机关";
    public const string FeeComputation = "计费明细";
    public const string FeeAmount = "收费金额";
    public const string PaymentMethod = "缴费方式";
    public const string FeeDue = "缴费期限";
    public const string Decision = "答复内容";
    public const string ReplyBasis = "答复依据";
    public const string Remedy = "救济途径";
    public const string ObtainFrom = "获取方式";
    public const string Remarks = "补充说明";
    public const string WithheldParts = "不予公开部分";
    public const string PartNumber = "序号";
    public const string PartContent = "不予公开内容";
    public const string PartGround = "不予公开情形";
    public const string PartBasis = "依据";
    public const string ResponsibleAgency = "负责机关";
    public const string ProperChannel = "办理渠道";
    public const string EarlierReplyNumber = "前次答复文号";
    public const string EarlierReplyDate = "前次答复日期";
    public const string SupplementNoticeNumber = "补正告知书文号";
    public const string SupplementNoticeDate = "补正告知书日期";
    public const string FeeNoticeNumber = "收费通知书文号";
    public const string FeeNoticeDate = "收费通知书日期";

    /// <summary>The salutation line (<c>{申请人}：</c>) and the body: every template has both.</summary>
    public const string SalutationSection = "称呼";
    public const string BodySection = "正文";

    /// <summary>The reply's line for one withheld part of a 部分公开 reply, repeated per part.</summary>
    public const string WithheldPartSection = "部分公开·不予公开部分";

    private static readonly string[] Common = [TrackingNumber, ReceivedOn, Content, Contact, Agency];

    private static readonly Dictionary<LetterKind, KindFields> Kinds = new()
    {
        [LetterKind.Receipt] = new([Applicant, TrackingNumber, ReceivedOn, Contact], [Basis, ReplyDue]),
        [LetterKind.Supplement] = new([Applicant, TrackingNumber, ReceivedOn, SupplementItems, SupplementPeriodEnd, Contact], [Basis]),
        [LetterKind.ExplainReasons] = new([Applicant, TrackingNumber, ReceivedOn, Reasons, Contact], [Basis, ExplanationDue]),
        [LetterKind.Extension] = new([Applicant, TrackingNumber, ReceivedOn, ExtensionDays, ExtendedDue, Contact], [Basis, ReplyDue, Reasons]),
        [LetterKind.ThirdPartyConsultation] = new([ThirdParty, Content, Contact], [Basis]),
        [LetterKind.ThirdPartyNotice] = new([ThirdParty, DisclosedContent, Reasons, Contact], [Basis]),
        [LetterKind.AgencyConsultation] = new([ConsultedAgency, Content, Contact], [Basis]),
        [LetterKind.FeeNotice] = new(
            [Applicant, TrackingNumber, ReceivedOn, FeeComputation, FeeAmount, PaymentMethod, Contact], [Basis, FeeDue]),
        [LetterKind.Reply] = new(
            [Applicant, TrackingNumber, ReceivedOn, Content, Decision, ReplyBasis, Remedy, Contact],
            [ObtainFrom, Reasons, Remarks, WithheldParts, PartNumber, PartContent, PartGround, PartBasis, ResponsibleAgency, ProperChannel,
                EarlierReplyNumber, EarlierReplyDate, SupplementNoticeNumber, SupplementNoticeDate, SupplementPeriodEnd,
                FeeNoticeNumber, FeeNoticeDate, FeeDue]),
    };

    /// <summary>The reply's body sections, one per leaf outcome of the 2021 format (and the two splits), with the fields each must use.</summary>
    private static readonly Dictionary<string, string[]> ReplySections = new()
    {
        ["予以公开（已主动公开）"] = [ObtainFrom],
        ["予以公开"] = [ObtainFrom],
        ["部分公开"] = [ObtainFrom, WithheldParts],
        [WithheldPartSection] = [PartContent, Reasons, PartBasis],
        ["不予公开（属于国家秘密）"] = [Reasons],
        ["不予公开（其他法律行政法规禁止公开）"] = [Reasons],
        ["不予公开（危及“三安全一稳定”）"] = [Reasons],
        ["不予公开（保护第三方合法权益）"] = [Reasons],
        ["不予公开（属于三类内部事务信息）"] = [Reasons],
        ["不予公开（属于四类过程性信息）"] = [Reasons],
        ["不予公开（属于行政执法案卷）"] = [Reasons],
        ["不予公开（属于行政查询事项）"] = [Reasons],
        ["无法提供（本机关不掌握相关政府信息）"] = [],
        ["无法提供（不属于本机关负责公开）"] = [Reasons, ResponsibleAgency],
        ["无法提供（没有现成信息需要另行制作）"] = [],
        ["无法提供（补正后申请内容仍不明确）"] = [Reasons],
        ["不予处理（信访举报投诉类申请）"] = [],
        ["不予处理（重复申请）"] = [EarlierReplyNumber, EarlierReplyDate],
        ["不予处理（要求提供公开出版物）"] = [ObtainFrom],
        ["不予处理（无正当理由大量反复申请）"] = [Reasons],
        ["不予处理（要求行政机关确认或重新出具已获取信息）"] = [Reasons],
        ["其他处理（逾期不补正）"] = [SupplementNoticeNumber, SupplementPeriodEnd],
        ["其他处理（逾期未缴纳信息处理费）"] = [FeeNoticeNumber, FeeDue],
        ["其他处理（其他）"] = [Reasons],
    };

    /// <summary>The fields a template of <paramref name="kind"/> must use in its salutation and body.</summary>
    public static IReadOnlyList<string> Required(LetterKind kind) => Of(kind).Required;

    /// <summary>Every field a template of <paramref name="kind"/> may use.</summary>
    public static IReadOnlySet<string> Allowed(LetterKind kind) => Of(kind).Allowed;

    /// <summary>The sections a template of <paramref name="kind"/> must have, each with the fields it must use (salutation and body: none of their own).</summary>
    public static IReadOnlyDictionary<string, string[]> Sections(LetterKind kind) => kind == LetterKind.Reply
        ? new Dictionary<string, string[]>(ReplySections) { [SalutationSection] = [], [BodySection] = [] }
        : new Dictionary<string, string[]> { [SalutationSection] = [], [BodySection] = [] };

    /// <summary>The reply's body section for a decision: the outcome's row, 予以公开 split by Art 36(一)/(二), 本机关不掌握 by Art 36(四)/(五).</summary>
    public static string ReplySection(ReplyOutcome outcome, ReplyParticulars particulars)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(particulars);
        return outcome.Outcome switch
        {
            Outcome.Disclosed => particulars.AlreadyPublished ? "予以公开（已主动公开）" : "予以公开",
            Outcome.CannotProvide when outcome.CannotProvideGround == CannotProvideGround.NotHeld && particulars.NotThisAgency =>
                "无法提供（不属于本机关负责公开）",
            Outcome.Other => outcome.OtherHandlingGround switch
            {
                OtherHandlingGround.NoSupplement => "其他处理（逾期不补正）",
                OtherHandlingGround.FeeNotPaid => "其他处理（逾期未缴纳信息处理费）",
                _ => "其他处理（其他）",
            },
            _ => outcome.DisplayName,
        };
    }

    private static KindFields Of(LetterKind kind) =>
        Kinds.TryGetValue(kind, out var fields) ? fields : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    private sealed class KindFields(string[] required, string[] optional)
    {
        public IReadOnlyList<string> Required { get; } = required;

        public IReadOnlySet<string> Allowed { get; } = new HashSet<string>(required.Concat(optional).Concat(Common), StringComparer.Ordinal);
    }
}
