using System.Net;

namespace Gongkai.Web.Tests.Pages;

/// <summary>Every public page reachable from the home by links (downloads excepted), each fetched once.</summary>
internal static class SiteCrawler
{
    /// <summary>Enough for every kind of page of the demo: agencies, lists, their second pages, items, reports.</summary>
    public const int MaxPages = 400;

    public static async Task<IReadOnlyList<PageReader>> CrawlAsync(DemoSite site)
    {
        var client = site.Client();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var pages = new List<PageReader>();
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var path = queue.Dequeue();
            var page = await PageReader.GetAsync(client, path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {page.Status}");
            pages.Add(page);
            foreach (var link in page.Links("a"))
            {
                if (link.StartsWith('/') && !link.Contains("/download/", StringComparison.Ordinal) && !link.Contains("/attachments/", StringComparison.Ordinal)
                    && !link.StartsWith("/css/", StringComparison.Ordinal) && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return pages;
    }
}
