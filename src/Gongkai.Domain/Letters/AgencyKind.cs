namespace Gongkai.Domain.Letters;

/// <summary>
/// What an agency is, for its 复议机关 (spec/letters.md §4; 行政复议法 2023 Arts 24, 25, 27, 28). Stored as int.
/// </summary>
public enum AgencyKind
{
    /// <summary>A department of a local government at or above county level, or its 派出机构 (Art 24¶1(一), ¶4).</summary>
    Department,

    /// <summary>A local government: 乡镇, 县 or 市 (Art 24¶1(二)).</summary>
    LocalGovernment,

    /// <summary>海关、金融、外汇管理等实行垂直领导的行政机关、税务和国家安全机关 (Art 27).</summary>
    VerticallyLed,

    /// <summary>A 司法行政部门 (Art 28).</summary>
    JusticeAdministration,

    /// <summary>A 国务院部门 (Art 25(一)).</summary>
    StateCouncilDepartment,

    /// <summary>A provincial government (Art 24¶2).</summary>
    ProvincialGovernment,
}
