using System.Net;
using System.Text;
using Gongkai.Core.Data.Accounts;
using Gongkai.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>API keys issued, used and revoked through HTTP: the staff page and the API it opens.</summary>
public sealed class ApiKeysTests(StaffSites sites)
{
    private const string Page = "/staff/api-keys";

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task IssueUseRevoke_ThroughThePageAndTheApi_KeyShownOnceRevokedKey401(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var admin = await site.SignInAsync("admin");
        var name = "集成测试-" + Guid.NewGuid().ToString("N")[..6];

        var (issued, html) = await StaffForms.PostAsync(admin, Page, Page + "?handler=Create", ("Name", name));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("no-store", issued.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var key = StaffForms.Secret(html);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", key);
        var list = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains(key[..8] + "…", list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Guid id;
        await using (var db = site.Open())
        {
            var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == name, ct);
            Assert.Equal((site.OfficeId, ApiKey.HashOf(key), (DateOnly?)null), (row.AgencyId, row.Hash, row.LastUsedOn));
            id = row.Id;
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateItemAsync(site, key, site.OfficeId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateItemAsync(site, key, site.DepartmentId)).StatusCode);
        await using (var db = site.Open())
        {
            Assert.Equal(StaffSite.Today, (await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id, ct)).LastUsedOn);
        }

        var (revoked, _) = await StaffForms.PostAsync(admin, Page, $"{Page}?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await CreateItemAsync(site, key, site.OfficeId);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("已于", await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct), StringComparison.Ordinal);

        await using var read = site.Open();
        var entries = await read.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ApiKey) && e.EntityId == id.ToString("D")).OrderBy(e => e.Sequence).ToListAsync(ct);
        var adminId = (await read.Users.SingleAsync(u => u.UserName == "admin", ct)).Id.ToString("D");
        Assert.Equal([("apiKey.created", adminId), ("apiKey.revoked", adminId)], entries.Select(e => (e.Action, e.Actor)));
        Assert.All(entries, e => Assert.DoesNotContain(key, e.Before + e.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_AnotherAgencysKey_NotFoundKeyStillWorks()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var theirs = await site.SignInAsync(StaffSite.OtherAgencyAdmin);
        var key = StaffForms.Secret((await StaffForms.PostAsync(theirs, Page, Page + "?handler=Create", ("Name", "乙方对接-" + Guid.NewGuid().ToString("N")[..6]))).Html);
        Guid id;
        await using (var db = site.Open())
        {
            id = await db.ApiKeys.Where(k => k.Hash == ApiKey.HashOf(key)).Select(k => k.Id).SingleAsync(ct);
        }

        var admin = await site.SignInAsync("admin");
        var (response, html) = await StaffForms.PostAsync(admin, Page, $"{Page}?handler=Revoke&id={id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("本机关没有该密钥", html, StringComparison.Ordinal);
        Assert.DoesNotContain(key[..8], await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateItemAsync(site, key, site.DepartmentId)).StatusCode);
    }

    [Theory]
    [InlineData("", HttpStatusCode.UnprocessableEntity, "请填写密钥名称")]
    [InlineData("测试对接", HttpStatusCode.Conflict, "已有名为“测试对接”的有效密钥")]
    public async Task Issue_BadName_ChineseReasonNothingStored(string name, HttpStatusCode status, string reason)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        var before = await KeysAsync(site);

        var (response, html) = await StaffForms.PostAsync(admin, Page, Page + "?handler=Create", ("Name", name));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.False(StaffForms.ShowsSecret(html));
        Assert.Equal(before, await KeysAsync(site));
    }

    private static async Task<int> KeysAsync(StaffSite site)
    {
        await using var db = site.Open();
        return await db.ApiKeys.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A keyed write with an empty body: 400 when the key opens the agency, 401/403 when not.</summary>
    private static async Task<HttpResponseMessage> CreateItemAsync(StaffSite site, string key, Guid agencyId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/agencies/{agencyId}/items", UriKind.Relative))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiKeys.Header, key);
        return await site.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);
    }
}
