using System.Reflection;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Proactive;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Proactive;

/// <summary>Divisions, categories, the default tree and topics: the classification items are filed under.</summary>
public sealed class CatalogueTests
{
    private static readonly Guid Agency = Guid.NewGuid();

    [Fact]
    public void DivisionCreate_Name_Trimmed()
    {
        var division = Ok(Division.Create(Agency, "  综合科 "));

        Assert.Equal(("综合科", Agency), (division.Name, division.AgencyId));
        Assert.NotEqual(Guid.Empty, division.Id);
    }

    [Theory]
    [InlineData("", "division.nameRequired")]
    [InlineData("   ", "division.nameRequired")]
    [InlineData(null, "division.nameRequired")]
    public void DivisionCreate_NoName_Refused(string? name, string code) => Fails(Division.Create(Agency, name!), code);

    [Fact]
    public void DivisionCreate_NameTooLong_Refused()
    {
        Ok(Division.Create(Agency, new string('科', Division.MaxNameLength)));
        Fails(Division.Create(Agency, new string('科', Division.MaxNameLength + 1)), "division.nameTooLong");
    }

    [Fact]
    public void DivisionCreate_NoAgency_Refused() => Fails(Division.Create(Guid.Empty, "综合科"), "division.agencyRequired");

    [Fact]
    public void TopicCreate_SeedTopics_Accepted()
    {
        foreach (var name in new[] { "扶贫协作", "对口支援", "南水北调对口协作", "“四个服务”" })
        {
            Assert.Equal(name, Ok(Topic.Create(Agency, name)).Name);
        }

        Fails(Topic.Create(Agency, " "), "topic.nameRequired");
        Fails(Topic.Create(Agency, new string('领', Topic.MaxNameLength + 1)), "topic.nameTooLong");
        Fails(Topic.Create(Guid.Empty, "扶贫协作"), "topic.agencyRequired");
    }

    [Theory]
    [InlineData("", "category.nameRequired")]
    [InlineData("财政/预算", "category.nameInvalid")]
    public void CategoryCreate_BadName_Refused(string name, string code) => Fails(Category.Create(Agency, name), code);

    [Fact]
    public void CategoryCreate_ParentOfAnotherAgency_Refused()
    {
        var parent = Ok(Category.Create(Guid.NewGuid(), "财政信息"));

        Fails(Category.Create(Agency, "预算", parent), "category.parentOtherAgency");
    }

