using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>The procedure through the pages: the worklist, an application's allowed actions, an extension and a reply.</summary>
public sealed partial class RequestActionTests(StaffSites sites)
{
    [Fact]
    public async Task Worklist_Handler_SortedByDeadlineOverdueRedDueSoonAmber()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync("handler");

        var html = await client.GetStringAsync(new Uri("/staff/requests", UriKind.Relative), TestContext.Current.CancellationToken);

        var overdue = html.IndexOf("WEB-2021-0901", StringComparison.Ordinal);
        var soon = html.IndexOf("WEB-2021-0902", StringComparison.Ordinal);
        Assert.True(overdue > 0 && overdue < soon, "sorted by deadline");
        Assert.Matches(RowOf("WEB-2021-0901", "overdue"), html);
        Assert.Matches(RowOf("WEB-2021-0902", "due-soon"), html);
        // Received 2021-12-14: due 2022-01-12 (New Year 1–3 January off), two working days after 2022-01-10.
        Assert.Contains("<td>剩余2个工作日</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_Received_OffersExactlyTheTableRowsFromReceived()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync("handler");
        await using var db = site.Open();
        var id = await db.Requests.Where(r => r.TrackingNumber == "WEB-2021-0902").Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);

        var html = await client.GetStringAsync(new Uri($"/staff/requests/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        var offered = ActionPattern().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var expected = RequestTransitions.All.Where(t => t.From == RequestState.Received).Select(t => t.Trigger.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected, offered);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task HandlerExtendsAndRepliesPartly_ThroughPages_ReportCountsItAsPartlyDisclosed(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var handler = await site.SignInAsync("handler");
        var page = $"/staff/requests/{site.FreshRequestId}";
        await using (var db = site.Open())
        {
            Assert.Equal(RequestState.Received, (await db.Requests.SingleAsync(r => r.Id == site.FreshRequestId, ct)).State);
        }

        await AssertStepAsync(handler, page, "StartProcessing", new Dictionary<string, string> { ["Input.Date"] = "2022-01-11" });
        await AssertStepAsync(handler, page, "RequestExtension", new Dictionary<string, string>
        {
            ["Input.Date"] = "2022-01-12",
            ["Input.Text"] = "需要调取档案，工作量较大",
            ["Input.WorkingDays"] = "20",
        });

        // 条例 Art 33¶2: the head consents on the 延期审批 page; the handler's request alone moved nothing.
        var admin = await site.SignInAsync("admin");
        var approved = await StaffSite.PostAsync(admin, "/staff/requests/extensions", $"/staff/requests/extensions?id={site.FreshRequestId}&approve=true",
            new Dictionary<string, string> { ["Input.Date"] = "2022-01-12", ["Input.ApplicantNotifiedOn"] = "2022-01-12" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await AssertStepAsync(handler, page, "Reply", new Dictionary<string, string>
        {
            ["Input.Date"] = "2022-01-14",
            ["Input.Outcome"] = "PartlyDisclosed",
            ["Input.ObtainFrom"] = "可以公开的部分随本答复书提供（附件一）",
            ["Input.Withheld[0].Part"] = "资金拨付明细中的个人银行账号",
            ["Input.Withheld[0].Ground"] = "ThirdPartyRights",
            ["Input.Withheld[0].Reasons"] = "属于个人信息，公开会对第三方合法权益造成损害（条例第十五条）",
            ["Input.Withheld[1].Part"] = "",
            ["Input.Withheld[1].Ground"] = "",
            ["Input.Withheld[1].Reasons"] = "",
        });

        await using (var db = site.Open())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == site.FreshRequestId, ct);
            Assert.Equal(RequestState.Replied, request.State);
            Assert.Equal(Outcome.PartlyDisclosed, request.Outcome!.Outcome);
            Assert.Equal(new WithheldPart("资金拨付明细中的个人银行账号", WithholdingGround.ThirdPartyRights, "属于个人信息，公开会对第三方合法权益造成损害（条例第十五条）"),
                Assert.Single(request.Particulars.WithheldParts));
            Assert.Equal(20, request.ExtensionWorkingDays);
            var extension = request.Events.Single(e => e.Trigger == RequestTrigger.Extend);
            Assert.Contains("演示机关管理员", extension.Description, StringComparison.Ordinal);
        }

        // The agency's 2022 report, built from the page by its administrator, counts the reply as 部分公开.
        var built = await StaffSite.PostAsync(admin, "/staff/reports/2022", "/staff/reports/2022?handler=Build", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        await using (var db = site.Open())
        {
            var version = await db.ReportVersions.Where(v => v.AgencyId == site.OfficeId && v.Year == 2022).OrderByDescending(v => v.Number).FirstAsync(ct);
            var report = LockedReports.Read(version);
            Assert.Equal(1m, report.Value(CellKey.Requests("partlyDisclosed", "naturalPerson")));
            Assert.Equal(1m, report.Value(CellKey.Requests("partlyDisclosed", "total")));
        }
    }

    [Fact]
    public async Task Post_ForgedAntiforgeryToken_RefusedAndNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var handler = await site.SignInAsync("handler");
        await using var db = site.Open();
        var id = await db.Requests.Where(r => r.TrackingNumber == "WEB-2021-0901").Select(r => r.Id).SingleAsync(ct);
        // This request's entries only: other test classes write to the same site at the same time (an item.Create).
        var entries = await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString("D"), ct);

        var response = await handler.PostAsync(new Uri($"/staff/requests/{id}?trigger=StartProcessing", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8forged-token-" + new string('A', 80),
            ["Input.Date"] = "2022-01-10",
        }), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("at Gongkai", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var after = site.Open();
        Assert.Equal(RequestState.Received, (await after.Requests.SingleAsync(r => r.Id == id, ct)).State);
        Assert.Equal(entries, await after.AuditEntries.CountAsync(e => e.EntityId == id.ToString("D"), ct));
    }

    [Fact]
    public async Task Post_StepTheStateDoesNotAllow_409WithTheDomainsMessage()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var handler = await site.SignInAsync("handler");
        await using var db = site.Open();
        var id = await db.Requests.Where(r => r.TrackingNumber == "WEB-2021-0901").Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);

        var response = await StaffSite.PostAsync(handler, "/staff", $"/staff/requests/{id}?trigger=Reply", new Dictionary<string, string> { ["Input.Outcome"] = "Disclosed" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task AssertStepAsync(HttpClient client, string page, string trigger, Dictionary<string, string> fields)
    {
        var response = await StaffSite.PostAsync(client, page, $"{page}?trigger={trigger}", fields);
        var body = response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{trigger}: {(int)response.StatusCode} {ErrorPattern().Match(body).Value}");
    }

    private static Regex RowOf(string number, string css) => new($"<tr class=\"{css}\">\\s*<th scope=\"row\"><a href=\"[^\"]+\">{number}</a>");

    [GeneratedRegex("<form[^>]* action=\"[^\"]*\\?trigger=(\\w+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<p class=\"message error-message\"[^>]*>[^<]*</p>")]
    private static partial Regex ErrorPattern();
}
