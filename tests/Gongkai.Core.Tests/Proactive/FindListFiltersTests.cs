using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;

namespace Gongkai.Core.Tests.Proactive;

public sealed class FindListFiltersTests
{
    public static TheoryData<string?, string?, string?, string?> Cases => new()
    {
        // category path, 科室, topic → the problem's code (null: found)
        { null, null, null, null },
        { "财政信息/预算", "综合科", "对口支援", null },
        { "财政信息/没有", null, null, "item.categoryNotFound" },
        { null, "他局的科", null, "item.divisionNotFound" },
        { null, null, "他局的领域", "item.topicNotFound" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Handle_NamesOfTheAgencyOrOfAnother_FoundOrNotFound(string? category, string? division, string? topic, string? code)
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Open();
        var own = Agency.Create("某区某局").Value;
        var other = Agency.Create("某区另一局").Value;
        var categories = DefaultCategories.Create(own.Id).Value;
        db.Agencies.AddRange(own, other);
        db.Categories.AddRange(categories);
        db.Topics.AddRange(Topic.Create(own.Id, "对口支援").Value, Topic.Create(other.Id, "他局的领域").Value);
        db.Divisions.AddRange(Division.Create(own.Id, "综合科").Value, Division.Create(other.Id, "他局的科").Value);
        await db.SaveChangesAsync(ct);

        var found = await FindListFilters.HandleAsync(db, new FindListFilters.Request(own.Id, category, division, topic), ct);

        if (code is not null)
        {
            Assert.Equal((code, ProblemKind.NotFound), (found.Problem.Code, found.Problem.Kind));
            return;
        }

        var filters = found.Value;
        Assert.Equal(categories.Count, filters.Categories.All.Count);
        Assert.Equal(category is null ? null : filters.Categories.FindByPath(category)!.Id, filters.CategoryId);
        Assert.Equal(division is null, filters.DivisionId is null);
        Assert.Equal(topic is null, filters.TopicId is null);
    }
}
