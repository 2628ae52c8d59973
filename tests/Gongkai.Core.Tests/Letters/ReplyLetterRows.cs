using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Features.Requests;

namespace Gongkai.Core.Tests.Letters;

/// <summary>How the application reaches its decision in the procedure.</summary>
internal enum ReplyPath
{
    /// <summary>Confirmed, processed, replied.</summary>
    Plain,

    /// <summary>A third party consulted (条例 Art 32) before the reply.</summary>
    ThirdPartyConsulted,

    /// <summary>补正 asked and received (Art 30), then processed and replied.</summary>
    Supplemented,

    /// <summary>补正 asked with a 补正告知书 issued, and the period lapsed: closed as 逾期不补正.</summary>
    SupplementLapsed,

    /// <summary>A fee set with a 收费通知书 issued, and the payment period lapsed: closed as 逾期未缴纳.</summary>
    FeeLapsed,

    /// <summary>An earlier application of the same applicant replied first; this one replied as 重复申请 citing that reply.</summary>
    Repeated,

    /// <summary>说明理由 asked (Art 35) with its 告知书 issued, the reasons found unreasonable: closed as 不予处理, the reasons given at issue.</summary>
    ReasonsRejected,
}

/// <summary>A withheld part of a 部分公开 reply: what, why, and the article its line must cite.</summary>
internal sealed record WithheldLine(string Part, string Ground, string Reasons, string Article);

/// <summary>
/// One row of spec/letters.md §3, written out here from the spec (never from the product's LegalBases or Remedies):
/// the outcome as the reply form sends it, what the handler gives, every article of the 条例 the letter must cite and
/// no other, what else the letter must carry, and whether from 2024-01-01 the decision is a 不予公开 one whose
/// remedy clause puts 复议 first (spec §4: every 不予公开 ground except 行政查询事项, and a 部分公开 reply's withheld parts).
/// </summary>
/// <param name="Outcome">A <see cref="ReplyOutcomes"/> value; null for the closings the procedure records (逾期不补正, 逾期未缴纳).</param>
internal sealed record ReplyRow(
    string Name, string? Outcome, ReplyParticularsFields? Particulars, string[] Articles, string[] Says, bool ReconsiderationFirst,
    ReplyPath Path = ReplyPath.Plain, WithheldLine[]? Parts = null, string[]? Instruments = null)
{
    public override string ToString() => Name;
}

/// <summary>The expected table and the independent readings of a letter's text the acceptance tests compare with.</summary>
internal static partial class ReplyLetterRows
{
    public const string Regulation = "《中华人民共和国政府信息公开条例》";

    private const string Published = "本机关门户网站“数字东城”已于2026年主动公开，网址http://www.bjdch.gov.cn/n1/c1024.html";
    private const string Provide = "本机关将于本答复书送达之日起五个工作日内以电子邮件方式向您提供该政府信息";

    private static readonly WithheldLine[] Parts =
    [
        new("采购合同中供应商的开户银行及账号", "ThirdPartyRights", "该内容属于供应商的商业秘密，公开会对其合法权益造成损害", "第十五条"),
        new("评审会议的讨论记录", "ProcessInformation", "该内容属于评审过程中形成的讨论记录", "第十六条第二款"),
    ];

