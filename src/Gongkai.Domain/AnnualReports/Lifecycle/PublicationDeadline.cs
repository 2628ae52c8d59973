using Gongkai.Domain.Common;

namespace Gongkai.Domain.AnnualReports.Lifecycle;

/// <summary>Whose annual report it is, which decides its deadline (条例 Art 49).</summary>
public enum ReportLevel
{
    /// <summary>县级以上人民政府部门: its own report.</summary>
    Department,

    /// <summary>县级以上地方人民政府: the report of the whole government, compiled by its 政府信息公开工作主管部门.</summary>
    Government,
}

/// <summary>
/// 条例 Art 49: "县级以上人民政府部门应当在每年1月31日前……提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。县级以上地方人民政府的
/// 政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。" 前 is read as "by": the last day
/// itself is in time, as 国办 notices on the 2019 change read it ("1月31日前向社会公布"). A fixed calendar date, not
/// working days: Art 49 counts no 工作日, so a deadline on a holiday does not move.
/// </summary>
public static class PublicationDeadline
{
    public static DateOnly For(int reportYear, ReportLevel level) =>
        level == ReportLevel.Government ? new DateOnly(reportYear + 1, 3, 31) : new DateOnly(reportYear + 1, 1, 31);

    public static string Describe(int reportYear, ReportLevel level) => ChineseDate.Format(For(reportYear, level)) + "前公布（条例第四十九条）";
}
