using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Requests;
using Gongkai.Web.Api;
using Gongkai.Web.Tests.Pages.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Api;

/// <summary>POST /api/v1/agencies/{id}/applications/{trackingNumber}/steps: the back office's steps for an integration, with the agency's key.</summary>
public sealed class ApplicationStepsApiTests(StaffSites sites)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Steps(Guid agencyId, string number) =>
        new(ApiRoutes.Prefix + ApiRoutes.Fill(ApiRoutes.ApplicationSteps, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agencyId"] = agencyId.ToString("D"),
            ["trackingNumber"] = number,
        }), UriKind.Relative);

    private static HttpClient Keyed(StaffSite site, string key)
    {
        var client = site.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        return client;
    }

    private static async Task<string> SubmitAsync(StaffSite site)
    {
        var created = await site.Anonymous().PostAsJsonAsync(new Uri($"{ApiRoutes.Prefix}/agencies/{site.OfficeId:D}/applications", UriKind.Relative), new
        {
            applicantKind = "NaturalPerson",
            name = "赵六",
            personDocumentNumber = "11010519491231002X",
            email = "zhaoliu@example.cn",
            content = "API 办理步骤测试：2021年区级专项资金清单",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("trackingNumber").GetString()!;
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, Uri url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Issue 16 (5): a step dated in year 9999 (or 1) is refused at the edge; the application is unchanged.</summary>
    [Fact]
    public async Task Steps_DateOutOfRange_400NothingChanged()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var number = await SubmitAsync(site);
        var client = Keyed(site, StaffSite.OfficeKey);
        var url = Steps(site.OfficeId, number);

        foreach (var date in new[] { "9999-12-31", "0001-01-01" })
        {
            var refused = await StepAsync(client, url, new { trigger = "ConfirmReceipt", date }, HttpStatusCode.BadRequest);
            Assert.Contains("格式不正确", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var confirmed = await StepAsync(client, url, new { trigger = "ConfirmReceipt" }, HttpStatusCode.OK);
        Assert.Equal("2022-01-10", confirmed.GetProperty("receivedOn").GetString());
    }

    [Fact]
    public async Task Steps_OwnKey_ConfirmExtendWithOfficeHeadReply_StateAndClockAsTheBackOffice()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var number = await SubmitAsync(site);
        var client = Keyed(site, StaffSite.OfficeKey);
        var url = Steps(site.OfficeId, number);

        // 条例 Art 31(三): online, the clock starts the day both sides confirm.
        var confirmed = await StepAsync(client, url, new { trigger = "ConfirmReceipt" }, HttpStatusCode.OK);
        Assert.Equal("Received", confirmed.GetProperty("state").GetString());
        Assert.Equal("2022-01-10", confirmed.GetProperty("receivedOn").GetString());
        await StepAsync(client, url, new { trigger = "StartProcessing" }, HttpStatusCode.OK);

        // 条例 Art 33¶2: the request alone moves nothing; a decision without a head of the agency is refused, in Chinese;
        // the head's consent moves the deadline.
        var requested = await StepAsync(client, url, new { trigger = "RequestExtension", text = "需要调取档案", workingDays = 20 }, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, requested.GetProperty("extendedDue").ValueKind);
        Assert.Contains("待政府信息公开工作机构负责人审批", requested.GetProperty("description").GetString(), StringComparison.Ordinal);
        var noHead = await StepAsync(client, url, new { trigger = "Extend" }, HttpStatusCode.Forbidden);
        Assert.Contains("机关管理员", noHead.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var notAHead = await StepAsync(client, url, new { trigger = "Extend", approvedBy = "nobody" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("负责人同意", notAHead.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var extended = await StepAsync(client, url, new { trigger = "Extend", approvedBy = "admin" }, HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, extended.GetProperty("extendedDue").ValueKind);

        var replied = await StepAsync(client, url, new { trigger = "Reply", outcome = "Disclosed", particulars = new { obtainFrom = "随本答复书提供（附件）" } }, HttpStatusCode.OK);
        Assert.Equal("Replied", replied.GetProperty("state").GetString());

        await using var db = site.Open();
        var request = await db.Requests.SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, Ct);
        Assert.Equal(RequestState.Replied, request.State);
        Assert.Contains("演示机关管理员", request.Events.Single(e => e.Trigger == RequestTrigger.Extend).Description, StringComparison.Ordinal);
        var id = request.Id.ToString("D");
        var api = "api:" + site.OfficeId.ToString("D");
        var actions = await db.AuditEntries.Where(e => e.EntityId == id && e.Action != "request.submittedOnline").OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, ByApi = e.Actor == api }).ToListAsync(Ct);

        // The consent is the head's in the 台账, not the integration's that asked.
        Assert.Equal(
            [("request.ConfirmReceipt", true), ("request.StartProcessing", true), ("request.RequestExtension", true), ("request.Extend", false), ("request.Reply", true)],
            actions.Select(a => (a.Action, a.ByApi)));
    }

    [Fact]
    public async Task Steps_RefusedOrUnknownOrAnotherAgencysKey_ProblemInChineseNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var number = await SubmitAsync(site);
        var url = Steps(site.OfficeId, number);
        await using var before = site.Open();
        var id = (await before.Requests.SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, Ct)).Id.ToString("D");
        var entries = await before.AuditEntries.CountAsync(e => e.EntityId == id, Ct);

        // A reply before receipt is confirmed: the state's refusal, as the back office shows it (409, as the page answers).
        var refused = await StepAsync(Keyed(site, StaffSite.OfficeKey), url, new { trigger = "Reply", outcome = "Disclosed" }, HttpStatusCode.Conflict);
        Assert.Equal("request.transitionNotAllowed", refused.GetProperty("code").GetString());
        Assert.Equal("当前状态“待确认收到”不允许执行“答复”", refused.GetProperty("detail").GetString());
        var unknown = await StepAsync(Keyed(site, StaffSite.OfficeKey), url, new { trigger = "Submit1" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("办理步骤", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lodging = await StepAsync(Keyed(site, StaffSite.OfficeKey), url, new { trigger = "Submit" }, HttpStatusCode.Conflict);
        Assert.Contains("不允许", lodging.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await StepAsync(Keyed(site, StaffSite.OfficeKey), Steps(site.OfficeId, "2022-999999"), new { trigger = "ConfirmReceipt" }, HttpStatusCode.NotFound);
        await StepAsync(Keyed(site, StaffSite.OfficeKey), Steps(site.OfficeId, new string('9', 51)), new { trigger = "ConfirmReceipt" }, HttpStatusCode.NotFound);
        var other = await StepAsync(Keyed(site, StaffSite.DepartmentKey), url, new { trigger = "ConfirmReceipt" }, HttpStatusCode.Forbidden);
        Assert.Contains("不属于此机关", other.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using var after = site.Open();
        Assert.Equal(RequestState.Submitted, (await after.Requests.SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, Ct)).State);
        Assert.Equal(entries, await after.AuditEntries.CountAsync(e => e.EntityId == id, Ct));
    }

    /// <summary>
    /// Issue 14: a 不予公开 reply without reasons is refused by the API (422, the domain's Chinese message, nothing saved);
    /// a 部分公开 part without its reasons too; with them the reply is recorded and the reasons kept.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Reply_WithheldWithoutReasons_422NothingSaved_WithReasonsRecorded(string provider)
    {
        var site = await sites.GetAsync(provider);
        var number = await SubmitAsync(site);
        var client = Keyed(site, StaffSite.OfficeKey);
        var url = Steps(site.OfficeId, number);
        await StepAsync(client, url, new { trigger = "ConfirmReceipt" }, HttpStatusCode.OK);
        await StepAsync(client, url, new { trigger = "StartProcessing" }, HttpStatusCode.OK);
        string id;
        int entries;
        await using (var before = site.Open())
        {
            id = (await before.Requests.SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, Ct)).Id.ToString("D");
            entries = await before.AuditEntries.CountAsync(e => e.EntityId == id, Ct);
        }

        var refused = await StepAsync(client, url, new { trigger = "Reply", outcome = "Withheld:ThirdPartyRights" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("reply.reasonsRequired", refused.GetProperty("code").GetString());
        Assert.Equal("答复结果“不予公开（保护第三方合法权益）”应说明不予公开的理由（条例第三十六条第（三）项）", refused.GetProperty("detail").GetString());
        var blank = await StepAsync(client, url, new { trigger = "Reply", outcome = "Withheld:ThirdPartyRights", particulars = new { reasons = "   " } },
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("reply.reasonsRequired", blank.GetProperty("code").GetString());
        var part = await StepAsync(client, url, new
        {
            trigger = "Reply",
            outcome = "PartlyDisclosed",
            particulars = new { obtainFrom = "可以公开的部分随本答复书提供", withheldParts = new[] { new { part = "专家名单", ground = "ProcessInformation", reasons = "" } } },
        }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("第1部分缺少理由", part.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using (var unchanged = site.Open())
        {
            var request = await unchanged.Requests.SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, Ct);
            Assert.Equal((RequestState.Processing, (ReplyOutcome?)null), (request.State, request.Outcome));
            Assert.Equal(entries, await unchanged.AuditEntries.CountAsync(e => e.EntityId == id, Ct));
        }

        const string reasons = "申请的合同附件涉及供应商的商业秘密，经书面征求意见，第三方不同意公开（条例第十五条、第三十二条）";
        var replied = await StepAsync(client, url, new { trigger = "Reply", outcome = "Withheld:ThirdPartyRights", particulars = new { reasons } }, HttpStatusCode.OK);
        Assert.Equal("Replied", replied.GetProperty("state").GetString());
        await using var after = site.Open();
        Assert.Equal(reasons, (await after.Requests.SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, Ct)).Particulars.Reasons);
    }
}
