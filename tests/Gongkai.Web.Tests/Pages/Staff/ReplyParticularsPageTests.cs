using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// Issue 14 on the back office's reply form: a 不予公开 reply without reasons is refused with the procedure's message and
/// nothing is saved; with reasons it is recorded and shown on the application's page; withheld parts are rows, more of
/// them after a round trip that records nothing.
/// </summary>
public sealed partial class ReplyParticularsPageTests(StaffSites sites)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An application received in person today and being processed, of this test's own.</summary>
    private static async Task<Guid> ProcessingAsync(StaffSite site, string number)
    {
        var id = Guid.NewGuid();
        var at = site.Clock.GetUtcNow();
        var staff = new Actor("test", "测试", ActorRole.Staff);
        var applicant = Applicant.NaturalPerson("张三", IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value,
            ContactDetails.Create("010-12345678", null, null).Value).Value;
        var request = DisclosureRequest.Submit(
            new Submit(staff, StaffSite.Today, at, id, site.OfficeId, number, applicant, Channel.InPerson, "请公开2021年某项目的采购合同及附件"), WorkCalendar.Official).Value;
        Assert.True(request.Apply(new StartProcessing(staff, StaffSite.Today, at), WorkCalendar.Official).IsSuccess);
        await using var db = site.Open();
        db.Requests.Add(request);
        await db.SaveChangesAsync(Ct);
        return id;
    }

    /// <summary>The 台账's entries of steps on the application (a view of the contact details, by opening the page, is one too).</summary>
    private static Task<int> StepsAsync(GongkaiDbContext db, Guid id) =>
        db.AuditEntries.CountAsync(e => e.EntityId == id.ToString("D") && e.Action != ViewContact.Action, Ct);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Reply_WithheldWithoutReasons_RefusedNothingSaved_WithReasonsRecordedAndShown(string provider)
    {
        var site = await sites.GetAsync(provider);
        var id = await ProcessingAsync(site, "WEB-2022-1401");
        var handler = await site.SignInAsync("handler");
        var page = $"/staff/requests/{id}";
        int entries;
        await using (var db = site.Open())
        {
            entries = await StepsAsync(db, id);
        }

        var fields = new Dictionary<string, string> { ["Input.Date"] = "2022-01-10", ["Input.Outcome"] = "Withheld:ThirdPartyRights", ["Input.Reasons"] = " " };
        var refused = await StaffSite.PostAsync(handler, page, $"{page}?trigger=Reply", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("答复结果“不予公开（保护第三方合法权益）”应说明不予公开的理由（条例第三十六条第（三）项）", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Withheld:ThirdPartyRights\" selected=\"selected\">", html, StringComparison.Ordinal);
        await using (var db = site.Open())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == id, Ct);
            Assert.Equal((RequestState.Processing, (ReplyOutcome?)null), (request.State, request.Outcome));
            Assert.Equal(entries, await StepsAsync(db, id));
        }

        const string reasons = "合同附件二载有供应商的报价构成，属于商业秘密，经书面征求意见，第三方不同意公开（条例第十五条、第三十二条）";
        fields["Input.Reasons"] = reasons;
        var accepted = await StaffSite.PostAsync(handler, page, $"{page}?trigger=Reply", fields);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var shown = WebUtility.HtmlDecode(await handler.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
        Assert.Contains($"<dd id=\"reply-reasons\" class=\"content\">{reasons}</dd>", shown, StringComparison.Ordinal);
        await using (var db = site.Open())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == id, Ct);
            Assert.Equal(RequestState.Replied, request.State);
            Assert.Equal(reasons, request.Particulars.Reasons);
        }
    }

    [Fact]
    public async Task ReplyForm_MoreRows_RoundTripKeepsWhatWasTypedAndRecordsNothing()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var id = await ProcessingAsync(site, "WEB-2022-1402");
        var handler = await site.SignInAsync("handler");
        var page = $"/staff/requests/{id}";

        var blank = await handler.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Equal(3, PartRow().Count(blank));

        var more = await StaffSite.PostAsync(handler, page, $"{page}?trigger=Reply", new Dictionary<string, string>
        {
            ["Input.Outcome"] = "PartlyDisclosed",
            ["Input.ObtainFrom"] = "随本答复书提供",
            ["Input.Withheld[0].Part"] = "评审专家名单",
            ["Input.Withheld[0].Ground"] = "ProcessInformation",
            ["Input.Withheld[0].Reasons"] = "属于过程性信息",
            ["Input.MoreRows"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var html = WebUtility.HtmlDecode(await more.Content.ReadAsStringAsync(Ct));
        Assert.Equal(6, PartRow().Count(html));
        Assert.Contains("name=\"Input.Withheld[0].Part\" value=\"评审专家名单\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ProcessInformation\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains(">随本答复书提供</textarea>", html, StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.Equal(RequestState.Processing, (await db.Requests.SingleAsync(r => r.Id == id, Ct)).State);
    }

    [GeneratedRegex("name=\"Input\\.Withheld\\[\\d+\\]\\.Part\"")]
    private static partial Regex PartRow();
}
