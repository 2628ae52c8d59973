using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// The lock needs 五 and 六 written, on the staff page and over the API: refused (422) naming each missing section,
/// locked once they are written. Each on a year of its own (2019), so the other tests' years stay as seeded.
/// </summary>
public sealed class ReportLockTests(StaffSites sites)
{
    private const string Problems = "五、存在的主要问题及改进情况";
    private const string Other = "六、其他需要报告的事项";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Page_LockWithoutTexts_422NamingEach_LockedOnceWritten(string provider)
    {
        var site = await sites.GetAsync(provider);
        var admin = await site.SignInAsync("admin");
        const string Page = "/staff/reports/2019";

        var built = await StaffForms.PostAsync(admin, Page, Page + "?handler=Build");
        var hint = await PageReader.GetAsync(admin, Page);
        var refused = await StaffForms.PostAsync(admin, Page, Page + "?handler=Lock");
        await StaffForms.PostAsync(admin, Page, Page + "?handler=Text", ("Section", "text.problems"), ("Text", "政务公开工作机制有待完善。"));
        var onlyOther = await StaffForms.PostAsync(admin, Page, Page + "?handler=Lock");
        await StaffForms.PostAsync(admin, Page, Page + "?handler=Text", ("Section", "text.other"), ("Text", "无"));
        var locked = await StaffForms.PostAsync(admin, Page, Page + "?handler=Lock", ("Acknowledgement", "测试：接受警告"));

        Assert.Equal(HttpStatusCode.Redirect, built.Response.StatusCode);
        Assert.Contains($"锁定前须填写：{Problems}、{Other}", hint.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Response.StatusCode);
        var message = new PageReaderText(refused.Html).Alert;
        Assert.Equal($"年度报告锁定前须填写“{Problems}”、“{Other}”（没有需要报告的内容时写明“无”）", message);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onlyOther.Response.StatusCode);
        Assert.Equal($"年度报告锁定前须填写“{Other}”（没有需要报告的内容时写明“无”）", new PageReaderText(onlyOther.Html).Alert);
        Assert.Equal(HttpStatusCode.Redirect, locked.Response.StatusCode);
        await using var db = site.Open();
        var version = await db.ReportVersions.AsNoTracking().SingleAsync(v => v.AgencyId == site.OfficeId && v.Year == 2019, Ct);
        Assert.Equal(ReportStage.Locked, version.Stage);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Api_LockWithoutTexts_422WithCodeNamingEach_LockedOnceWritten(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, StaffSite.DepartmentKey);
        Uri Url(string pattern) => new(ApiRoutes.Prefix + ApiRoutes.Fill(pattern, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agencyId"] = site.DepartmentId.ToString("D"),
            ["year"] = "2019",
        }), UriKind.Relative);
        async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(Url(ApiRoutes.Build), new { }, Ct)).StatusCode);
        var refused = await client.PostAsJsonAsync(Url(ApiRoutes.Lock), new { acknowledgement = "测试：接受警告" }, Ct);
        var badSection = await client.PostAsJsonAsync(Url(ApiRoutes.ReportTexts), new { section = "secret", text = "x" }, Ct);
        var problems = await client.PostAsJsonAsync(Url(ApiRoutes.ReportTexts), new { section = "problems", text = "政务公开工作机制有待完善。" }, Ct);
        var onlyOther = await client.PostAsJsonAsync(Url(ApiRoutes.Lock), new { acknowledgement = "测试：接受警告" }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(Url(ApiRoutes.ReportTexts), new { section = "other", text = "无" }, Ct)).StatusCode);
        var locked = await client.PostAsJsonAsync(Url(ApiRoutes.Lock), new { acknowledgement = "测试：接受警告" }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(refused);
        Assert.Equal(LockRequirements.TextMissing, body.GetProperty("code").GetString());
        Assert.Contains(Problems, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(Other, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSection.StatusCode);
        Assert.Equal(HttpStatusCode.OK, problems.StatusCode);
        var other = await JsonAsync(onlyOther);
        Assert.Equal(LockRequirements.TextMissing, other.GetProperty("code").GetString());
        Assert.DoesNotContain(Problems, other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var version = await JsonAsync(locked);
        Assert.Equal("Locked", version.GetProperty("stage").GetString());
        Assert.Matches("^[0-9a-f]{64}$", version.GetProperty("contentHash").GetString());
    }

    /// <summary>The page's alert (the refusal's message) from posted HTML.</summary>
    private sealed class PageReaderText(string html)
    {
        public string Alert { get; } = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\">([^<]*)<").Groups[1].Value);
    }
}
