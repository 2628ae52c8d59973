using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Letters;

/// <summary>
/// The remedy clause (救济途径) a decision carries (spec/letters.md §4): where and within what period the applicant
/// may apply for 行政复议 and sue, and whether 复议 must come first.
/// </summary>
/// <param name="ReconsiderationFirst">复议前置 (行政复议法 2023 Art 23¶1(四)): no direct lawsuit is offered.</param>
/// <param name="ReconsiderationBodies">The 复议机关, one or (the applicant's choice) two.</param>
/// <param name="Text">The clause as printed.</param>
public sealed record RemedyClause(bool ReconsiderationFirst, IReadOnlyList<string> ReconsiderationBodies, string Court, string Text);

/// <summary>
/// The remedy rule: keyed on the letter's date of issue (the 2023 行政复议法 took effect on 2024-01-01 with no
/// transitional article, so the clause follows the date of issue and an old letter re-printed keeps its wording), the
/// decision, and the agency's kind and settings.
/// </summary>
public static class Remedies
{
    /// <summary>The day the 2023 行政复议法 took effect (Art 90).</summary>
    public static readonly DateOnly ReconsiderationLaw2023 = new(2024, 1, 1);

    /// <summary>The clause of a reply issued on <paramref name="issuedOn"/>; every reply is a decision.</summary>
    public static RemedyClause ForReply(DateOnly issuedOn, ReplyOutcome outcome, ReplyParticulars particulars, LetterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bodies = ReconsiderationBodies(issuedOn, settings);
        var body = string.Join("或者", bodies);
        var court = string.IsNullOrWhiteSpace(settings.Court) ? "人民法院" : settings.Court;
        if (ReconsiderationFirst(issuedOn, outcome, particulars))
        {
            // 行政复议法 2023 Art 23¶2: the agency must tell the applicant to apply for 复议 first;
            // 行政诉讼法 Art 45: 15 days from receiving the 复议 decision.
            return new RemedyClause(true, bodies, court,
                "如对本答复不服，依照《中华人民共和国行政复议法》第二十三条的规定，应当先申请行政复议：您可以自知道本答复之日起60日内"
                + $"向{body}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内，依法向{court}提起行政诉讼。");
        }

        // 行政复议法 2023 Art 20 (2017 law Art 9): 60 days; 行政诉讼法 Art 46: 6 months.
        var act = issuedOn < ReconsiderationLaw2023 ? "该具体行政行为" : "本答复";
        return new RemedyClause(false, bodies, court,
            $"如对本答复不服，可以自知道{act}之日起60日内向{body}申请行政复议，或者自知道{act}之日起6个月内向{court}提起行政诉讼。");
    }

    /// <summary>
    /// The one place of the 复议前置 rule: from 2024-01-01 a 不予公开 decision (行政复议法 2023 Art 23¶1(四)) except
    /// 属于行政查询事项 (Art 36(七), apply under special rules: the ordinary clause), and — project decision, following the
    /// Supreme People's Court's 2011 规定 Art 9 (部分拒绝公开 is a 不予公开 decision) — a 部分公开 reply with a withheld part
    /// on any other ground. Revisit when the revised 行政复议法实施条例 (in force 2026-07-01) has been read.
    /// </summary>
    public static bool ReconsiderationFirst(DateOnly issuedOn, ReplyOutcome outcome, ReplyParticulars particulars)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(particulars);
        if (issuedOn < ReconsiderationLaw2023)
        {
            return false;
        }

        return outcome.Outcome switch
        {
            Outcome.Withheld => outcome.WithholdingGround != WithholdingGround.AdministrativeQuery,
            // No parts at all only in a reconstruction of a ledger's reply (an issued 部分公开 must list them): the grounds
            // are unknown, and 复议 first is the clause for every ground but 行政查询事项.
            Outcome.PartlyDisclosed => particulars.WithheldParts.Count == 0
                || particulars.WithheldParts.Any(p => p.Ground != WithholdingGround.AdministrativeQuery),
            _ => false,
        };
    }

    /// <summary>
    /// The 复议机关 on <paramref name="issuedOn"/> by the agency's kind (spec/letters.md §4): the settings' names, or the
    /// generic description where the agency has set none.
    /// </summary>
    public static IReadOnlyList<string> ReconsiderationBodies(DateOnly issuedOn, LetterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var self = Named(settings.ReconsiderationBody, Named(settings.AgencyName, "本机关"));
        if (issuedOn >= ReconsiderationLaw2023)
        {
            return settings.AgencyKind switch
            {
                // 2023 law Art 24¶1(一), ¶4.
                AgencyKind.Department => [Named(settings.ReconsiderationBody, "本级人民政府")],
                // Art 24¶1(二).
                AgencyKind.LocalGovernment => [Named(settings.ReconsiderationBody, "上一级人民政府")],
                // Art 27.
                AgencyKind.VerticallyLed => [Named(settings.ReconsiderationBody, "上一级主管部门")],
                // Art 28: the applicant's choice.
                AgencyKind.JusticeAdministration =>
                    [Named(settings.ReconsiderationBody, "本级人民政府"), Named(settings.AlternativeReconsiderationBody, "上一级司法行政部门")],
                // Art 25(一), Art 24¶2: the agency itself.
                AgencyKind.StateCouncilDepartment or AgencyKind.ProvincialGovernment => [self],
                _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.AgencyKind, null),
            };
        }

        return settings.AgencyKind switch
        {
            // 2017 law Art 12¶1: 本级人民政府 or 上一级主管部门, unless a local 集中复议 reform removed the choice (no alternative set).
            AgencyKind.Department or AgencyKind.JusticeAdministration => string.IsNullOrWhiteSpace(settings.AlternativeReconsiderationBody)
                ? [Named(settings.ReconsiderationBody, "本级人民政府")]
                : [Named(settings.ReconsiderationBody, "本级人民政府"), settings.AlternativeReconsiderationBody],
            // Art 12¶2.
            AgencyKind.VerticallyLed => [Named(settings.ReconsiderationBody, "上一级主管部门")],
            // Art 13.
            AgencyKind.LocalGovernment => [Named(settings.ReconsiderationBody, "上一级地方人民政府")],
            // Art 14.
            AgencyKind.StateCouncilDepartment or AgencyKind.ProvincialGovernment => [self],
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.AgencyKind, null),
        };
    }

    private static string Named(string name, string otherwise) => string.IsNullOrWhiteSpace(name) ? otherwise : name.Trim();
}
