using System.Globalization;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Documents;

/// <summary>Texts every writer prints the same way.</summary>
public static class ReportTitles
{
    /// <summary>北京市东城区对外联络服务办公室2020年政府信息公开工作年度报告 (the parser reads agency and year back from it).</summary>
    public static string Title(AnnualReport report) =>
        (report.Agency ?? "") + (report.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) + "年" : "") + "政府信息公开工作年度报告";

    /// <summary>The narrative of a section as paragraphs.</summary>
    public static IEnumerable<string> Paragraphs(AnnualReport report, string textKey) =>
        (report.Text(textKey) ?? "").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0);

    public static string FormatName(ReportFormat format) => format == ReportFormat.V2019
        ? "2019年版格式（国办公开办函〔2019〕60号）"
        : "2021年版格式（国办公开办函〔2021〕30号）";
}
