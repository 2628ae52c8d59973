using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using Gongkai.Web.Api;
using Gongkai.Web.Tests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// The demo site as the application and API tests need it: rate limits high enough for a test run (one test host
/// has no client address, so every call shares one), and an API key for the demo's department. These tests write, so
/// they run one at a time (<see cref="Collection"/>) on agencies the read-only page tests do not count: applications
/// go to the seed office, refused input is aimed at the district, items and drafts at the department.
/// </summary>
internal static class ApplySite
{
    public const string Collection = "demo-site writers";

    public const string DepartmentKey = "test-key-of-the-department-0123456789abcdef";

    private static readonly ConcurrentDictionary<DemoSite, WebApplicationFactory<Program>> Hosts = new();

    private static readonly HtmlParser Parser = new();

    public static WebApplicationFactory<Program> Host(DemoSite site) =>
        Hosts.GetOrAdd(site, s => s.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Gongkai:RateLimits:Apply:PermitLimit", "100000");
            b.UseSetting("Gongkai:RateLimits:Lookup:PermitLimit", "100000");
            b.UseSetting($"{ApiKeys.Section}:{ApiKeys.Hash(DepartmentKey)}", s.DepartmentId.ToString("D"));
        }));

    public static HttpClient Client(DemoSite site) =>
        Host(site).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The form's fields as the public form posts them for a natural person (the Core tests' example).</summary>
    public static Dictionary<string, string> Person() => new(StringComparer.Ordinal)
    {
        ["ApplicantKind"] = "NaturalPerson",
        ["Name"] = "王五",
        ["PersonDocumentKind"] = "ResidentIdentityCard",
        ["PersonDocumentNumber"] = "11010519491231002X",
        ["Phone"] = "13800000000",
        ["Content"] = "2025年本区老旧小区改造项目清单",
        ["DeliveryMethod"] = "电子邮件",
    };

    /// <summary>
    /// GETs the page (for its antiforgery cookie and token and, on the application form, its idempotency key), then
    /// POSTs its form with these fields; a 303 (the form's POST-redirect-GET) is followed with a GET, as a browser does.
    /// </summary>
    public static async Task<PageReader> PostFormAsync(HttpClient client, string path, IReadOnlyDictionary<string, string> fields, string? token = null)
    {
        var response = await PostFormRawAsync(client, path, fields, token);
        if (response.StatusCode == HttpStatusCode.SeeOther && response.Headers.Location is { } location)
        {
            return await PageReader.GetAsync(client, location.OriginalString);
        }

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new PageReader(response.StatusCode, await Parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken), response, html);
    }

    /// <summary>The POST's own answer (not followed): the form page's hidden fields are sent unless <paramref name="fields"/> has them.</summary>
    public static async Task<HttpResponseMessage> PostFormRawAsync(HttpClient client, string path, IReadOnlyDictionary<string, string> fields, string? token = null)
    {
        var form = await PageReader.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var real = form.Document.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(real), "the form carries an antiforgery token");
        var hidden = form.Document.QuerySelectorAll("main form input[type=hidden][name=SubmissionKey]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(h => !fields.ContainsKey(h.Key));
        var body = new FormUrlEncodedContent([.. fields, .. hidden, new("__RequestVerificationToken", token ?? real!)]);
        return await client.PostAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);
    }

    /// <summary>What an agency has stored: applications, items, report versions and 台账 entries.</summary>
    public static async Task<(int Requests, int Items, int Reports, int Audit)> CountAsync(DemoSite site, Guid agencyId)
    {
        await using var db = site.Open();
        var ct = TestContext.Current.CancellationToken;
        return (
            await db.Requests.CountAsync(r => r.AgencyId == agencyId, ct),
            await db.Items.CountAsync(i => i.AgencyId == agencyId, ct),
            await db.ReportVersions.CountAsync(v => v.AgencyId == agencyId, ct),
            await db.AuditEntries.CountAsync(e => e.AgencyId == agencyId, ct));
    }
}
