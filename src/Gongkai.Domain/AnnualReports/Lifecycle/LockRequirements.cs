using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.AnnualReports.Lifecycle;

/// <summary>
/// What a report needs in words before it is locked: 条例 Art 50 asks the annual report for "存在的主要问题及改进情况"
/// and "其他需要报告的事项" as well as the figures, so sections 五 and 六 must say something (a section with nothing to
/// report says so, e.g. "无"), and 一、总体情况 must be drafted. The titles are the format's own (the 2019 and 2021
/// declarations in <see cref="ReportLayouts"/>).
/// </summary>
public static class LockRequirements
{
    public const string TextMissing = "report.textMissing";

    /// <summary>The narrative sections the lock needs, in the report's order.</summary>
    public static IReadOnlyList<CellKey> Required { get; } = [CellKey.Overview, CellKey.Problems, CellKey.OtherMatters];

    /// <summary>The sections of <paramref name="report"/>'s format that the lock needs and that are empty (or only blanks).</summary>
    public static IReadOnlyList<SectionSpec> Missing(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            .. report.Layout.Sections.Where(s => s.TextKey is { } key && Required.Contains(key) && string.IsNullOrWhiteSpace(report.Text(key))),
        ];
    }

    /// <summary>Null when every required section has text; else the refusal naming each missing section by its title.</summary>
    public static Problem? Check(AnnualReport report)
    {
        var missing = Missing(report);
        if (missing.Count == 0)
        {
            return null;
        }

        var names = string.Join("、", missing.Select(s => "“" + s.Title + "”"));
        return Problem.Invalid(TextMissing, $"年度报告锁定前须填写{names}（没有需要报告的内容时写明“无”）");
    }
}
