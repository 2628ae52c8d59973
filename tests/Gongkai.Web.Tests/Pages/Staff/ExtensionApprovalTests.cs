using System.Net;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// 条例 Art 33¶2 through the pages: the handler asks for an extension on the application page, a 机关管理员 approves or
/// refuses it on 延期审批 — never their own request — and only the approval moves the deadline; every step in the 台账.
/// </summary>
public sealed class ExtensionApprovalTests(StaffSites sites)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Queue = "/staff/requests/extensions";

    /// <summary>A new application of the seed office received on the site's today, for this test alone.</summary>
    private static async Task<Guid> NewApplicationAsync(StaffSite site)
    {
        await using var db = site.Open();
        var contact = ContactDetails.Create("010-12345678", null, null).Value;
        var applicant = Applicant.NaturalPerson("李四", IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value, contact).Value;
        var id = Guid.NewGuid();
        var number = "EXT-" + id.ToString("N")[..8].ToUpperInvariant();
        var submitted = DisclosureRequest.Submit(
            new Submit(new Actor("test", "测试", ActorRole.Staff), StaffSite.Today, site.Clock.GetUtcNow(), id, site.OfficeId, number, applicant, Channel.InPerson,
                "请公开2021年本机关会议费支出明细"), WorkCalendar.Official);
        db.Requests.Add(submitted.Value);
        await db.SaveChangesAsync(Ct);
        return id;
    }

    private static async Task<DisclosureRequest> StoredAsync(StaffSite site, Guid id)
    {
        await using var db = site.Open();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    /// <summary>The steps in the application's 台账 (the handler's views of the contact details left out).</summary>
    private static async Task<IReadOnlyList<(string Action, string Actor)>> TrailAsync(StaffSite site, Guid id)
    {
        await using var db = site.Open();
        var entity = id.ToString("D");
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == entity && e.Action != "request.contactViewed")
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.Actor })
            .ToListAsync(Ct);
        return [.. rows.Select(r => (r.Action, r.Actor))];
    }

    private static async Task<string> UserIdAsync(StaffSite site, string userName)
    {
        await using var db = site.Open();
        return (await db.Users.SingleAsync(u => u.UserName == userName, Ct)).Id.ToString("D");
    }

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string trigger, Dictionary<string, string> fields) =>
        StaffSite.PostAsync(client, $"/staff/requests/{id}", $"/staff/requests/{id}?trigger={trigger}", fields);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid id, bool approve, Dictionary<string, string>? fields = null, string tokenFrom = Queue) =>
        StaffSite.PostAsync(client, tokenFrom, $"{Queue}?id={id}&approve={(approve ? "true" : "false")}", fields ?? new Dictionary<string, string>
        {
            ["Input.Date"] = "2022-01-10",
            ["Input.ApplicantNotifiedOn"] = "2022-01-10",
        });

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task HandlersRequest_LeavesTheDeadline_AdminRefuses_ThenOwnRequestCannotBeApproved_AllInTheAuditTrail(string provider)
    {
        var site = await sites.GetAsync(provider);
        var id = await NewApplicationAsync(site);
        var handler = await site.SignInAsync("handler");
        var admin = await site.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(handler, id, "StartProcessing", new() { ["Input.Date"] = "2022-01-10" })).StatusCode);

        var requested = await StepAsync(handler, id, "RequestExtension", new() { ["Input.Date"] = "2022-01-10", ["Input.Text"] = "需跨部门调取档案", ["Input.WorkingDays"] = "10" });

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var pending = await StoredAsync(site, id);
        Assert.Null(pending.ExtendedDue);
        Assert.Equal(pending.ReplyDue, pending.CurrentDue);
        Assert.Equal(10, pending.PendingExtension?.WorkingDays);
        var detail = await PageReader.GetAsync(handler, $"/staff/requests/{id}");
        Assert.Contains("演示经办人", detail.Document.QuerySelector("#pending-extension")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(detail.Document.QuerySelector("form[action*='trigger=Extend']"));
        Assert.Null(detail.Document.QuerySelector("form[action*='trigger=RequestExtension']"));

        // The handler has no queue; the head sees the request there, with the buttons.
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync(new Uri(Queue, UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(handler, id, approve: true, tokenFrom: $"/staff/requests/{id}")).StatusCode);
        var queue = await PageReader.GetAsync(admin, Queue);
        var row = queue.Document.QuerySelector($"#ext-{id:N}");
        Assert.NotNull(row);
        Assert.Contains("需跨部门调取档案", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("form button"));

        var refused = await DecideAsync(admin, id, approve: false, new() { ["Input.Date"] = "2022-01-10", ["Input.Reason"] = "可以按期答复" });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var afterRefusal = await StoredAsync(site, id);
        Assert.Null(afterRefusal.ExtendedDue);
        Assert.Null(afterRefusal.PendingExtension);
        Assert.Equal(pending.ReplyDue, afterRefusal.CurrentDue);

        // The head asks as the case's handler: the queue offers no decision, and a forged one is refused, 403 in Chinese.
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(admin, id, "RequestExtension", new() { ["Input.Text"] = "仍需调取档案", ["Input.WorkingDays"] = "5" })).StatusCode);
        var own = (await PageReader.GetAsync(admin, Queue)).Document.QuerySelector($"#ext-{id:N}");
        Assert.Contains("本人提出的申请，须由其他负责人审批", own?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(own!.QuerySelector("form"));
        var self = await DecideAsync(admin, id, approve: true);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("不能审批本人提出的延长答复期限申请", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(site, id)).ExtendedDue);

        // Another agency's head cannot decide it either (not found in their agency), and nothing moved.
        var stranger = await site.SignInAsync(StaffSite.OtherAgencyAdmin);
        Assert.NotEqual(HttpStatusCode.Redirect, (await DecideAsync(stranger, id, approve: true, tokenFrom: "/staff")).StatusCode);
        Assert.NotNull((await StoredAsync(site, id)).PendingExtension);

        var (handlerId, adminId) = (await UserIdAsync(site, "handler"), await UserIdAsync(site, "admin"));
        Assert.Equal(
            [("request.StartProcessing", handlerId), ("request.RequestExtension", handlerId), ("request.RefuseExtension", adminId), ("request.RequestExtension", adminId)],
            await TrailAsync(site, id));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task AdminApproves_TheDeadlineMoves_ByTheDaysAsked(string provider)
    {
        var site = await sites.GetAsync(provider);
        var id = await NewApplicationAsync(site);
        var handler = await site.SignInAsync("handler");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(handler, id, "StartProcessing", new() { ["Input.Date"] = "2022-01-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await StepAsync(handler, id, "RequestExtension", new() { ["Input.Date"] = "2022-01-10", ["Input.Text"] = "需跨部门调取档案", ["Input.WorkingDays"] = "15" })).StatusCode);
        var before = await StoredAsync(site, id);

        var approved = await DecideAsync(await site.SignInAsync("admin"), id, approve: true);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await StoredAsync(site, id);
        Assert.Equal(before.ReplyDue, after.ReplyDue);
        Assert.Equal(WorkCalendar.Official.AddWorkingDays(before.ReplyDue!.Value, 15).Value, after.ExtendedDue);
        Assert.Equal(after.ExtendedDue, after.CurrentDue);
        Assert.Equal(15, after.ExtensionWorkingDays);
        Assert.Equal(("request.Extend", await UserIdAsync(site, "admin")), (await TrailAsync(site, id))[^1]);
        var detail = await PageReader.GetAsync(handler, $"/staff/requests/{id}");
        Assert.Null(detail.Document.QuerySelector("#pending-extension"));
        Assert.Contains("经演示机关管理员同意", detail.Text, StringComparison.Ordinal);
    }
}
