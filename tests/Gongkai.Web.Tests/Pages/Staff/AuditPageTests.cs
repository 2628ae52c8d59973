using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// The 台账 page in Chinese: actions, record kinds, fields and states by their Chinese names; the operator's name and role,
/// never an account id; Beijing time; changes as field: old → new; filters by case, operator and dates; CSV export.
/// </summary>
public sealed partial class AuditPageTests(StaffSites sites)
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task RecordTrail_ChineseNamesLocalTimeDiff_NoAccountId(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (id, handlerId, _) = await ApprovedItemAsync(site, provider, ct);
        var admin = await site.SignInAsync("admin");

        var html = await admin.GetStringAsync(new Uri($"/staff/audit/DisclosureItem/{id:D}", UriKind.Relative), ct);
        var body = Body(html);

        Assert.Contains("主动公开信息", html, StringComparison.Ordinal);
        Assert.Contains("新建草稿", body, StringComparison.Ordinal);
        Assert.Contains("提交保密审查", body, StringComparison.Ordinal);
        Assert.Contains("保密审查通过", body, StringComparison.Ordinal);
        Assert.Contains("演示经办人（经办人）", body, StringComparison.Ordinal);
        Assert.Contains("演示审核人（审核人）", body, StringComparison.Ordinal);

        // Beijing time, 8 hours ahead of the UTC the entry keeps (the site's clock is shared: other tests move it).
        var (utc, beijing, _) = await CreatedAtAsync(site, id, ct);
        Assert.Contains(beijing, body, StringComparison.Ordinal);
        Assert.DoesNotContain(utc, body, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field\">状态</span>", body, StringComparison.Ordinal);
        Assert.Matches("(?s)<del>待保密审查</del>.*<ins>保密审查通过，待公开</ins>", body);
        Assert.Contains("已审查的附件（SHA-256）", body, StringComparison.Ordinal);

        // Internals are gone: no account id, no code, no class name, no JSON.
        Assert.DoesNotContain(handlerId, body, StringComparison.Ordinal);
        Assert.DoesNotMatch(GuidPattern(), body);
        Assert.DoesNotContain("item.Submit", body, StringComparison.Ordinal);
        Assert.DoesNotContain("DisclosureItem", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Ledger_FiltersAndExport(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (id, handlerId, title) = await ApprovedItemAsync(site, provider, ct);
        var auditor = await site.SignInAsync("auditor");
        var (_, beijing, day) = await CreatedAtAsync(site, id, ct);
        var on = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var after = day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<string> LedgerAsync(string query) => Body(await auditor.GetStringAsync(new Uri("/staff/audit?" + query, UriKind.Relative), ct));

        var byCase = await LedgerAsync($"case={id:D}");
        var byCaseAndHandler = await LedgerAsync($"case={id:D}&operator={handlerId}");
        var byCaseOnTheDay = await LedgerAsync($"case={id:D}&from={on}&to={on}");
        var later = await auditor.GetStringAsync(new Uri($"/staff/audit?case={id:D}&from={after}", UriKind.Relative), ct);
        var ledger = await auditor.GetStringAsync(new Uri("/staff/audit", UriKind.Relative), ct);

        Assert.Equal(3, Rows(byCase));
        Assert.Equal(2, Rows(byCaseAndHandler));
        Assert.DoesNotContain("演示审核人", byCaseAndHandler, StringComparison.Ordinal);
        Assert.Equal(3, Rows(byCaseOnTheDay));
        Assert.Equal(0, Rows(Body(later)));
        Assert.Contains("没有符合条件的记录", later, StringComparison.Ordinal);
        Assert.Contains("<label for=\"operator\">操作人</label>", ledger, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/staff/audit\">台账</a>", ledger, StringComparison.Ordinal);

        var bad = await auditor.GetAsync(new Uri("/staff/audit?from=yesterday", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);

        var export = await auditor.GetAsync(new Uri($"/staff/audit?handler=Csv&agency={site.OfficeId:D}&case={id:D}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("序号,时间（北京时间）,操作人,角色,操作,记录类型,记录,记录标识,变更内容,哈希", rows[0], StringComparison.Ordinal);
        Assert.Equal(4, rows.Length);
        Assert.Contains($",{beijing},演示经办人,经办人,新建草稿,主动公开信息,{title},{id:D},", rows[1], StringComparison.Ordinal);
        Assert.Contains("状态：待保密审查 → 保密审查通过，待公开", rows[3], StringComparison.Ordinal);
    }

    /// <summary>When the item's first entry was written: as UTC text, as Beijing text, and its Beijing date.</summary>
    private static async Task<(string Utc, string Beijing, DateOnly Day)> CreatedAtAsync(StaffSite site, Guid id, CancellationToken ct)
    {
        await using var db = site.Open();
        var at = (await db.AuditEntries.SingleAsync(e => e.EntityId == id.ToString("D") && e.Action == "item.Create", ct)).At;
        var beijing = at.ToOffset(TimeSpan.FromHours(8));
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return (at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", c), beijing.ToString("yyyy-MM-dd HH:mm:ss", c), DateOnly.FromDateTime(beijing.DateTime));
    }

    /// <summary>The rows of the 台账 table's body.</summary>
    private static int Rows(string body) => Regex.Count(body, "<tr>");

    private static string Body(string html)
    {
        var start = html.IndexOf("<tbody>", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }

    /// <summary>An item written and submitted by the demo handler, approved by the demo reviewer (their account ids as actors).</summary>
    private static async Task<(Guid Id, string HandlerId, string Title)> ApprovedItemAsync(StaffSite site, string provider, CancellationToken ct)
    {
        var title = $"台账测试通知{Guid.NewGuid():N}"[..16] + provider;
        var (id, pdf) = await ReviewAttachmentTests.SubmittedItemWithPdfAsync(site, title, ct);
        await using var db = site.Open();
        var users = await db.Users.Where(u => u.UserName == "handler" || u.UserName == "reviewer").ToDictionaryAsync(u => u.UserName!, u => u.Id.ToString("D"), ct);
        var reviewer = new ItemActor(users["reviewer"], "演示审核人", ItemRole.Reviewer);
        var approved = await ApplyItemStep.HandleAsync(db, site.Clock,
            new ApplyItemStep.Request(id, site.OfficeId, new ApproveItem(reviewer, StaffSite.Today, site.Clock.GetUtcNow(), null, [pdf.Sha256])), ct);
        Assert.True(approved.IsSuccess);
        return (id, users["handler"], title);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
