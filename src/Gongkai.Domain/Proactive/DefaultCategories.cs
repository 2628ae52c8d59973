using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>One category of the default tree, with the names of its children.</summary>
public sealed record DefaultCategory(string Name, Article20Item? Article20Item, IReadOnlyList<string> Children);

/// <summary>
/// The category tree a new agency starts with: the five categories the seed report counts its 2020 items in
/// (规划计划, 财政信息, 信息公开专栏, 建议提案办理结果, 业务动态, with the children its narrative names), then one
/// category per Art 20 item that section 二 of the report counts (条例 Art 20(一)(五)(六)(八)(九)). Agencies change
/// their tree afterwards; this is only the start.
/// </summary>
public static class DefaultCategories
{
    public static IReadOnlyList<DefaultCategory> All { get; } =
    [
        new("规划计划", null, []),
        new("财政信息", null, ["预算", "决算"]),
        new("信息公开专栏", null, ["年度报告", "政府信息公开指南", "政府信息主动公开全清单"]),
        new("建议提案办理结果", null, []),
        new("业务动态", null, []),
        new("规章", Article20Item.Rules, []),
        new("规范性文件", Article20Item.NormativeDocuments, []),
        new("行政许可", Article20Item.Licensing, []),
        new("行政处罚", Article20Item.Penalty, []),
        new("行政强制", Article20Item.Coercion, []),
        new("行政事业性收费", Article20Item.AdministrativeFees, []),
        new("政府集中采购", Article20Item.CentralizedProcurement, []),
    ];

    /// <summary>New categories of the default tree for an agency, parents before their children, numbered from 1.</summary>
    public static Result<IReadOnlyList<Category>> Create(Guid agencyId)
    {
        var categories = new List<Category>();
        var order = 0;
        foreach (var top in All)
        {
            var created = Category.Create(agencyId, top.Name, null, top.Article20Item, ++order);
            if (!created.TryGetValue(out var parent))
            {
                return created.Problem;
            }

            categories.Add(parent);
            var childOrder = 0;
            foreach (var name in top.Children)
            {
                // Valid by construction once the parent is: same agency, fixed names.
                categories.Add(Category.Create(agencyId, name, parent, null, ++childOrder).Value);
            }
        }

        return categories;
    }
}
