using System.Net;
using Gongkai.Core.Features.Demo;

namespace Gongkai.Web.Tests.Pages;

/// <summary>The site's home (agencies by district) and an agency's 信息公开专栏 home.</summary>
public sealed class HomeAndColumnTests(DemoSites sites)
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Home_Demo_EveryAgencyListedUnderItsDistrict(string provider)
    {
        var site = await sites.GetAsync(provider);

        var page = await PageReader.GetAsync(site.Client(), "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("政府信息公开", page.H1);
        var group = Assert.Single(page.Document.QuerySelectorAll("section.agency-group"));
        Assert.Equal(SeedDemo.District, group.QuerySelector("h2")!.TextContent.Trim());
        var members = group.QuerySelectorAll("li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(SeedDemo.AgencyNames.Skip(1).Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
        Assert.Contains($"/agencies/{site.OfficeId:D}", page.Links());
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Column_SeedOffice_GuideNewestItemsAndOnlyItsPublishedReport(string provider)
    {
        var site = await sites.GetAsync(provider);

        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{site.OfficeId:D}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(SeedDemo.SeedOffice + "信息公开专栏", page.H1);
        Assert.Contains(SeedDemo.District, page.Text, StringComparison.Ordinal); // 上级机关
        Assert.Equal($"/agencies/{site.OfficeId:D}/guide", page.LinkTo(DemoSite.GuideTitle));
        Assert.Equal(10, page.Document.QuerySelectorAll("ul.item-list li").Length);
        Assert.Equal(DemoSite.AttachedTitle, page.Document.QuerySelector("ul.item-list li a")!.TextContent.Trim()); // newest first
        Assert.Equal($"/agencies/{site.OfficeId:D}/reports/2020", page.LinkTo(SeedDemo.SeedOffice + "2020年政府信息公开工作年度报告"));

        // The column's navigation marks where the reader is.
        var current = Assert.Single(page.Document.QuerySelectorAll("nav.agency-nav a[aria-current=page]"));
        Assert.Equal("专栏首页", current.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Column_District_ListsItsAgencies(string provider)
    {
        var site = await sites.GetAsync(provider);

        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{site.DistrictId:D}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("所属机关", page.Text, StringComparison.Ordinal);
        Assert.Contains($"/agencies/{site.OfficeId:D}", page.Links());
        Assert.Contains("尚无已公开的年度报告", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Column_UnknownAgency_404InChinese(string provider)
    {
        var site = await sites.GetAsync(provider);

        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{Guid.NewGuid():D}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("页面不存在", page.H1);
    }
}
