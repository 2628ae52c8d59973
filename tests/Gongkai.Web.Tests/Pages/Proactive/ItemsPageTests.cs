using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Proactive;

/// <summary>主动公开全清单: newest first, 20 a page, filters, search, and nothing the public may not see.</summary>
public sealed class ItemsPageTests(DemoSites sites)
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Items_FirstAndSecondPage_TwentyNewestFirstThenTheRest(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();

        var first = await PageReader.GetAsync(client, $"/agencies/{site.OfficeId:D}/items");
        var second = await PageReader.GetAsync(client, first.LinkTo("下一页"));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var firstRows = Rows(first);
        Assert.Equal(20, firstRows.Count);
        Assert.Equal(DemoSite.AttachedTitle, firstRows[0].Title);
        var dates = firstRows.Concat(Rows(second)).Select(r => r.Date).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);

        // 38 seed items + 1 published here − 1 withdrawn = 38: 20 on the first page, 18 on the second, no third.
        Assert.Equal(18, Rows(second).Count);
        Assert.Equal($"/agencies/{site.OfficeId:D}/items", second.LinkTo("上一页"));
        Assert.Empty(second.Document.QuerySelectorAll("a[rel=next]"));
        Assert.Contains("第2页", second.Text, StringComparison.Ordinal);
        Assert.Empty(firstRows.Concat(Rows(second)).Select(r => r.Title).Intersect([DemoSite.WithdrawnTitle, DemoSite.UnreviewedTitle]));
        Assert.Contains(DemoSite.UpdatedTitle, firstRows.Concat(Rows(second)).Select(r => r.Title));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Items_Filters_CategoryWithSubcategoriesTopicYearDivision(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();
        await using var db = site.Open();
        var ct = TestContext.Current.CancellationToken;
        var finance = await db.Categories.SingleAsync(c => c.AgencyId == site.OfficeId && c.Name == "财政信息" && c.ParentId == null, ct);
        var topic = await db.Topics.SingleAsync(t => t.AgencyId == site.OfficeId && t.Name == "南水北调对口协作", ct);
        var division = await db.Divisions.SingleAsync(d => d.AgencyId == site.OfficeId && d.Name == "综合科", ct);
        var path = $"/agencies/{site.OfficeId:D}/items";

        var financial = Rows(await PageReader.GetAsync(client, $"{path}?category={finance.Id:D}&year=2020"));
        var water = Rows(await PageReader.GetAsync(client, $"{path}?topic={topic.Id:D}"));
        var byDivision = await PageReader.GetAsync(client, $"{path}?division={division.Id:D}&year=2020");
        var none = await PageReader.GetAsync(client, $"{path}?year=2019");

        // 预算 (shown as published, its update unreviewed) and 决算, the sub-categories of 财政信息.
        Assert.Equal(["北京市东城区对外联络服务办公室2019年部门决算", DemoSite.UpdatedTitle], financial.Select(r => r.Title).Order(StringComparer.Ordinal));
        Assert.All(financial, r => Assert.True(r.Category is "预算" or "决算", r.Category));
        Assert.Equal(5, water.Count); // every sixth 业务动态 item of the seed: 30 / 6
        Assert.All(water, r => Assert.Contains("南水北调", r.Title, StringComparison.Ordinal));
        Assert.NotEmpty(Rows(byDivision));
        Assert.All(Rows(byDivision), r => Assert.StartsWith("2020-", r.Date, StringComparison.Ordinal));
        Assert.True(byDivision.Document.QuerySelector($"#division option[value='{division.Id:D}']")!.HasAttribute("selected"));
        Assert.Empty(Rows(none));
        Assert.Contains("没有符合条件的信息", none.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Items_Search_TitleOrDocumentNumberButNeverAnUnreviewedUpdate(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();
        var path = $"/agencies/{site.OfficeId:D}/items?q=";

        var byTitle = Rows(await PageReader.GetAsync(client, path + Uri.EscapeDataString("决算")));
        var byNumber = Rows(await PageReader.GetAsync(client, path + Uri.EscapeDataString("〔2021〕7号")));
        var unreviewed = await PageReader.GetAsync(client, path + Uri.EscapeDataString("未经保密审查"));
        var withdrawn = Rows(await PageReader.GetAsync(client, path + Uri.EscapeDataString("2019年工作计划")));

        Assert.Equal(["北京市东城区对外联络服务办公室2019年部门决算"], byTitle.Select(r => r.Title));
        Assert.Equal([DemoSite.AttachedTitle], byNumber.Select(r => r.Title));
        Assert.Equal("东外联发〔2021〕7号", byNumber[0].Number);
        Assert.Empty(Rows(unreviewed));
        Assert.DoesNotContain(DemoSite.UnreviewedTitle, unreviewed.Html, StringComparison.Ordinal);
        Assert.Empty(withdrawn);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Items_BadParameters_ClampedOrIgnoredNeverAnError(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();
        var path = $"/agencies/{site.OfficeId:D}/items";

        var huge = await PageReader.GetAsync(client, $"{path}?p=2147483647");
        var negative = await PageReader.GetAsync(client, $"{path}?p=-3&year=abc&category=not-a-guid");
        var foreign = await PageReader.GetAsync(client, $"{path}?category={Guid.NewGuid():D}");
        var longSearch = await PageReader.GetAsync(client, $"{path}?q={new string('公', 5000)}");

        Assert.Equal(HttpStatusCode.OK, huge.Status);
        Assert.Empty(Rows(huge));
        Assert.Equal(HttpStatusCode.OK, negative.Status);
        Assert.Equal(20, Rows(negative).Count);
        Assert.Empty(Rows(foreign));
        Assert.Equal(HttpStatusCode.OK, longSearch.Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Items_Table_AccessibleHeadersAndLabelledFilters(string provider)
    {
        var site = await sites.GetAsync(provider);

        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{site.OfficeId:D}/items");

        var table = page.Main.QuerySelector("table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.Equal(["标题", "文号", "类别", "公开日期"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        Assert.Equal(20, table.QuerySelectorAll("tbody th[scope=row]").Length);
        foreach (var control in page.Document.QuerySelectorAll("form select, form input"))
        {
            Assert.NotNull(page.Document.QuerySelector($"label[for='{control.Id}']"));
        }

        Assert.Equal("get", page.Document.QuerySelector("form")!.GetAttribute("method"));
    }

    internal sealed record ListRow(string Title, string Number, string Category, string Date);

    internal static List<ListRow> Rows(PageReader page) =>
        [.. page.Document.QuerySelectorAll("table.items tbody tr").Select(tr =>
        {
            var cells = tr.Children.Select(c => c.TextContent.Trim()).ToList();
            return new ListRow(cells[0], cells[1], cells[2], cells[3]);
        })];
}