    public static IReadOnlyList<ReplyRow> All { get; } =
    [
        new("予以公开（已主动公开）", "Disclosed", new(ObtainFrom: Published, AlreadyPublished: true), ["第三十六条第（一）项"], ["http://www.bjdch.gov.cn/n1/c1024.html"], false),
        new("予以公开", "Disclosed", new(ObtainFrom: Provide), ["第三十六条第（二）项"], [Provide], false),
        new("部分公开", "PartlyDisclosed",
            new(ObtainFrom: Provide, WithheldParts: [.. Parts.Select(p => new WithheldPartFields(p.Part, p.Ground, p.Reasons))]),
            ["第十五条", "第十六条第二款", "第三十六条第（二）项", "第三十六条第（三）项", "第三十七条"], [Provide], true, Parts: Parts),
        Withheld("不予公开 1 属于国家秘密", "StateSecret", "该信息已依法确定为国家秘密", "第十四条"),
        Withheld("不予公开 2 其他法律行政法规禁止公开", "ProhibitedByLaw", "统计调查中能够识别单个统计调查对象的资料依法应当保密", "第十四条"),
        Withheld("不予公开 3 危及“三安全一稳定”", "SecurityStability", "该信息公开后可能危及公共安全和社会稳定", "第十四条"),
        Withheld("不予公开 4 保护第三方合法权益", "ThirdPartyRights", "该信息涉及他人的个人隐私，公开会对第三方合法权益造成损害", "第十五条"),
        Withheld("不予公开 4 保护第三方合法权益（征求第三方意见）", "ThirdPartyRights", "第三方不同意公开且该信息涉及其商业秘密", "第十五条", "第三十二条") with
        {
            Path = ReplyPath.ThirdPartyConsulted,
        },
        Withheld("不予公开 5 属于三类内部事务信息", "InternalAffairs", "该信息属于本机关的人事管理信息", "第十六条第一款"),
        Withheld("不予公开 6 属于四类过程性信息", "ProcessInformation", "该信息属于尚未定稿的请示报告", "第十六条第二款"),
        Withheld("不予公开 7 属于行政执法案卷", "EnforcementCaseFile", "该信息属于行政处罚案件的执法案卷", "第十六条第二款"),
        new("不予公开 8 属于行政查询事项", "Withheld:AdministrativeQuery", new(Reasons: "请依照不动产登记资料查询的有关规定向不动产登记机构申请查询"),
            ["第三十六条第（七）项"], ["请依照不动产登记资料查询的有关规定向不动产登记机构申请查询"], false),
        new("无法提供 1 本机关不掌握相关政府信息", "CannotProvide:NotHeld", null, ["第三十六条第（四）项"], ["检索", "不存在"], false),
        new("无法提供 1 不属于本机关负责公开", "CannotProvide:NotHeld",
            new(Reasons: "该信息由区住房和城乡建设委员会制作并保存", NotThisAgency: true, ResponsibleAgencyName: "北京市东城区住房和城乡建设委员会",
                ResponsibleAgencyContact: "地址北京市东城区某某路九号，电话010-64001999"),
            ["第三十六条第（五）项"], ["该信息由区住房和城乡建设委员会制作并保存", "北京市东城区住房和城乡建设委员会", "地址北京市东城区某某路九号，电话010-64001999"], false),
        new("无法提供 2 没有现成信息需要另行制作", "CannotProvide:NeedsCreation", null, ["第三十八条"], ["加工", "分析"], false),
        new("无法提供 3 补正后申请内容仍不明确", "CannotProvide:UnclearAfterSupplement", new(Reasons: "补正后仍未说明所需信息的名称和形成时间"),
            ["第三十条"], ["补正后仍未说明所需信息的名称和形成时间"], false, ReplyPath.Supplemented),
        new("不予处理 1 信访举报投诉类申请", "NotProcessed:PetitionOrComplaint", new(ObtainFrom: "北京市东城区信访办公室（北京市东城区某某街一号）"),
            ["第三十九条第一款"], ["北京市东城区信访办公室（北京市东城区某某街一号）"], false),
        new("不予处理 2 重复申请", "NotProcessed:Repeated", null, ["第三十六条第（六）项"], [], false, ReplyPath.Repeated),
        new("不予处理 3 要求提供公开出版物", "NotProcessed:Publication", new(ObtainFrom: "该年鉴可在北京市东城区图书馆查阅或者向出版社购买"),
            ["第三十九条第二款"], ["该年鉴可在北京市东城区图书馆查阅或者向出版社购买"], false),
        new("不予处理 4 无正当理由大量反复申请", "NotProcessed:Excessive", new(Reasons: "您在一个月内提出同类申请四十件，所说明的理由不能成立"),
            ["第三十五条"], ["您在一个月内提出同类申请四十件，所说明的理由不能成立"], false),
        new("不予处理 4 无正当理由大量反复申请（说明理由后认定不合理）", null, new(Reasons: "您所说明的理由不能证明申请数量、频次的合理性"),
            ["第三十五条"], ["您所说明的理由不能证明申请数量、频次的合理性"], false, ReplyPath.ReasonsRejected),
        new("不予处理 5 要求行政机关确认或重新出具已获取信息", "NotProcessed:ConfirmOrReissue", new(Reasons: "您已获取本机关的年度工作总结，现要求重新出具并加盖印章"),
            ["第三十六条第（六）项"], ["您已获取本机关的年度工作总结，现要求重新出具并加盖印章"], false),
        new("其他处理 1 逾期不补正", null, null, ["第三十条"], [], false, ReplyPath.SupplementLapsed),
        new("其他处理 2 逾期未缴纳信息处理费", null, null, ["第四十二条"], [], false, ReplyPath.FeeLapsed, Instruments: ["国办函〔2020〕109号"]),
        new("其他处理 3 其他", "Other:Other", new(Reasons: "您已在答复前书面撤回其中两项申请，其余事项本机关已另行答复"),
            [], ["您已在答复前书面撤回其中两项申请，其余事项本机关已另行答复"], false),
    ];

