using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Proactive;

/// <summary>An item's page shows its published version and its attachments; nothing else is reachable.</summary>
public sealed class ItemPageTests(DemoSites sites)
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Item_Published_ContentClassificationDatesAndAttachment(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();

        var page = await PageReader.GetAsync(client, $"/agencies/{site.OfficeId:D}/items/{site.AttachedItemId:D}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(DemoSite.AttachedTitle, page.H1);
        var facts = page.Main.QuerySelectorAll("dl.facts div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("东外联发〔2021〕7号", facts["文号"]);
        Assert.Equal("业务动态", facts["类别"]);
        Assert.Equal("2021年12月1日", facts["形成日期"]);
        Assert.Equal("2021年12月2日", facts["公开日期"]);
        Assert.Equal(["各有关单位：", "现将2021年对口帮扶工作安排通知如下。"], page.Main.QuerySelectorAll("p.body").Select(p => p.TextContent));

        var link = page.Main.QuerySelector("table a")!;
        Assert.Equal(DemoSite.AttachmentName, link.TextContent);
        var file = await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(DemoSite.AttachmentBytes, await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Item_ImportedByTheDemo_ItsBodyAndItsGeneratedFileDownloads(string provider)
    {
        const string Title = "北京市东城区对外联络服务办公室政府信息主动公开全清单"; // the seed ledger's 6th row: every 5th has a file
        var site = await sites.GetAsync(provider);
        var client = site.Client();
        var ct = TestContext.Current.CancellationToken;
        Guid id;
        await using (var db = site.Open())
        {
            id = await db.Items.Where(i => i.AgencyId == site.OfficeId && i.Title == Title).Select(i => i.Id).SingleAsync(ct);
        }

        var page = await PageReader.GetAsync(client, $"/agencies/{site.OfficeId:D}/items/{id:D}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("编制了政府信息主动公开全清单", string.Concat(page.Main.QuerySelectorAll("p.body").Select(p => p.TextContent)), StringComparison.Ordinal);
        var link = page.Main.QuerySelector("table a")!;
        Assert.StartsWith(Title + ".", link.TextContent, StringComparison.Ordinal);
        var file = await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync(ct);
        Assert.True(link.TextContent.EndsWith(".pdf", StringComparison.Ordinal)
            ? file.Content.Headers.ContentType?.MediaType == "application/pdf" && bytes.AsSpan().StartsWith("%PDF"u8)
            : file.Content.Headers.ContentType?.MediaType == "text/plain" && System.Text.Encoding.UTF8.GetString(bytes).StartsWith(Title, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Item_UpdateInReview_ShowsThePublishedVersionOnly(string provider)
    {
        var site = await sites.GetAsync(provider);
        await using var db = site.Open();
        var updated = await db.Items.AsNoTracking().SingleAsync(i => i.AgencyId == site.OfficeId && i.Title == DemoSite.UnreviewedTitle, TestContext.Current.CancellationToken);

        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{site.OfficeId:D}/items/{updated.Id:D}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(DemoSite.UpdatedTitle, page.H1);
        Assert.DoesNotContain(DemoSite.UnreviewedTitle, page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Item_WithdrawnOtherAgencysOrUnknown_404(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();
        await using var db = site.Open();
        var withdrawn = await db.Items.AsNoTracking().SingleAsync(i => i.AgencyId == site.OfficeId && i.Title == DemoSite.WithdrawnTitle, TestContext.Current.CancellationToken);

        var paths = new[]
        {
            $"/agencies/{site.OfficeId:D}/items/{withdrawn.Id:D}",
            $"/agencies/{site.DepartmentId:D}/items/{site.AttachedItemId:D}",
            $"/agencies/{site.OfficeId:D}/items/{Guid.NewGuid():D}",
            $"/agencies/{site.OfficeId:D}/items/{site.AttachedItemId:D}/attachments/{new string('0', 64)}",
        };
        foreach (var path in paths)
        {
            var page = await PageReader.GetAsync(client, path);
            Assert.True(page.Status == HttpStatusCode.NotFound, path);
            Assert.Equal("页面不存在", page.H1);
        }
    }
}
