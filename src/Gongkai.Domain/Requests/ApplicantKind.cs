namespace Gongkai.Domain.Requests;

/// <summary>
/// The applicant kinds of the annual report's section 三 columns (自然人; 法人或其他组织: 商业企业 / 科研机构 /
/// 社会公益组织 / 法律服务机构 / 其他), in the report's column order.
/// </summary>
public enum ApplicantKind
{
    NaturalPerson,
    CommercialEnterprise,
    ResearchInstitution,
    PublicWelfareOrganization,
    LegalServiceInstitution,
    OtherOrganization,
}

public static class ApplicantKinds
{
    public static bool IsOrganization(this ApplicantKind kind) => kind != ApplicantKind.NaturalPerson;

    /// <summary>The column key of spec/report-json.md, e.g. <c>requests.received.naturalPerson</c>.</summary>
    public static string ReportColumnKey(this ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "naturalPerson",
        ApplicantKind.CommercialEnterprise => "commercialEnterprise",
        ApplicantKind.ResearchInstitution => "researchInstitution",
        ApplicantKind.PublicWelfareOrganization => "publicWelfareOrganization",
        ApplicantKind.LegalServiceInstitution => "legalServiceInstitution",
        ApplicantKind.OtherOrganization => "otherOrganization",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DisplayName(this ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.CommercialEnterprise => "商业企业",
        ApplicantKind.ResearchInstitution => "科研机构",
        ApplicantKind.PublicWelfareOrganization => "社会公益组织",
        ApplicantKind.LegalServiceInstitution => "法律服务机构",
        ApplicantKind.OtherOrganization => "其他组织",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
