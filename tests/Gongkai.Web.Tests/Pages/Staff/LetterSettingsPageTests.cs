using System.Net;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>文书设置 through HTTP: the default said so, a save stored and audited, a wrong field refused in Chinese.</summary>
public sealed class LetterSettingsPageTests(StaffSites sites)
{
    private const string Page = "/staff/letters/settings";

    private static (string, string)[] Form(string prefix, string court) =>
    [
        ("Input.NumberPrefix", prefix),
        .. Enum.GetValues<LetterKind>().Select(k => ($"Input.KindCodes[{k}]", k == LetterKind.Reply ? "依申答" : LetterSettings.DefaultKindCodes[k])),
        ("Input.AgencyKind", nameof(AgencyKind.Department)),
        ("Input.ReconsiderationBody", "北京市东城区人民政府"),
        ("Input.AlternativeReconsiderationBody", ""),
        ("Input.Court", court),
        ("Input.OfficeName", "某局办公室"),
        ("Input.OfficeAddress", "北京市东城区某路1号"),
        ("Input.OfficePhone", "010-00000000"),
    ];

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Settings_DefaultShownThenSaved_StoredAuditedShownWithoutTheDefaultNote(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var admin = await site.SignInAsync(StaffSite.OtherAgencyAdmin);
        string departmentName;
        await using (var db = site.Open())
        {
            departmentName = await db.Agencies.Where(a => a.Id == site.DepartmentId).Select(a => a.Name).SingleAsync(ct);

            // The demo seeds every agency's settings: this department is made one whose admin never saved any.
            await db.LetterSettings.Where(s => s.AgencyId == site.DepartmentId).ExecuteDeleteAsync(ct);
        }

        var before = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        Assert.Contains("本机关尚未保存文书设置", before, StringComparison.Ordinal);
        Assert.Contains($"value=\"{GetLetterSettings.DefaultPrefix(departmentName)}\"", before, StringComparison.Ordinal);
        Assert.Contains("政府信息公开申请答复书", before, StringComparison.Ordinal);
        Assert.Contains("<label for=\"court\">管辖的人民法院</label>", before, StringComparison.Ordinal);

        var (saved, _) = await StaffForms.PostAsync(admin, Page, Page, Form(" 某局 ", "北京市东城区人民法院"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        Assert.Contains("已保存文书设置", after, StringComparison.Ordinal);
        Assert.DoesNotContain("本机关尚未保存文书设置", after, StringComparison.Ordinal);
        Assert.Contains("某局依申答〔2022〕第1号", after, StringComparison.Ordinal);
        await using var read = site.Open();
        var found = (await GetLetterSettings.HandleAsync(read, site.DepartmentId, ct)).Value;
        Assert.False(found.IsDefault);
        Assert.Equal(("某局", "依申答", "北京市东城区人民法院"), (found.Settings.NumberPrefix, found.Settings.KindCodes[LetterKind.Reply], found.Settings.Court));
        var entry = await read.AuditEntries.AsNoTracking().Where(e => e.Action == SaveLetterSettings.Action && e.AgencyId == site.DepartmentId).OrderBy(e => e.Sequence).LastAsync(ct);
        var adminId = (await read.Users.SingleAsync(u => u.UserName == StaffSite.OtherAgencyAdmin, ct)).Id.ToString("D");
        Assert.Equal(adminId, entry.Actor);
    }

    [Fact]
    public async Task Save_WithoutCourt_422InChineseNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");

        await using var db = site.Open();
        var before = await db.LetterSettings.AsNoTracking().SingleAsync(s => s.AgencyId == site.OfficeId, TestContext.Current.CancellationToken);

        var (response, html) = await StaffForms.PostAsync(admin, Page, Page, Form("东外联办", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("请填写管辖的人民法院", html, StringComparison.Ordinal);
        Assert.Contains("value=\"东外联办\"", html, StringComparison.Ordinal);
        var after = await db.LetterSettings.AsNoTracking().SingleAsync(s => s.AgencyId == site.OfficeId, TestContext.Current.CancellationToken);
        Assert.Equal((before.Settings, before.UpdatedAt), (after.Settings, after.UpdatedAt));
        Assert.Contains("东外联", after.Settings, StringComparison.Ordinal);
        Assert.DoesNotContain("东外联办", after.Settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nav_AdminSeesTheLinkHandlerDoesNot()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;

        var admin = await (await site.SignInAsync("admin")).GetStringAsync(new Uri("/staff", UriKind.Relative), ct);
        var handler = await (await site.SignInAsync("handler")).GetStringAsync(new Uri("/staff", UriKind.Relative), ct);

        Assert.Contains("href=\"/staff/letters/settings\"", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/staff/letters/settings\"", handler, StringComparison.Ordinal);
    }
}
