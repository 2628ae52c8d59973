using Gongkai.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>DESIGN.md: public pages show no applicant data at all. Checked against every applicant the demo holds.</summary>
public sealed class PersonalDataTests(DemoSites sites)
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task PublicPages_Crawled_NoApplicantNameIdentityNumberOrRequestText(string provider)
    {
        var site = await sites.GetAsync(provider);
        await using var db = site.Open();
        var requests = await db.Requests.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var secrets = requests.SelectMany(r => new[] { r.Applicant.Name, r.Applicant.Document?.Number, r.Content })
            .Where(s => s is { Length: >= 2 })
            .Select(s => s!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("王五", secrets); // the seed's applicant: the check has something to find
        Assert.Contains("11010519491231002X", secrets);

        var pages = await SiteCrawler.CrawlAsync(site);

        Assert.True(pages.Count > 50, $"crawled {pages.Count} pages");
        foreach (var page in pages)
        {
            var leaked = secrets.FirstOrDefault(s => page.Html.Contains(s, StringComparison.Ordinal));
            Assert.True(leaked is null, $"{page.Response.RequestMessage?.RequestUri}: shows “{leaked}”");
        }
    }
}
