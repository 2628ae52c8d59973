namespace Gongkai.Domain.Appeals;

/// <summary>
/// The kinds of challenge the annual report's section 四 counts (条例 Art 50(三): "因政府信息公开工作被申请行政复议、
/// 提起行政诉讼的情况"; Art 51), in the table's print order: 行政复议, then 行政诉讼 split into 未经复议直接起诉 and
/// 复议后起诉.
/// </summary>
public enum AppealKind
{
    /// <summary>行政复议.</summary>
    Reconsideration,

    /// <summary>行政诉讼: 未经复议直接起诉.</summary>
    LitigationDirect,

    /// <summary>行政诉讼: 复议后起诉.</summary>
    LitigationAfterReconsideration,
}

public static class AppealKinds
{
    /// <summary>The row key of spec/report-json.md, e.g. <c>appeals.reconsideration.upheld</c>.</summary>
    public static string ReportRowKey(this AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "reconsideration",
        AppealKind.LitigationDirect => "litigationDirect",
        AppealKind.LitigationAfterReconsideration => "litigationAfterReconsideration",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The section 四 header label.</summary>
    public static string DisplayName(this AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.LitigationDirect => "未经复议直接起诉",
        AppealKind.LitigationAfterReconsideration => "复议后起诉",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsLitigation(this AppealKind kind) => kind != AppealKind.Reconsideration;
}
