namespace Gongkai.Domain.Proactive;

/// <summary>
/// The 条例 Art 20 items the annual report's section 二 counts (第二十条第（一）（五）（六）（八）（九）项), as a category
/// of the catalogue can be linked to them. Names follow the glossary; <see cref="Article20Items.ReportKey"/> gives
/// the row key of spec/report-json.md.
/// </summary>
public enum Article20Item
{
    /// <summary>规章, Art 20(一).</summary>
    Rules,

    /// <summary>规范性文件 (2021 format: 行政规范性文件), Art 20(一).</summary>
    NormativeDocuments,

    /// <summary>行政许可, Art 20(五).</summary>
    Licensing,

    /// <summary>行政检查, a local sub-row of 其他对外管理服务事项 in the 2019 format, Art 20(五).</summary>
    Inspection,

    /// <summary>行政确认, a local sub-row of 其他对外管理服务事项 in the 2019 format, Art 20(五).</summary>
    Confirmation,

    /// <summary>行政处罚, Art 20(六).</summary>
    Penalty,

    /// <summary>行政强制, Art 20(六).</summary>
    Coercion,

    /// <summary>行政事业性收费, Art 20(八).</summary>
    AdministrativeFees,

    /// <summary>政府集中采购, Art 20(九).</summary>
    CentralizedProcurement,
}

public static class Article20Items
{
    public static string DisplayName(this Article20Item item) => item switch
    {
        Article20Item.Rules => "规章",
        Article20Item.NormativeDocuments => "规范性文件",
        Article20Item.Licensing => "行政许可",
        Article20Item.Inspection => "行政检查",
        Article20Item.Confirmation => "行政确认",
        Article20Item.Penalty => "行政处罚",
        Article20Item.Coercion => "行政强制",
        Article20Item.AdministrativeFees => "行政事业性收费",
        Article20Item.CentralizedProcurement => "政府集中采购",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    /// <summary>The number of the Art 20 item (第二十条第（N）项) the row belongs to.</summary>
    public static int ArticleItem(this Article20Item item) => item switch
    {
        Article20Item.Rules or Article20Item.NormativeDocuments => 1,
        Article20Item.Licensing or Article20Item.Inspection or Article20Item.Confirmation => 5,
        Article20Item.Penalty or Article20Item.Coercion => 6,
        Article20Item.AdministrativeFees => 8,
        Article20Item.CentralizedProcurement => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    /// <summary>The row key in <c>article20.&lt;row&gt;.&lt;column&gt;</c> (spec/report-json.md).</summary>
    public static string ReportKey(this Article20Item item) => item switch
    {
        Article20Item.Rules => "rules",
        Article20Item.NormativeDocuments => "normativeDocuments",
        Article20Item.Licensing => "licensing",
        Article20Item.Inspection => "inspection",
        Article20Item.Confirmation => "confirmation",
        Article20Item.Penalty => "penalty",
        Article20Item.Coercion => "coercion",
        Article20Item.AdministrativeFees => "fees",
        Article20Item.CentralizedProcurement => "procurement",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    /// <summary>规章 and 规范性文件: the documents that can be repealed (废止) and are counted as in force.</summary>
    public static bool IsNormative(this Article20Item item) => item is Article20Item.Rules or Article20Item.NormativeDocuments;
}