    /// <summary>For <c>[MemberData]</c>: every row's name.</summary>
    public static IEnumerable<string> Names => All.Select(r => r.Name);

    public static ReplyRow Named(string name) => All.Single(r => r.Name == name);

    /// <summary>A 不予公开 row on grounds 1–7: reasons, the substantive article(s) and Art 36(三); 复议 first from 2024.</summary>
    private static ReplyRow Withheld(string name, string ground, string reasons, params string[] substantive) =>
        new(name, "Withheld:" + ground, new(Reasons: reasons), [.. substantive, "第三十六条第（三）项"], [reasons], true);

    /// <summary>
    /// Every article of the 条例 the text cites: each run of 第…条[第…款][第（…）项] joined by 、 right after the
    /// regulation's title (the remedy clause's articles of other laws are not the 条例's).
    /// </summary>
    public static SortedSet<string> CitedArticles(string text)
    {
        var cited = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match run in CitationRun().Matches(text))
        {
            foreach (Match article in Article().Matches(run.Groups["run"].Value))
            {
                cited.Add(article.Value);
            }
        }

        return cited;
    }

    /// <summary>2026年11月3日: a date in the body (spec/letters.md §2: “我机关于2026年12月4日收到…”).</summary>
    public static string BodyDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>二〇二六年十二月四日: the date of issue under the signature (spec/letters.md §2).</summary>
    public static string IssueDate(DateOnly date)
    {
        const string digits = "〇一二三四五六七八九";
        static string Small(int n) => n < 10 ? digits[n].ToString() : (n / 10 == 1 ? "" : digits[n / 10].ToString()) + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        var year = string.Concat(date.Year.ToString(CultureInfo.InvariantCulture).Select(c => digits[c - '0']));
        return $"{year}年{Small(date.Month)}月{Small(date.Day)}日";
    }

    [GeneratedRegex("《中华人民共和国政府信息公开条例》(?<run>(?:第[一二三四五六七八九十]+条(?:第[一二三四五六七八九十]+款)?(?:第（[一二三四五六七八九十]+）项)?[、和及]?)+)")]
    private static partial Regex CitationRun();

    [GeneratedRegex("第[一二三四五六七八九十]+条(?:第[一二三四五六七八九十]+款)?(?:第（[一二三四五六七八九十]+）项)?")]
    private static partial Regex Article();
}
