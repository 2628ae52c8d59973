using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Api;

/// <summary>/api/v1 over the demo: the public endpoints, the keyed writes, problem details, the OpenAPI document.</summary>
[Collection(ApplySite.Collection)]
public sealed class ApiTests(DemoSites sites)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string pattern, Guid agencyId, string? more = null, int year = 0, Guid? itemId = null, string? number = null) =>
        new(ApiRoutes.Prefix + ApiRoutes.Fill(pattern, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agencyId"] = agencyId.ToString("D"),
            ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["itemId"] = (itemId ?? Guid.Empty).ToString("D"),
            ["trackingNumber"] = number ?? "",
        }) + more, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static object Application(string content) => new
    {
        applicantKind = "NaturalPerson",
        name = "王五",
        personDocumentNumber = "11010519491231002X",
        email = "wangwu@example.cn",
        content,
    };

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Applications_SubmitThenStatusByHeader_NumberCodeAndState(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = ApplySite.Client(site);

        var created = await client.PostAsJsonAsync(Url(ApiRoutes.Applications, site.OfficeId), Application("API 测试：2025年区级预算调整方案全文"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await JsonAsync(created);
        var number = receipt.GetProperty("trackingNumber").GetString()!;
        var code = receipt.GetProperty("queryCode").GetString()!;
        Assert.Equal("Submitted", receipt.GetProperty("state").GetString());
        Assert.Equal(20, receipt.GetProperty("replyWorkingDays").GetInt32());
        Assert.EndsWith("/applications/" + number, created.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var lookup = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        lookup.Headers.Add("X-Query-Code", code);
        var status = await client.SendAsync(lookup, Ct);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadAsStringAsync(Ct);
        Assert.Equal("待确认收到", JsonDocument.Parse(body).RootElement.GetProperty("stateName").GetString());
        Assert.DoesNotContain("王五", body, StringComparison.Ordinal);
        Assert.DoesNotContain("wangwu", body, StringComparison.Ordinal);

        var withoutCode = await client.GetAsync(created.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.NotFound, withoutCode.StatusCode);
        Assert.Equal("application/problem+json", withoutCode.Content.Headers.ContentType?.MediaType);
        Assert.Equal("未找到该申请，请核对受理机关、申请编号和查询码", (await JsonAsync(withoutCode)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Applications_InvalidIdentityNumber_ValidationProblemInChineseNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var before = await ApplySite.CountAsync(site, site.DistrictId);
        var form = new { applicantKind = "NaturalPerson", name = "王五", personDocumentNumber = "110105194912310023", phone = "1", content = "API 校验测试内容" };

        var response = await ApplySite.Client(site).PostAsJsonAsync(Url(ApiRoutes.Applications, site.DistrictId), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal("身份证号码校验码应为X，实为3", problem.GetProperty("errors").GetProperty("personDocumentNumber")[0].GetString());
        Assert.Contains("申请未提交", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ApplySite.CountAsync(site, site.DistrictId));
    }

    [Fact]
    public async Task Api_MalformedBodyOrUnknownRoute_ProblemDetailsNotHtml()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = ApplySite.Client(site);

        var malformed = await client.PostAsync(Url(ApiRoutes.Applications, site.DistrictId), new StringContent("{bad", Encoding.UTF8, "application/json"), Ct);
        var unknown = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var response in new[] { malformed, unknown })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await JsonAsync(response)).GetProperty("detail").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Items_ListFilterPageAndGet_AsThePublicList(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = ApplySite.Client(site);

        var first = await JsonAsync(await client.GetAsync(Url(ApiRoutes.Items, site.OfficeId), Ct));
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("hasNextPage").GetBoolean());
        var titles = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.DoesNotContain(DemoSite.WithdrawnTitle, titles);
        Assert.DoesNotContain(DemoSite.UnreviewedTitle, titles);

        var searched = await JsonAsync(await client.GetAsync(Url(ApiRoutes.Items, site.OfficeId, "?q=" + Uri.EscapeDataString("东外联发〔2021〕7号")), Ct));
        var line = Assert.Single(searched.GetProperty("items").EnumerateArray());
        Assert.Equal(DemoSite.AttachedTitle, line.GetProperty("title").GetString());

        var item = await JsonAsync(await client.GetAsync(Url(ApiRoutes.Item, site.OfficeId, itemId: site.AttachedItemId), Ct));
        Assert.Equal(DemoSite.AttachedTitle, item.GetProperty("title").GetString());
        Assert.Equal(DemoSite.AttachmentName, item.GetProperty("attachments")[0].GetProperty("fileName").GetString());

        var missing = await client.GetAsync(Url(ApiRoutes.Item, site.OfficeId, itemId: Guid.NewGuid()), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var noAgency = await client.GetAsync(Url(ApiRoutes.Items, Guid.NewGuid()), Ct);
        Assert.Equal("机关不存在", (await JsonAsync(noAgency)).GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Json_BodiesProblemsAndDownload_NoByteOrderMark(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = ApplySite.Client(site);
        Uri[] urls =
        [
            Url(ApiRoutes.Items, site.OfficeId),
            Url(ApiRoutes.Report, site.OfficeId, year: 2020),
            Url(ApiRoutes.Findings, site.OfficeId, year: 2020),
            Url(ApiRoutes.Item, site.OfficeId, itemId: Guid.NewGuid()),
            new(Gongkai.Web.Pages.AnnualReports.ReportDownloads.Path(site.OfficeId, 2020, "json"), UriKind.Relative),
        ];

        foreach (var url in urls)
        {
            // RFC 8259 §8.1: a JSON text carries no byte order mark; the first byte opens the value.
            var bytes = await (await client.GetAsync(url, Ct)).Content.ReadAsByteArrayAsync(Ct);
            Assert.True(bytes.Length > 0 && bytes[0] is (byte)'{' or (byte)'[', $"{url}: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 4)))}");
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Reports_ListJsonAndFindings_OnlyLockedVersions(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = ApplySite.Client(site);

        var list = await JsonAsync(await client.GetAsync(Url(ApiRoutes.Reports, site.DepartmentId), Ct));
        var years = list.EnumerateArray().Select(r => r.GetProperty("year").GetInt32()).ToList();
        Assert.Contains(2021, years);
        Assert.DoesNotContain(2020, years); // a draft is never public

        var json = await client.GetAsync(Url(ApiRoutes.Report, site.OfficeId, year: 2020), Ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var report = await JsonAsync(json);
        Assert.Equal(2020, report.GetProperty("year").GetInt32());
        Assert.Equal("2019", report.GetProperty("format").GetString());
        Assert.True(report.GetProperty("cells").EnumerateObject().Any());

        var findings = await JsonAsync(await client.GetAsync(Url(ApiRoutes.Findings, site.OfficeId, year: 2020), Ct));
        Assert.Equal(report.GetProperty("findings").GetArrayLength(), findings.GetProperty("findings").GetArrayLength());

        var draft = await client.GetAsync(Url(ApiRoutes.Report, site.DepartmentId, year: 2020), Ct);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task KeyedWrites_OwnKey_DraftItemAndReportDraftStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var (client, categoryId) = await DepartmentWriterAsync(site);

        var before = await ApplySite.CountAsync(site, site.DepartmentId);
        var item = await client.PostAsJsonAsync(Url(ApiRoutes.Items, site.DepartmentId),
            new { categoryId, title = "API 新建的草稿信息", formedOn = "2021-06-01", body = "正文", fullTextElectronic = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        Assert.Equal("Draft", (await JsonAsync(item)).GetProperty("state").GetString());

        var built = await client.PostAsync(Url(ApiRoutes.Build, site.DepartmentId, year: 2019), null, Ct);
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        Assert.Equal("Draft", (await JsonAsync(built)).GetProperty("stage").GetString());

        var after = await ApplySite.CountAsync(site, site.DepartmentId);
        Assert.Equal(before.Items + 1, after.Items);
        Assert.True(after.Reports >= before.Reports);
        Assert.Equal(before.Audit + 2, after.Audit);

        var badCategory = await client.PostAsJsonAsync(Url(ApiRoutes.Items, site.DepartmentId), new { categoryId = Guid.NewGuid(), title = "x", formedOn = "2021-06-01" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCategory.StatusCode);
        Assert.Equal("类别不存在或不属于该机关", (await JsonAsync(badCategory)).GetProperty("detail").GetString());
    }

    /// <summary>A client with the department's API key, and a category of the department.</summary>
    private static async Task<(HttpClient Client, Guid CategoryId)> DepartmentWriterAsync(DemoSite site)
    {
        var client = ApplySite.Client(site);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, ApplySite.DepartmentKey);
        await using var db = site.Open();
        return (client, await db.Categories.Where(c => c.AgencyId == site.DepartmentId).Select(c => c.Id).FirstAsync(Ct));
    }

    /// <summary>Issue 16 (5): 100,000 topic ids answered 500 (too many SQL variables); dates of year 1 or 9999 were stored.</summary>
    [Fact]
    public async Task NewItem_TooManyTopicsOrDateOutOfRange_RefusedInChineseNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var (client, categoryId) = await DepartmentWriterAsync(site);

        var before = await ApplySite.CountAsync(site, site.DepartmentId);
        var topicIds = Enumerable.Range(0, 100_000).Select(_ => Guid.NewGuid()).ToList();
        var flood = await client.PostAsJsonAsync(Url(ApiRoutes.Items, site.DepartmentId), new { categoryId, title = "主题过多", formedOn = "2021-06-01", topicIds }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, flood.StatusCode);
        Assert.Equal("一条信息最多属于50个重点领域", (await JsonAsync(flood)).GetProperty("detail").GetString());

        foreach (var formedOn in new[] { "0001-01-01", "9999-12-31", "1949-09-30", "2101-01-01" })
        {
            var response = await client.PostAsJsonAsync(Url(ApiRoutes.Items, site.DepartmentId), new { categoryId, title = "日期越界", formedOn }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, formedOn + ": " + (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("格式不正确", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await ApplySite.CountAsync(site, site.DepartmentId));
    }

    [Fact]
    public async Task Build_YearBefore2019OrAfterNextYear_422ReportYearNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = ApplySite.Client(site);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, ApplySite.DepartmentKey);
        var before = await ApplySite.CountAsync(site, site.DepartmentId);

        foreach (var year in new[] { 2018, 9999 })
        {
            var response = await client.PostAsync(Url(ApiRoutes.Build, site.DepartmentId, year: year), null, Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("report.year", (await JsonAsync(response)).GetProperty("code").GetString());
        }

        Assert.Equal(before, await ApplySite.CountAsync(site, site.DepartmentId));
    }

    [Fact]
    public async Task KeyedWrites_AnotherAgencysKeyOrNone_403Or401InChineseNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var before = await ApplySite.CountAsync(site, site.DistrictId);
        var item = new { categoryId = Guid.NewGuid(), title = "不应保存", formedOn = "2021-06-01" };

        foreach (var (key, expected) in new[] { (ApplySite.DepartmentKey, HttpStatusCode.Forbidden), ("not-a-configured-key", HttpStatusCode.Unauthorized), ("", HttpStatusCode.Unauthorized) })
        {
            var client = ApplySite.Client(site);
            if (key.Length > 0)
            {
                client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
            }

            foreach (var response in new[]
            {
                await client.PostAsJsonAsync(Url(ApiRoutes.Items, site.DistrictId), item, Ct),
                await client.PostAsync(Url(ApiRoutes.Build, site.DistrictId, year: 2020), null, Ct),
            })
            {
                Assert.Equal(expected, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var detail = (await JsonAsync(response)).GetProperty("detail").GetString();
                Assert.Contains(expected == HttpStatusCode.Forbidden ? "不属于此机关" : "API 密钥", detail, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await ApplySite.CountAsync(site, site.DistrictId));
    }

    [Fact]
    public async Task OpenApi_Document_HasEveryRouteAndTheReferencePageListsThem()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Client();

        var document = await JsonAsync(await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var page = await Pages.PageReader.GetAsync(client, "/api");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var route in ApiRoutes.All)
        {
            var template = System.Text.RegularExpressions.Regex.Replace(route.Pattern, @"\{(\w+):[^}]*\}", "{$1}");
            Assert.True(paths.TryGetProperty(template, out var operations), template);
            Assert.True(operations.TryGetProperty(route.Method.ToLowerInvariant(), out _), route.Method + " " + template);
            Assert.Contains(template, page.Text, StringComparison.Ordinal);
        }

        Assert.Equal(ApiRoutes.All.Count, paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("script"));
    }
}
