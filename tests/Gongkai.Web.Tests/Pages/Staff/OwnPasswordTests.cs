using System.Net;
using Gongkai.Core.Data.Audit;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>修改密码 (issue 16, 4): a staff user changes their own password; common passwords are refused everywhere.</summary>
public sealed class OwnPasswordTests(StaffSites sites)
{
    private const string Page = "/staff/password";

    [Fact]
    public async Task Change_WithCurrentPassword_NewOneWorksOldNotOtherSessionsEndThisOneStays()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var here = await site.SignInAsync(StaffSite.PasswordUser);
        var elsewhere = await site.SignInAsync(StaffSite.PasswordUser);
        const string newPassword = "Harbor#Quill-Mosaic84";

        var wrong = await StaffForms.PostAsync(here, Page, Page, ("CurrentPassword", "Not#The-Current-One9"), ("NewPassword", newPassword), ("ConfirmPassword", newPassword));
        Assert.Contains("当前密码不正确", wrong.Html, StringComparison.Ordinal);
        var changed = await StaffForms.PostAsync(here, Page, Page, ("CurrentPassword", DemoAccounts.Password), ("NewPassword", newPassword), ("ConfirmPassword", newPassword));

        Assert.Equal((HttpStatusCode.Redirect, Page), (changed.Response.StatusCode, changed.Response.Headers.Location?.OriginalString));
        Assert.Contains("密码已修改", await here.GetStringAsync(new Uri(Page, UriKind.Relative), ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(new Uri("/staff", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync(new Uri("/staff", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StaffSite.LoginAsync(site.Anonymous(), StaffSite.PasswordUser, DemoAccounts.Password)).StatusCode);
        await site.SignInAsync(StaffSite.PasswordUser, newPassword);

        await using var db = site.Open();
        var id = (await db.Users.SingleAsync(u => u.UserName == StaffSite.PasswordUser, ct)).Id.ToString("D");
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id && e.Action == "user.passwordChanged").SingleAsync(ct);
        Assert.Equal(id, entry.Actor);
        Assert.DoesNotContain(newPassword, entry.Before + entry.After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(db, ct)).IsIntact);
    }

    [Theory]
    [InlineData("Password#2026")]
    [InlineData("P@ssw0rd12345!")]
    [InlineData("Welcome#2026")]
    public async Task Change_CommonPassword_RefusedInChineseNothingChanged(string common)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var client = await site.SignInAsync("reviewer");

        var refused = await StaffForms.PostAsync(client, Page, Page, ("CurrentPassword", DemoAccounts.Password), ("NewPassword", common), ("ConfirmPassword", common));

        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Contains("密码过于常见或容易猜到", refused.Html, StringComparison.Ordinal);
        await site.SignInAsync("reviewer");
    }

    /// <summary>An administrator's reset and a new account get the same check (the rules are Identity's validators).</summary>
    [Fact]
    public async Task AdminReset_CommonPassword_Refused()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var admin = await site.SignInAsync("admin");
        await using var db = site.Open();
        var id = await db.Users.Where(u => u.UserName == "auditor").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);

        var refused = await StaffForms.PostAsync(admin, "/staff/users", $"/staff/users?handler=Password&id={id}", ("NewPassword", "Password#2026"));

        Assert.Contains("密码过于常见或容易猜到", refused.Html, StringComparison.Ordinal);
        await site.SignInAsync("auditor");
    }
}
