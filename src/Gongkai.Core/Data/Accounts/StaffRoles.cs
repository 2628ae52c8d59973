namespace Gongkai.Core.Data.Accounts;

/// <summary>
/// The roles of staff accounts (issue 6). Stored in Identity by their English code; shown by their Chinese name.
/// What each role may do is decided in one place, the web host's StaffAccess.
/// </summary>
public static class StaffRoles
{
    /// <summary>经办人: handles applications, writes items, enters figures and appeal cases.</summary>
    public const string Handler = "Handler";

    /// <summary>审核人: the 保密审查 of items before publication (条例 Art 17).</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>
    /// 机关管理员: everything in the agency, the annual report and its audit trail. Also the 政府信息公开工作机构负责人 whose
    /// consent an extension needs (条例 Art 33¶2).
    /// </summary>
    public const string AgencyAdmin = "AgencyAdmin";

    /// <summary>政务公开办: oversight of an agency and every agency under it (read), and its own government's report.</summary>
    public const string Oversight = "Oversight";

    /// <summary>审计: reads everything of the agency, the 台账 included, and changes nothing.</summary>
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [Handler, Reviewer, AgencyAdmin, Oversight, Auditor];

    public static string DisplayName(string role) => role switch
    {
        Handler => "经办人",
        Reviewer => "审核人",
        AgencyAdmin => "机关管理员",
        Oversight => "政务公开办",
        Auditor => "审计",
        _ => role,
    };
}