    [Fact]
    public void DefaultCategories_Create_SeedTreeThenArticle20Categories()
    {
        var tree = Ok(CategoryTree.Create(Ok(DefaultCategories.Create(Agency))));

        Assert.Equal(
            ["规划计划", "财政信息", "信息公开专栏", "建议提案办理结果", "业务动态", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"],
            tree.TopLevel.Select(c => c.Name));
        Assert.Equal(
            ["财政信息/预算", "财政信息/决算"],
            tree.ChildrenOf(tree.FindByPath("财政信息")!.Id).Select(c => tree.PathOf(c.Id)));
        Assert.Equal(
            ["年度报告", "政府信息公开指南", "政府信息主动公开全清单"],
            tree.ChildrenOf(tree.FindByPath("信息公开专栏")!.Id).Select(c => c.Name));
        Assert.All(tree.All, c => Assert.Equal(Agency, c.AgencyId));
        Assert.Equal(17, tree.All.Count);
    }

    [Theory]
    [InlineData("规章", Article20Item.Rules)]
    [InlineData("规范性文件", Article20Item.NormativeDocuments)]
    [InlineData("行政许可", Article20Item.Licensing)]
    [InlineData("行政处罚", Article20Item.Penalty)]
    [InlineData("行政强制", Article20Item.Coercion)]
    [InlineData("行政事业性收费", Article20Item.AdministrativeFees)]
    [InlineData("政府集中采购", Article20Item.CentralizedProcurement)]
    public void DefaultCategories_Article20Category_LinkedToItsItem(string name, Article20Item item)
    {
        var tree = Ok(CategoryTree.Create(Ok(DefaultCategories.Create(Agency))));

        Assert.Equal(item, tree.FindByPath(name)!.Article20Item);
        Assert.Equal(name, item.DisplayName());
    }

    [Fact]
    public void DefaultCategories_SeedCategories_NotLinkedToArticle20() =>
        Assert.All(
            Ok(DefaultCategories.Create(Agency)).Where(c => c.Name is "规划计划" or "财政信息" or "预算" or "业务动态" or "建议提案办理结果"),
            c => Assert.Null(c.Article20Item));

    [Fact]
    public void DefaultCategories_NoAgency_Refused() => Fails(DefaultCategories.Create(Guid.Empty), "category.agencyRequired");

    [Theory]
    [InlineData("财政信息/预算", "预算", "财政信息")]
    [InlineData(" 财政信息 ／ 决算 ", "决算", "财政信息")]
    [InlineData("信息公开专栏/政府信息主动公开全清单", "政府信息主动公开全清单", "信息公开专栏")]
    [InlineData("业务动态", "业务动态", "业务动态")]
    public void CategoryTree_FindByPath_FindsCategoryAndItsTopLevel(string path, string name, string top)
    {
        var tree = Ok(CategoryTree.Create(Ok(DefaultCategories.Create(Agency))));

        var category = tree.FindByPath(path);

        Assert.Equal(name, category?.Name);
        Assert.Equal(top, tree.TopLevelOf(category!.Id)?.Name);
    }

    [Theory]
    [InlineData("预算")]
    [InlineData("财政信息/年度报告")]
    [InlineData("")]
    public void CategoryTree_FindByPath_UnknownPath_Null(string path) =>
        Assert.Null(Ok(CategoryTree.Create(Ok(DefaultCategories.Create(Agency)))).FindByPath(path));

    [Fact]
    public void CategoryTree_UnknownId_Null()
    {
        var tree = Ok(CategoryTree.Create(Ok(DefaultCategories.Create(Agency))));

        Assert.Null(tree.TopLevelOf(Guid.NewGuid()));
        Assert.Null(tree.PathOf(Guid.NewGuid()));
    }

    [Fact]
    public void CategoryCreate_ChildOfArticle20Category_InheritsTheLink()
    {
        var rules = Ok(Category.Create(Agency, "规章", article20Item: Article20Item.Rules));

        Assert.Equal(Article20Item.Rules, Ok(Category.Create(Agency, "已废止", rules)).Article20Item);
        Assert.Equal(Article20Item.Rules, Ok(Category.Create(Agency, "现行有效", rules, Article20Item.Rules)).Article20Item);
        Fails(Category.Create(Agency, "许可", rules, Article20Item.Licensing), "category.article20Item");
        Assert.Null(Ok(Category.Create(Agency, "预算", Ok(Category.Create(Agency, "财政信息")))).Article20Item);
    }

    [Fact]
    public void CategoryTree_SiblingsWithSameName_Refused()
    {
        var a = Ok(Category.Create(Agency, "业务动态"));
        var b = Ok(Category.Create(Agency, "业务动态"));

        Fails(CategoryTree.Create([a, b]), "category.treeDuplicateName");
    }

    [Fact]
    public void CategoryTree_SameNameUnderDifferentParents_Accepted()
    {
        var a = Ok(Category.Create(Agency, "2019年"));
        var b = Ok(Category.Create(Agency, "2020年"));
        var tree = Ok(CategoryTree.Create([a, b, Ok(Category.Create(Agency, "预算", a)), Ok(Category.Create(Agency, "预算", b))]));

        Assert.NotEqual(tree.FindByPath("2019年/预算")!.Id, tree.FindByPath("2020年/预算")!.Id);
    }

    [Fact]
    public void CategoryTree_ParentMissing_Refused()
    {
        var parent = Ok(Category.Create(Agency, "财政信息"));

        Fails(CategoryTree.Create([Ok(Category.Create(Agency, "预算", parent))]), "category.treeParentMissing");
    }

    [Fact]
    public void CategoryTree_TwoAgencies_Refused() =>
        Fails(CategoryTree.Create([Ok(Category.Create(Agency, "规划计划")), Ok(Category.Create(Guid.NewGuid(), "业务动态"))]), "category.treeOtherAgency");

    [Fact]
    public void CategoryTree_CycleOfParents_Refused()
    {
        // Only stored rows edited by hand can loop; the factory cannot make one.
        var a = Ok(Category.Create(Agency, "甲"));
        var b = Ok(Category.Create(Agency, "乙", a));
        typeof(Category).GetProperty(nameof(Category.ParentId))!.SetValue(a, b.Id, BindingFlags.NonPublic, null, null, null);

        Fails(CategoryTree.Create([a, b]), "category.treeCycle");
    }

    [Fact]
    public void CategoryTree_SortOrder_OrdersSiblings()
    {
        var late = Ok(Category.Create(Agency, "业务动态", sortOrder: 2));
        var early = Ok(Category.Create(Agency, "规划计划", sortOrder: 1));

        Assert.Equal(["规划计划", "业务动态"], Ok(CategoryTree.Create([late, early])).All.Select(c => c.Name));
    }

    [Fact]
    public void Article20Items_ReportKeysAndItems_FollowReportJson()
    {
        Assert.Equal(
            ["rules", "normativeDocuments", "licensing", "inspection", "confirmation", "penalty", "coercion", "fees", "procurement"],
            Enum.GetValues<Article20Item>().Select(i => i.ReportKey()));
        Assert.Equal([1, 1, 5, 5, 5, 6, 6, 8, 9], Enum.GetValues<Article20Item>().Select(i => i.ArticleItem()));
        Assert.Equal([Article20Item.Rules, Article20Item.NormativeDocuments], Enum.GetValues<Article20Item>().Where(i => i.IsNormative()));
    }
}
