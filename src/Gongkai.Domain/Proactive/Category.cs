using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// A node of an agency's catalogue tree (信息公开目录 categories, 条例 Art 12: "政府信息的分类、编排体系"): top-level
/// categories such as 财政信息 with children such as 预算. A category may stand for an Art 20 item, whose report row
/// then counts its items; its sub-categories stand for the same item. Paths are written with '/' (财政信息/预算), so
/// a name may not contain one.
/// </summary>
public sealed class Category
{
    public const int MaxNameLength = 50;
    public const char PathSeparator = '/';

    // For EF Core.
    private Category()
    {
        Name = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The parent category of the same agency; null for a top-level category.</summary>
    public Guid? ParentId { get; private set; }

    public Article20Item? Article20Item { get; private set; }

    /// <summary>The position among its siblings, ascending.</summary>
    public int SortOrder { get; private set; }

    public static Result<Category> Create(
        Guid agencyId, string name, Category? parent = null, Article20Item? article20Item = null, int sortOrder = 0)
    {
        if (agencyId == Guid.Empty)
        {
            return new Problem("category.agencyRequired", "类别应属于一个机关");
        }

        var named = ValidName(name);
        if (!named.TryGetValue(out var trimmed))
        {
            return named.Problem;
        }

        if (parent is not null && parent.AgencyId != agencyId)
        {
            return new Problem("category.parentOtherAgency", $"上级类别“{parent.Name}”属于其他机关");
        }

        if (article20Item is { } item && !Enum.IsDefined(item))
        {
            return new Problem("category.article20Item", "第二十条事项无效");
        }

        // A sub-category of 规章 holds 规章: it takes its parent's Art 20 item, and may not name another.
        if (parent?.Article20Item is { } inherited)
        {
            if (article20Item is { } own && own != inherited)
            {
                return new Problem("category.article20Item",
                    $"上级类别“{parent.Name}”对应第二十条的“{inherited.DisplayName()}”，下级类别不能对应“{own.DisplayName()}”");
            }

            article20Item = inherited;
        }

        return new Category
        {
            Id = Guid.NewGuid(),
            AgencyId = agencyId,
            Name = trimmed,
            ParentId = parent?.Id,
            Article20Item = article20Item,
            SortOrder = sortOrder,
        };
    }

    internal static Result<string> ValidName(string name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new Problem("category.nameRequired", "类别名称不能为空");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return new Problem("category.nameTooLong", $"类别名称不能超过{ProactiveText.Number(MaxNameLength)}个字");
        }

        if (trimmed.Contains(PathSeparator, StringComparison.Ordinal))
        {
            return new Problem("category.nameInvalid", $"类别名称不能包含“{PathSeparator}”（它用于分隔上下级类别）");
        }

        return trimmed;
    }
}
