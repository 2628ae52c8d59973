namespace Gongkai.Domain.Article20;

/// <summary>
/// The documents of 条例 Art 20(一) ("行政法规、规章和规范性文件") that an agency makes itself and the report's
/// 第二十条第（一）项 counts: 规章, and 规范性文件 (2021: 行政规范性文件).
/// </summary>
public enum RegulatoryItemKind
{
    /// <summary>规章.</summary>
    Rules,

    /// <summary>规范性文件 (2019 label) / 行政规范性文件 (2021 label).</summary>
    NormativeDocuments,
}

public static class RegulatoryItemKinds
{
    /// <summary>The row key of spec/report-json.md, e.g. <c>article20.rules.made</c>.</summary>
    public static string ReportRowKey(this RegulatoryItemKind kind) => kind switch
    {
        RegulatoryItemKind.Rules => "rules",
        RegulatoryItemKind.NormativeDocuments => "normativeDocuments",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
