using System.Net;
using Gongkai.Core.Data;
using Gongkai.Web.Tests.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>Headers, error pages, antiforgery, HSTS and the health endpoint.</summary>
public sealed class SecurityTests(DemoSites sites)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    [InlineData("/no/such/page")]
    public async Task Headers_EveryResponse_CspNosniffReferrerNoFraming(string path)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var response = await site.Client().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    [Fact]
    public async Task Hsts_OverHttps_Sent()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gongkai.example/") });

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    /// <summary>Issue 16 (6): the antiforgery cookie lacked Secure on HTTPS; TempData's cookie follows the same policy.</summary>
    [Fact]
    public async Task Cookies_OverHttps_Secure()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gongkai.example/") });

        var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gongkai.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var tempData = site.Factory.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value;
        Assert.Equal(CookieSecurePolicy.SameAsRequest, tempData.Cookie.SecurePolicy);
    }

    /// <summary>Issue 16 (6): a forged Host header went into the address of the redirect to the sign-in page.</summary>
    [Fact]
    public async Task StaffPage_ForgedHost_RedirectToSignInIsRelative()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/staff", UriKind.Relative));
        request.Headers.Host = "evil.example";

        var response = await site.Client().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fstaff", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Healthz_Get_OkPlainText()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var response = await site.Client().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stylesheet_Served_AsCss()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var response = await site.Client().GetAsync(new Uri("/css/site.css", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NotFound_AnyPath_ChinesePageNoDetails()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var page = await PageReader.GetAsync(site.Client(), "/agencies/not-a-guid/items");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("页面不存在", page.H1);
        Assert.Contains("返回首页", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_HandlerThrows_ChinesePageWithoutStackTrace()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        using var broken = site.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddScoped<GongkaiDbContext>(_ => throw new InvalidOperationException("secret detail of the failure"))));

        var page = await PageReader.GetAsync(broken.CreateClient(), "/");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("服务器出错", page.H1);
        Assert.DoesNotContain("secret detail", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", page.Main.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused400InChinese()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var response = await site.Client().PostAsync(new Uri("/", UriKind.Relative), new FormUrlEncodedContent([new("q", "x")]), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无效", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Pages_Everywhere_NoInlineScriptOrStyle(string provider)
    {
        var site = await sites.GetAsync(provider);

        foreach (var page in await SiteCrawler.CrawlAsync(site))
        {
            Assert.Empty(page.Document.QuerySelectorAll("script"));
            Assert.Empty(page.Document.QuerySelectorAll("style"));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
            Assert.Single(page.Document.QuerySelectorAll("h1"));
        }
    }
}
