using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Web.Tests.Pages;

/// <summary>A page fetched through the test server and parsed as a browser would (AngleSharp), for asserting on its elements.</summary>
internal sealed record PageReader(HttpStatusCode Status, IDocument Document, HttpResponseMessage Response, string Html)
{
    private static readonly HtmlParser Parser = new();

    public static async Task<PageReader> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new PageReader(response.StatusCode, await Parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken), response, html);
    }

    public IElement Main => Document.QuerySelector("main") ?? throw new InvalidOperationException("The page has no <main>.");

    public string H1 => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    /// <summary>The visible text of the main content, whitespace collapsed.</summary>
    public string Text => string.Join(' ', Main.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public IReadOnlyList<string> Links(string selector = "main a") =>
        [.. Document.QuerySelectorAll(selector).Select(a => a.GetAttribute("href") ?? "")];

    /// <summary>The link whose text is exactly <paramref name="text"/>.</summary>
    public string LinkTo(string text) =>
        Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href")
        ?? throw new InvalidOperationException($"No link “{text}” on the page.");
}
