using Gongkai.Domain.Letters;

namespace Gongkai.Core.Features.Letters;

/// <summary>What people call the letter kinds and the agency kinds (spec/letters.md §1, §4), for pages and the 台账.</summary>
public static class LetterKindNames
{
    /// <summary>The kind's title as agencies print it.</summary>
    public static string Title(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "政府信息公开申请接收回执",
        LetterKind.Supplement => "政府信息公开申请补正告知书",
        LetterKind.ExplainReasons => "政府信息公开申请说明理由告知书",
        LetterKind.Extension => "政府信息公开申请延期答复告知书",
        LetterKind.ThirdPartyConsultation => "政府信息公开第三方意见征询函",
        LetterKind.ThirdPartyNotice => "政府信息公开告知书（给第三方）",
        LetterKind.AgencyConsultation => "政府信息公开征求意见函（给其他机关）",
        LetterKind.FeeNotice => "政府信息公开信息处理费收费通知书",
        LetterKind.Reply => "政府信息公开申请答复书",
        _ => kind.ToString(),
    };

    /// <summary>The kind's name on a command line and in spec/letters.md §1: receipt, explainReasons, reply …</summary>
    public static string Name(LetterKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>The kind's short Chinese name, as staff say it: 接收回执, 补正告知书, 答复书 …</summary>
    public static string ShortName(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "接收回执",
        LetterKind.Supplement => "补正告知书",
        LetterKind.ExplainReasons => "说明理由告知书",
        LetterKind.Extension => "延期答复告知书",
        LetterKind.ThirdPartyConsultation => "第三方意见征询函",
        LetterKind.ThirdPartyNotice => "第三方告知书",
        LetterKind.AgencyConsultation => "征求意见函",
        LetterKind.FeeNotice => "收费通知书",
        LetterKind.Reply => "答复书",
        _ => kind.ToString(),
    };

    /// <summary>The kind of a <see cref="Name"/> (case ignored), a <see cref="ShortName"/> or a <see cref="Title"/>, or null.</summary>
    public static LetterKind? Parse(string? name)
    {
        var trimmed = name?.Trim();
        return Enum.GetValues<LetterKind>().Select(k => (LetterKind?)k).FirstOrDefault(k =>
            string.Equals(Name(k!.Value), trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(ShortName(k.Value), trimmed, StringComparison.Ordinal)
            || string.Equals(Title(k.Value), trimmed, StringComparison.Ordinal));
    }

    /// <summary>
    /// Letters addressed to the applicant (what the status page lists): not the consultation of a third party or of
    /// another agency, nor the notice to a third party.
    /// </summary>
    public static bool ToApplicant(LetterKind kind) =>
        kind is not (LetterKind.ThirdPartyConsultation or LetterKind.ThirdPartyNotice or LetterKind.AgencyConsultation);

    public static string AgencyKind(AgencyKind kind) => kind switch
    {
        Domain.Letters.AgencyKind.Department => "县级以上地方人民政府工作部门（含其派出机构）",
        Domain.Letters.AgencyKind.LocalGovernment => "地方人民政府（乡镇、县、市）",
        Domain.Letters.AgencyKind.VerticallyLed => "实行垂直领导的行政机关（海关、金融、外汇管理等，税务、国家安全机关）",
        Domain.Letters.AgencyKind.JusticeAdministration => "司法行政部门",
        Domain.Letters.AgencyKind.StateCouncilDepartment => "国务院部门",
        Domain.Letters.AgencyKind.ProvincialGovernment => "省、自治区、直辖市人民政府",
        _ => kind.ToString(),
    };

    public static string Delivery(Data.Letters.DeliveryMethod method) => method switch
    {
        Data.Letters.DeliveryMethod.InPerson => "当面",
        Data.Letters.DeliveryMethod.Post => "邮寄",
        Data.Letters.DeliveryMethod.Email => "电子邮件",
        Data.Letters.DeliveryMethod.Online => "网上",
        _ => method.ToString(),
    };
}
