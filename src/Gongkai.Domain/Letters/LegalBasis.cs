using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Letters;

/// <summary>
/// What a letter cites: articles of the 条例 in ascending order and other instruments (国办函〔2020〕109号).
/// Empty for 其他处理（其他）, where the handler's text stands alone (spec/letters.md §3).
/// </summary>
public sealed record LegalBasis(IReadOnlyList<Citation> Articles, IReadOnlyList<string> Instruments)
{
    public static readonly LegalBasis None = new([], []);

    public bool IsEmpty => Articles.Count == 0 && Instruments.Count == 0;

    /// <summary>The citation as a phrase: 《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项.</summary>
    public string Phrase
    {
        get
        {
            var regulation = Articles.Count == 0 ? "" : Citation.Regulation + string.Join('、', Articles);
            return string.Join('和', new[] { regulation }.Concat(Instruments).Where(s => s.Length > 0));
        }
    }

    /// <summary>The reply's legal basis sentence, or empty when there is nothing to cite.</summary>
    public string ReplySentence => IsEmpty ? "" : $"本答复依据{Phrase}的规定作出。";

    internal static LegalBasis Of(IEnumerable<Citation> articles, params string[] instruments) =>
        new([.. articles.Distinct().OrderBy(c => c.SortKey)], instruments);
}

/// <summary>
/// The one place that maps a decision to the articles it cites (spec/letters.md §3) and each kind of letter to its
/// article (§1). Change the table there and here together.
/// </summary>
public static class LegalBases
{
    /// <summary>国办函〔2020〕109号 by its title, as fee letters cite it.</summary>
    public const string FeeMeasures = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";

    private static readonly Citation Art36Item3 = new(36, Item: 3);

    /// <summary>The articles a reply cites for its outcome; <paramref name="thirdPartyConsulted"/> adds Art 32 to 保护第三方合法权益.</summary>
    public static LegalBasis ForReply(ReplyOutcome outcome, ReplyParticulars particulars, bool thirdPartyConsulted = false)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(particulars);
        return outcome.Outcome switch
        {
            Outcome.Disclosed => LegalBasis.Of([new Citation(36, Item: particulars.AlreadyPublished ? 1 : 2)]),
            Outcome.PartlyDisclosed => LegalBasis.Of(
                new[] { new Citation(37), new Citation(36, Item: 2), Art36Item3 }
                    .Concat(particulars.WithheldParts.SelectMany(p => ForWithheldPart(p.Ground, thirdPartyConsulted)))),
            Outcome.Withheld => LegalBasis.Of(ForWithholding(outcome.WithholdingGround!.Value, thirdPartyConsulted)),
            Outcome.CannotProvide => LegalBasis.Of([outcome.CannotProvideGround!.Value switch
            {
                CannotProvideGround.NotHeld => new Citation(36, Item: particulars.NotThisAgency ? 5 : 4),
                CannotProvideGround.NeedsCreation => new Citation(38),
                // Project decision (spec §3): Art 30 does not expressly cover content still unclear after 补正.
                _ => new Citation(30),
            }]),
            Outcome.NotProcessed => LegalBasis.Of([outcome.NotProcessedGround!.Value switch
            {
                NotProcessedGround.PetitionOrComplaint => new Citation(39, Paragraph: 1),
                NotProcessedGround.Publication => new Citation(39, Paragraph: 2),
                NotProcessedGround.Excessive => new Citation(35),
                // 重复申请, and (project decision, following court practice) 确认或重新出具已获取信息: Art 36(六).
                _ => new Citation(36, Item: 6),
            }]),
            _ => outcome.OtherHandlingGround!.Value switch
            {
                OtherHandlingGround.NoSupplement => LegalBasis.Of([new Citation(30)]),
                OtherHandlingGround.FeeNotPaid => LegalBasis.Of([new Citation(42)], FeeMeasures),
                _ => LegalBasis.None,
            },
        };
    }

    /// <summary>
    /// The articles of a 不予公开 decision on <paramref name="ground"/>: the substantive article and Art 36(三); 属于行政查询事项
    /// cites Art 36(七) alone (project decision: apply under the special rules).
    /// </summary>
    public static IReadOnlyList<Citation> ForWithholding(WithholdingGround ground, bool thirdPartyConsulted = false) =>
        ground == WithholdingGround.AdministrativeQuery ? [new Citation(36, Item: 7)] : [.. Substantive(ground, thirdPartyConsulted), Art36Item3];

    /// <summary>What a withheld part of a 部分公开 reply cites for itself: its substantive article (Art 36(七) for 行政查询事项).</summary>
    public static IReadOnlyList<Citation> ForWithheldPart(WithholdingGround ground, bool thirdPartyConsulted = false) =>
        ground == WithholdingGround.AdministrativeQuery ? [new Citation(36, Item: 7)] : Substantive(ground, thirdPartyConsulted);

    /// <summary>The article of a letter that is not a reply (spec/letters.md §1).</summary>
    public static LegalBasis ForLetter(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => LegalBasis.Of([new Citation(31)]),
        LetterKind.Supplement => LegalBasis.Of([new Citation(30)]),
        LetterKind.ExplainReasons => LegalBasis.Of([new Citation(35)]),
        LetterKind.Extension => LegalBasis.Of([new Citation(33, Paragraph: 2)]),
        LetterKind.ThirdPartyConsultation or LetterKind.ThirdPartyNotice => LegalBasis.Of([new Citation(32)]),
        LetterKind.AgencyConsultation => LegalBasis.Of([new Citation(34)]),
        LetterKind.FeeNotice => LegalBasis.Of([new Citation(42)], FeeMeasures),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A reply's basis depends on its outcome: use ForReply."),
    };

    private static Citation[] Substantive(WithholdingGround ground, bool thirdPartyConsulted) => ground switch
    {
        WithholdingGround.StateSecret or WithholdingGround.ProhibitedByLaw or WithholdingGround.SecurityStability => [new Citation(14)],
        WithholdingGround.ThirdPartyRights => thirdPartyConsulted ? [new Citation(15), new Citation(32)] : [new Citation(15)],
        WithholdingGround.InternalAffairs => [new Citation(16, Paragraph: 1)],
        WithholdingGround.ProcessInformation or WithholdingGround.EnforcementCaseFile => [new Citation(16, Paragraph: 2)],
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, null),
    };
}
