using System.Globalization;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Documents;

/// <summary>Texts every writer prints the same way.</summary>
public static class ReportTitles
{
    /// <summary>北京市东城区对外联络服务办公室2020年政府信息公开工作年度报告 (the parser reads agency and year back from it).</summary>
    public static string Title(AnnualReport report) =>
        (report.Agency ?? "") + (report.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) + "年" : "") + "政府信息公开工作年度报告";

    /// <summary>
    /// The title as printed: on one line when it fits <paramref name="charactersPerLine"/>, else the agency on the first
    /// line and the year and 政府信息公开工作年度报告 on the second, as offices break it (not after some character of
    /// the agency's name). Readers join the lines back.
    /// </summary>
    public static IReadOnlyList<string> TitleLines(AnnualReport report, int charactersPerLine)
    {
        var title = Title(report);
        var agency = report.Agency ?? "";
        return title.Length <= charactersPerLine || agency.Length == 0 ? [title] : [agency, title[agency.Length..]];
    }

    /// <summary>The narrative of a section as paragraphs.</summary>
    public static IEnumerable<string> Paragraphs(AnnualReport report, CellKey textKey) =>
        (report.Text(textKey) ?? "").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0);

    public static string FormatName(ReportFormat format) => format == ReportFormat.V2019
        ? "2019年版格式（国办公开办函〔2019〕60号）"
        : "2021年版格式（国办公开办函〔2021〕30号）";
}
