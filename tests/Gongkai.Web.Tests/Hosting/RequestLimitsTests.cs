using System.Net;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>
/// Issue 16 (5): requests over the form limits and years out of range are the sender's mistake — 400/404 with the
/// Chinese page, never 500 with the server's error page (before: 500 on each).
/// </summary>
public sealed class RequestLimitsTests(StaffSites sites)
{
    [Fact]
    public async Task Login_MoreThan1024Fields_400InChinese()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Anonymous();
        var fields = Enumerable.Range(0, 1100).ToDictionary(n => $"f{n}", n => "x");
        fields["UserName"] = "admin";
        fields["Password"] = "wrong";

        var response = await StaffSite.PostAsync(client, "/account/login", "/account/login", fields);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单字段过多", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/agencies/{office}/apply")]
    public async Task Post_ValueOver4MB_400InChinese(string page)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = site.Anonymous();
        var path = page.Replace("{office}", site.OfficeId.ToString("D"), StringComparison.Ordinal);

        var response = await StaffSite.PostAsync(client, path, path, new Dictionary<string, string> { ["Content"] = new string('政', (4 * 1024 * 1024) + 1) });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // The antiforgery check cannot read the form and refuses it (400) before anything else reads it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("超过了允许的大小", body, StringComparison.Ordinal);
    }

    /// <summary>Kestrel refuses a body over 30 MB while the form is read: 413 with the Chinese page (a real server).</summary>
    [Fact]
    public async Task Login_40MBBodyOnKestrel_413InChinese()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var response = await OnKestrelAsync(site, client => StaffSite.PostAsync(client, "/account/login", "/account/login", new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = new string('x', 40 * 1024 * 1024),
        }));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("提交的内容过大", body, StringComparison.Ordinal);
    }

    /// <summary>The API answers a body over 30 MB with problem details (413): held before this issue, kept by this test.</summary>
    [Fact]
    public async Task Api_40MBJsonOnKestrel_413ProblemInChinese()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        using var content = new StringContent("{\"content\":\"" + new string('x', 40 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await OnKestrelAsync(site, client =>
            client.PostAsync(new Uri($"/api/v1/agencies/{site.OfficeId:D}/applications", UriKind.Relative), content, TestContext.Current.CancellationToken));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求体过大", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/oversight/0")]
    [InlineData("/staff/reports/2147483647")]
    [InlineData("/staff/article20/-1")]
    public async Task StaffPage_YearOutOfRange_404NotServerError(string path)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync("oversight");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// A request to the site on a real Kestrel (whose body limit TestServer lacks), sent as browsers and curl send a
    /// large body: with “Expect: 100-continue”, so the server answers before the body is sent and the answer is read.
    /// </summary>
    private static async Task<HttpResponseMessage> OnKestrelAsync(StaffSite site, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        await using var host = site.StartOnLoopback();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.ExpectContinue = true;
        var response = await send(client);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }
}
