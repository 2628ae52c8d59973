using System.Net;
using Gongkai.Core.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// Issue 13, the applicant reachable: the application page shows phone, e-mail and address in full exactly to the
/// 经办人, 审核人 and 机关管理员 of the agency handling the case, masked to the others who may read it (政务公开办, 审计);
/// every full view is a 台账 entry naming the viewer and the application, without the details themselves.
/// </summary>
public sealed class ContactDetailsTests(StaffSites sites)
{
    private const string Phone = "010-12345678";

    public static TheoryData<Caller, bool> Visibility => new()
    {
        { Caller.Handler, true },
        { Caller.Reviewer, true },
        { Caller.Admin, true },
        { Caller.Auditor, false },
        { Caller.Oversight, false },
    };

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task Application_AsCaller_ContactInFullExactlyToTheCaseWorkersEachViewInTheTrail(Caller caller, bool full)
    {
        var ct = TestContext.Current.CancellationToken;
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync(StaffRoutes.UserName(caller)!);
        var userId = await UserIdAsync(site, StaffRoutes.UserName(caller)!);
        var before = await ViewsAsync(site, userId);

        var html = await client.GetStringAsync(new Uri($"/staff/requests/{site.FreshRequestId}", UriKind.Relative), ct);

        var views = await ViewsAsync(site, userId);
        if (full)
        {
            Assert.Contains(Phone, html, StringComparison.Ordinal);
            Assert.Contains("data-full=\"true\"", html, StringComparison.Ordinal);
            Assert.True(views.Count > before.Count, "the full view is in the 台账");
            var entry = views[^1];
            Assert.Equal(site.FreshRequestId.ToString("D"), entry.EntityId);
            Assert.Contains(StaffSite.FreshNumber, entry.After, StringComparison.Ordinal);
            Assert.DoesNotContain("12345678", entry.After, StringComparison.Ordinal);
            Assert.DoesNotContain("张三", entry.After, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(Phone, html, StringComparison.Ordinal);
            Assert.Contains("****5678", html, StringComparison.Ordinal);
            Assert.Contains("data-full=\"false\"", html, StringComparison.Ordinal);
            Assert.Equal(before.Count, views.Count);
        }
    }

    [Fact]
    public async Task Application_OtherAgency_Forbidden()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync(StaffSite.OtherAgencyUser);

        var response = await client.GetAsync(new Uri($"/staff/requests/{site.FreshRequestId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Phone, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_OfRegisteredLetter_DownloadedByTheAgency()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync(StaffSite.OtherAgencyUser);

        var response = await client.GetAsync(new Uri($"/staff/requests/{site.RegisteredRequestId}/scan", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task<string> UserIdAsync(StaffSite site, string userName)
    {
        await using var db = site.Open();
        return (await db.Users.SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken)).Id.ToString("D");
    }

    private static async Task<List<Core.Data.Audit.AuditEntry>> ViewsAsync(StaffSite site, string userId)
    {
        await using var db = site.Open();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == ViewContact.Action && e.Actor == userId).OrderBy(e => e.Sequence)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
