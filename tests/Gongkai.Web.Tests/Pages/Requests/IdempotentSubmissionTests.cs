using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Web.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Requests;

/// <summary>
/// The online application filed once whatever the browser or client does: POST-redirect-GET to a receipt page that
/// only the submitting browser can open, the form's hidden idempotency key, the API's Idempotency-Key header.
/// </summary>
[Collection(ApplySite.Collection)]
public sealed class IdempotentSubmissionTests(DemoSites sites)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ApplyPath(Guid agencyId) => $"/agencies/{agencyId:D}/apply";

    private static Uri ApiPath(Guid agencyId) => new($"{ApiRoutes.Prefix}/agencies/{agencyId:D}/applications", UriKind.Relative);

    private static Dictionary<string, string> Fields(string content)
    {
        var fields = ApplySite.Person();
        fields["Content"] = content;
        return fields;
    }

    private static async Task<int> ApplicationsAsync(DemoSite site, string content)
    {
        await using var db = site.Open();
        return await db.Requests.CountAsync(r => r.AgencyId == site.OfficeId && r.Content.StartsWith(content), Ct);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Form_Valid_RedirectsToTheReceipt_ReloadingItFilesNothing(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = ApplySite.Client(site);
        const string Content = "重复提交测试：本机关2025年公务接待费明细（刷新回执页）";

        var posted = await ApplySite.PostFormRawAsync(client, ApplyPath(site.OfficeId), Fields(Content));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith(ApplyPath(site.OfficeId) + "/receipt/", location, StringComparison.Ordinal);
        var receipts = new List<PageReader>();
        for (var i = 0; i < 3; i++)
        {
            receipts.Add(await PageReader.GetAsync(client, location));
        }

        Assert.All(receipts, r => Assert.Equal((HttpStatusCode.OK, "申请已提交"), (r.Status, r.H1)));
        var number = receipts[0].Document.QuerySelector("#tracking-number")!.TextContent.Trim();
        var code = receipts[0].Document.QuerySelector("#query-code")!.TextContent.Trim();
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", code);
        Assert.EndsWith("/" + number, location, StringComparison.Ordinal);
        Assert.DoesNotContain(code, location, StringComparison.Ordinal);
        Assert.All(receipts, r => Assert.Equal(code, r.Document.QuerySelector("#query-code")!.TextContent.Trim()));
        Assert.Contains(Content, receipts[0].Document.QuerySelector(".submitted-content")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("no-store", receipts[0].Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await ApplicationsAsync(site, Content));

        // The address alone (another browser, a guess): the same not-found as a wrong code, and no code.
        var stranger = ApplySite.Host(site).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var guessed = await PageReader.GetAsync(stranger, location);
        Assert.Equal(HttpStatusCode.NotFound, guessed.Status);
        Assert.Equal("未找到申请回执", guessed.H1);
        Assert.DoesNotContain(code, guessed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Content, guessed.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Form_SameKeyTwice_OneApplication_OtherContentWithIt_409InChinese(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = ApplySite.Client(site);
        const string Content = "重复提交测试：本机关2025年会议费明细（同一申请表提交两次）";
        var form = await PageReader.GetAsync(client, ApplyPath(site.OfficeId));
        var key = form.Document.QuerySelector("main form input[type=hidden][name=SubmissionKey]")?.GetAttribute("value");
        Assert.Matches("^[0-9a-f]{32}$", key ?? "");
        var fields = Fields(Content);
        fields["SubmissionKey"] = key!;

        // The back button and submit again, or a second click: the same form, the same key.
        var first = await ApplySite.PostFormRawAsync(client, ApplyPath(site.OfficeId), fields);
        var second = await ApplySite.PostFormRawAsync(client, ApplyPath(site.OfficeId), fields);

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await ApplicationsAsync(site, Content));

        fields["Content"] = Content + "（改过的内容）";
        var changed = await ApplySite.PostFormAsync(client, ApplyPath(site.OfficeId), fields);
        Assert.Equal(HttpStatusCode.Conflict, changed.Status);
        Assert.Contains("已用于内容不同的另一份申请", changed.Document.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        var fresh = changed.Document.QuerySelector("main form input[type=hidden][name=SubmissionKey]")?.GetAttribute("value");
        Assert.NotEqual(key, fresh);
        Assert.Equal(1, await ApplicationsAsync(site, Content));
    }

    private static HttpRequestMessage ApiSubmission(DemoSite site, string content, string key, string? email = "wangwu@example.cn")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiPath(site.OfficeId))
        {
            Content = JsonContent.Create(new { applicantKind = "NaturalPerson", name = "王五", personDocumentNumber = "11010519491231002X", email, content }),
        };
        request.Headers.Add(ApplicationsApiHeader, key);
        return request;
    }

    private const string ApplicationsApiHeader = "Idempotency-Key";

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Api_SameIdempotencyKey_TwiceAndAtOnce_OneApplicationSameNumberAndCode(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = ApplySite.Client(site);
        const string Content = "重复提交测试：API 2025年培训费明细";
        var key = "api-" + Guid.NewGuid().ToString("N");

        // Two at once (a client retrying while the first is in flight), then once more after both answered.
        var atOnce = await Task.WhenAll(
            Task.Run(() => client.SendAsync(ApiSubmission(site, Content, key), Ct), Ct),
            Task.Run(() => client.SendAsync(ApiSubmission(site, Content, key), Ct), Ct));
        var later = await client.SendAsync(ApiSubmission(site, Content, key), Ct);

        var answers = new List<(string Number, string Code, bool Replayed)>();
        foreach (var response in atOnce.Append(later))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            answers.Add((body.GetProperty("trackingNumber").GetString()!, body.GetProperty("queryCode").GetString()!, response.Headers.Contains("Idempotent-Replayed")));
        }

        Assert.Single(answers.Select(a => (a.Number, a.Code)).Distinct());
        Assert.Single(answers, a => !a.Replayed);
        Assert.Equal(1, await ApplicationsAsync(site, Content));

        var other = await client.SendAsync(ApiSubmission(site, Content, key, email: "other@example.cn"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await other.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("已用于内容不同的另一份申请", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var bad = await client.SendAsync(ApiSubmission(site, Content, "bad/key"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(1, await ApplicationsAsync(site, Content));
    }
}
