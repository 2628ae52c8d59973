namespace Gongkai.Domain.Appeals;

/// <summary>
/// How a case ended, as the section 四 columns group results (结果维持 / 结果纠正 / 其他结果 / 尚未审结), in print order.
/// Neither format lists which decisions fall in which column; the examples below are our reading.
/// </summary>
public enum AppealResult
{
    /// <summary>结果维持: the agency's act upheld (复议维持, 判决驳回诉讼请求 …).</summary>
    Upheld,

    /// <summary>结果纠正: the agency's act corrected (撤销, 变更, 确认违法, 责令履行 …).</summary>
    Corrected,

    /// <summary>其他结果: neither (驳回复议申请, 终止, 撤诉, 调解 …).</summary>
    Other,

    /// <summary>尚未审结: not concluded.</summary>
    Pending,
}

public static class AppealResults
{
    /// <summary>The four results in the table's column order.</summary>
    public static IReadOnlyList<AppealResult> All { get; } =
        [AppealResult.Upheld, AppealResult.Corrected, AppealResult.Other, AppealResult.Pending];

    public static bool IsConcluded(this AppealResult result) => result != AppealResult.Pending;

    /// <summary>The column key of spec/report-json.md, e.g. <c>appeals.reconsideration.upheld</c>.</summary>
    public static string ReportColumnKey(this AppealResult result) => result switch
    {
        AppealResult.Upheld => "upheld",
        AppealResult.Corrected => "corrected",
        AppealResult.Other => "other",
        AppealResult.Pending => "pending",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    /// <summary>The section 四 column label.</summary>
    public static string DisplayName(this AppealResult result) => result switch
    {
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        AppealResult.Other => "其他结果",
        AppealResult.Pending => "尚未审结",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };
}
