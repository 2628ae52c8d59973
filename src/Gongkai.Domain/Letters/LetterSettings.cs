namespace Gongkai.Domain.Letters;

/// <summary>
/// An agency's settings for its letters (spec/letters.md §2, §4): the 文号's prefix and kind codes, what the agency is
/// (which decides its 复议机关), the 复议机关 and the competent court, and its 政府信息公开工作机构's contact.
/// </summary>
public sealed record LetterSettings
{
    /// <summary>The agency's prefix of the 文号, e.g. 东外联.</summary>
    public string NumberPrefix { get; init; } = "";

    /// <summary>The kind codes of the 文号, e.g. Reply → 依申复; a kind without one uses <see cref="DefaultKindCodes"/>.</summary>
    public IReadOnlyDictionary<LetterKind, string> KindCodes { get; init; } = new Dictionary<LetterKind, string>();

    /// <summary>The agency's full name: the signatory of its letters, and its own 复议机关 where it is one (国务院部门, provincial government).</summary>
    public string AgencyName { get; init; } = "";

    public AgencyKind AgencyKind { get; init; }

    /// <summary>The 复议机关 (from 2024-01-01, 行政复议法 2023), e.g. 北京市东城区人民政府.</summary>
    public string ReconsiderationBody { get; init; } = "";

    /// <summary>
    /// The other 复议机关 the applicant may choose: before 2024-01-01 a department's 上一级主管部门 (2017 law Art 12¶1)
    /// unless a local reform removed the choice (then empty); a 司法行政部门's 上一级司法行政部门 (2023 law Art 28).
    /// </summary>
    public string AlternativeReconsiderationBody { get; init; } = "";

    /// <summary>The competent people's court, e.g. 北京市东城区人民法院.</summary>
    public string Court { get; init; } = "";

    /// <summary>The 政府信息公开工作机构's name, address and telephone (from the 指南).</summary>
    public string OfficeName { get; init; } = "";

    public string OfficeAddress { get; init; } = "";

    public string OfficePhone { get; init; } = "";

    /// <summary>The kind code of <paramref name="kind"/>: the agency's own, else the default.</summary>
    public string KindCode(LetterKind kind) =>
        KindCodes.TryGetValue(kind, out var code) && !string.IsNullOrWhiteSpace(code) ? code : DefaultKindCodes[kind];

    /// <summary>The kind codes used where an agency has set none.</summary>
    public static IReadOnlyDictionary<LetterKind, string> DefaultKindCodes { get; } = new Dictionary<LetterKind, string>
    {
        [LetterKind.Receipt] = "依申收",
        [LetterKind.Supplement] = "依申补",
        [LetterKind.ExplainReasons] = "依申说",
        [LetterKind.Extension] = "依申延",
        [LetterKind.ThirdPartyConsultation] = "依申征",
        [LetterKind.ThirdPartyNotice] = "依申告",
        [LetterKind.AgencyConsultation] = "依申商",
        [LetterKind.FeeNotice] = "依申费",
        [LetterKind.Reply] = "依申复",
    };
}
