using Gongkai.Core.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// The full list's filters given by name, as an operator types them: a category by its path (财政信息/预算), a 科室
/// and a 重点领域 by name, each the agency's own or refused as not found. The agency's category tree comes back too,
/// to show each item's category path.
/// </summary>
public static class FindListFilters
{
    public sealed record Request(Guid AgencyId, string? CategoryPath = null, string? Division = null, string? Topic = null);

    /// <param name="Categories">The agency's whole category tree.</param>
    public sealed record Response(CategoryTree Categories, Guid? CategoryId, Guid? DivisionId, Guid? TopicId);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == request.AgencyId).ToListAsync(cancellationToken);
        var created = CategoryTree.Create(categories);
        if (!created.TryGetValue(out var tree))
        {
            return created.Problem;
        }

        Guid? categoryId = null;
        if (request.CategoryPath is { Length: > 0 } path)
        {
            categoryId = tree.FindByPath(path)?.Id;
            if (categoryId is null)
            {
                return Problem.NotFound("item.categoryNotFound", $"「{path}」不是本机关的信息类别");
            }
        }

        Guid? divisionId = null;
        if (request.Division is { Length: > 0 } division)
        {
            divisionId = await db.Divisions.AsNoTracking().Where(d => d.AgencyId == request.AgencyId && d.Name == division)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (divisionId is null)
            {
                return Problem.NotFound("item.divisionNotFound", $"「{division}」不是本机关的科室");
            }
        }

        Guid? topicId = null;
        if (request.Topic is { Length: > 0 } topic)
        {
            topicId = await db.Topics.AsNoTracking().Where(t => t.AgencyId == request.AgencyId && t.Name == topic)
                .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (topicId is null)
            {
                return Problem.NotFound("item.topicNotFound", $"「{topic}」不是本机关的重点领域");
            }
        }

        return new Response(tree, categoryId, divisionId, topicId);
    }
}
