using System.Net;

namespace Gongkai.Web.Tests.Pages.Proactive;

public sealed class GuidePageTests(DemoSites sites)
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Guide_Published_HeadingsListsAndAScriptLineAsPlainText(string provider)
    {
        var site = await sites.GetAsync(provider);

        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{site.OfficeId:D}/guide");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(DemoSite.GuideTitle, page.H1);
        Assert.Equal(["一、主动公开", "二、依申请公开"], page.Main.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(2, page.Main.QuerySelectorAll("ol li").Length);
        Assert.Equal(["受理机构：综合科", "办公时间：工作日上午9:00—12:00"], page.Main.QuerySelectorAll("ul li").Select(h => h.TextContent));
        Assert.Contains("2020年3月9日起施行", page.Text, StringComparison.Ordinal);

        // The guide's text is data: a script tag in it is shown as text and never becomes an element.
        Assert.Contains("<script>alert(\"guide\")</script>", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script"));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Guide_NonePublished_SaysSo(string provider)
    {
        var site = await sites.GetAsync(provider);

        // The demo publishes every department's guide, not the district government's own.
        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{site.DistrictId:D}/guide");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("本机关尚未公开政府信息公开指南", page.Text, StringComparison.Ordinal);
    }
}
