using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// One agency's categories as a checked tree: every parent present and of the same agency, no cycles, sibling names
/// distinct (so a path such as 财政信息/预算 names exactly one category). Answers the top-level category of an item
/// (what the annual report's counts are grouped by) and finds categories by path (what import files write).
/// Built from loaded categories; not stored.
/// </summary>
public sealed class CategoryTree
{
    private readonly Dictionary<Guid, Category> _byId;
    private readonly Dictionary<string, Category> _byPath;
    private readonly Dictionary<Guid, string> _pathById;
    private readonly List<Category> _ordered;

    private CategoryTree(Dictionary<Guid, Category> byId, Dictionary<Guid, string> pathById, List<Category> ordered)
    {
        _byId = byId;
        _pathById = pathById;
        _byPath = pathById.ToDictionary(p => p.Value, p => byId[p.Key], StringComparer.Ordinal);
        _ordered = ordered;
    }

    /// <summary>Every category, depth first, siblings by <see cref="Category.SortOrder"/> then name.</summary>
    public IReadOnlyList<Category> All => _ordered.AsReadOnly();

    public IEnumerable<Category> TopLevel => _ordered.Where(c => c.ParentId is null);

    public static Result<CategoryTree> Create(IEnumerable<Category> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var list = categories.ToList();
        var byId = new Dictionary<Guid, Category>();
        foreach (var category in list)
        {
            if (!byId.TryAdd(category.Id, category))
            {
                return Problem.Conflict("category.treeDuplicateId", $"类别“{category.Name}”重复出现");
            }
        }

        if (list.Select(c => c.AgencyId).Distinct().Count() > 1)
        {
            return new Problem("category.treeOtherAgency", "一个类别体系中的类别应属于同一机关");
        }

        foreach (var category in list)
        {
            if (category.ParentId is { } parentId && !byId.ContainsKey(parentId))
            {
                return new Problem("category.treeParentMissing", $"类别“{category.Name}”的上级类别不存在");
            }
        }

        var children = list.ToLookup(c => c.ParentId);
        var pathById = new Dictionary<Guid, string>();
        var ordered = new List<Category>(list.Count);
        var problem = Walk(null, "");
        if (problem is not null)
        {
            return problem;
        }

        // A category not reached from a top-level one sits on a cycle of parents.
        if (ordered.Count != list.Count)
        {
            var stray = list.First(c => !pathById.ContainsKey(c.Id));
            return new Problem("category.treeCycle", $"类别“{stray.Name}”的上下级关系构成循环");
        }

        return new CategoryTree(byId, pathById, ordered);

        Problem? Walk(Guid? parentId, string prefix)
        {
            var siblings = children[parentId].OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
            var duplicate = siblings.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                return Problem.Conflict("category.treeDuplicateName", $"同一上级下有多个名为“{duplicate.Key}”的类别");
            }

            foreach (var category in siblings)
            {
                var path = prefix.Length == 0 ? category.Name : prefix + Category.PathSeparator + category.Name;
                pathById[category.Id] = path;
                ordered.Add(category);
                if (Walk(category.Id, path) is { } p)
                {
                    return p;
                }
            }

            return null;
        }
    }

    public Category? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The category at a path such as <c>财政信息/预算</c> (names separated by '/' or the full-width '／', spaces
    /// around them ignored); null when there is none.
    /// </summary>
    public Category? FindByPath(string path)
    {
        var parts = (path ?? "").Split([Category.PathSeparator, '／']).Select(p => p.Trim());
        return _byPath.GetValueOrDefault(string.Join(Category.PathSeparator, parts));
    }

    /// <summary>The path of a category, e.g. <c>财政信息/预算</c>; null for an id not in the tree.</summary>
    public string? PathOf(Guid id) => _pathById.GetValueOrDefault(id);

    /// <summary>The top-level ancestor of a category (itself when top-level); null for an id not in the tree.</summary>
    public Category? TopLevelOf(Guid id)
    {
        var category = Find(id);
        while (category?.ParentId is { } parentId)
        {
            category = _byId[parentId];
        }

        return category;
    }

    public IEnumerable<Category> ChildrenOf(Guid id) => _ordered.Where(c => c.ParentId == id);
}
