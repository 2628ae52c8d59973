using System.Net;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>文书模板 through HTTP: the admin saves and resets a kind's wording, a clerk is refused, a bad template is refused naming the field.</summary>
public sealed class LetterTemplatesPageTests(StaffSites sites)
{
    private const string Page = "/staff/letters/templates";

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Admin_SavesThenResets_VersionsStoredAuditedPageSaysWhichIsInForce(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var admin = await site.SignInAsync(StaffSite.OtherAgencyAdmin);
        var before = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        Assert.Contains("id=\"state-Receipt\"", before, StringComparison.Ordinal);
        Assert.Contains("现用：内置模板第1版", before, StringComparison.Ordinal);
        Assert.Contains("<code>{申请编号}</code>", before, StringComparison.Ordinal);
        Assert.Contains("请妥善保存本回执。", before, StringComparison.Ordinal);
        var own = LetterTemplates.DefaultText(LetterKind.Receipt).Replace("请妥善保存本回执。", "请妥善保管本回执，遗失不补。", StringComparison.Ordinal);

        var (saved, _) = await StaffForms.PostAsync(admin, Page, Page + "?handler=Save", ("Kind", nameof(LetterKind.Receipt)), ("Text", own.Replace("\n", "\r\n", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        Assert.Contains("已保存“政府信息公开申请接收回执”的本机关第1版模板", after, StringComparison.Ordinal);
        Assert.Contains("现用：本机关第1版", after, StringComparison.Ordinal);
        Assert.Contains("请妥善保管本回执，遗失不补。", after, StringComparison.Ordinal);
        Assert.Contains("id=\"reset-Receipt\"", after, StringComparison.Ordinal);
        await using (var db = site.Open())
        {
            var adminId = (await db.Users.SingleAsync(u => u.UserName == StaffSite.OtherAgencyAdmin, ct)).Id.ToString("D");
            var row = await db.LetterTemplates.AsNoTracking().SingleAsync(t => t.AgencyId == site.DepartmentId && t.Kind == LetterKind.Receipt, ct);
            Assert.Equal((1, own.Trim(), adminId), (row.Version, row.Text, row.SavedBy));
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == SaveLetterTemplate.Action && e.AgencyId == site.DepartmentId, ct);
            Assert.Equal(adminId, entry.Actor);
            Assert.Contains(own.Trim(), (await AgencyLetterTemplates.InForceAsync(db, site.DepartmentId, LetterKind.Receipt, ct)).Text, StringComparison.Ordinal);
        }

        var (reset, _) = await StaffForms.PostAsync(admin, Page, Page + "?handler=Reset", ("Kind", nameof(LetterKind.Receipt)));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var restored = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        Assert.Contains("已恢复使用内置模板", restored, StringComparison.Ordinal);
        Assert.Contains("现用：内置模板第1版", restored, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reset-Receipt\"", restored, StringComparison.Ordinal);
        await using var read = site.Open();
        Assert.Equal([1, 2], await read.LetterTemplates.Where(t => t.AgencyId == site.DepartmentId && t.Kind == LetterKind.Receipt).OrderBy(t => t.Version).Select(t => t.Version).ToListAsync(ct));
        Assert.Same(LetterTemplates.Default(LetterKind.Receipt), await AgencyLetterTemplates.InForceAsync(read, site.DepartmentId, LetterKind.Receipt, ct));
    }

    [Fact]
    public async Task Clerk_WithoutTheRight_403NothingSavedNoLink()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var handler = await site.SignInAsync("handler");
        var own = LetterTemplates.DefaultText(LetterKind.ExplainReasons) + "\n# 本机关改写";

        var page = await handler.GetAsync(new Uri(Page, UriKind.Relative), ct);
        var posted = await StaffSite.PostAsync(handler, "/staff", Page + "?handler=Save", new Dictionary<string, string> { ["Kind"] = nameof(LetterKind.ExplainReasons), ["Text"] = own });
        var reset = await StaffSite.PostAsync(handler, "/staff", Page + "?handler=Reset", new Dictionary<string, string> { ["Kind"] = nameof(LetterKind.ExplainReasons) });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, posted.StatusCode, reset.StatusCode));
        Assert.DoesNotContain($"href=\"{Page}\"", await handler.GetStringAsync(new Uri("/staff", UriKind.Relative), ct), StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", await (await site.SignInAsync("admin")).GetStringAsync(new Uri("/staff/letters/settings", UriKind.Relative), ct), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.False(await db.LetterTemplates.AnyAsync(t => t.AgencyId == site.OfficeId && t.Kind == LetterKind.ExplainReasons, ct));
    }

    [Fact]
    public async Task Save_RequiredFieldRemoved_422NamingTheFieldTextKeptNothingSaved()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var admin = await site.SignInAsync(StaffSite.OtherAgencyAdmin);
        var bad = LetterTemplates.DefaultText(LetterKind.Supplement).Replace("{补正事项}", "所缺材料", StringComparison.Ordinal);

        var (response, html) = await StaffForms.PostAsync(admin, Page, Page + "?handler=Save", ("Kind", nameof(LetterKind.Supplement)), ("Text", bad));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("class=\"message error-message\"", html, StringComparison.Ordinal);
        Assert.Contains("模板缺少必备字段“{补正事项}”", html, StringComparison.Ordinal);
        Assert.Contains("所缺材料", html, StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.False(await db.LetterTemplates.AnyAsync(t => t.AgencyId == site.DepartmentId && t.Kind == LetterKind.Supplement, ct));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == SaveLetterTemplate.Action && e.EntityId.StartsWith("Supplement/"), ct));
    }
}
