using System.Net;

namespace Gongkai.Web.Tests.Pages.Requests;

/// <summary>The status lookup page: the right number and code show the application, anything else one message.</summary>
[Collection(ApplySite.Collection)]
public sealed class StatusPageTests(DemoSites sites)
{
    private static string StatusPath(Guid agencyId) => $"/agencies/{agencyId:D}/apply/status";

    private static async Task<(string Number, string Code)> ApplyAsync(DemoSite site)
    {
        var fields = ApplySite.Person();
        fields["Content"] = "查询页测试：2024年本机关政府采购合同目录";
        var receipt = await ApplySite.PostFormAsync(ApplySite.Client(site), $"/agencies/{site.OfficeId:D}/apply", fields);
        return (receipt.Document.QuerySelector("#tracking-number")!.TextContent.Trim(), receipt.Document.QuerySelector("#query-code")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Lookup_RightNumberAndCode_StateAndStepsWithoutPersonalData(string provider)
    {
        var site = await sites.GetAsync(provider);
        var (number, code) = await ApplyAsync(site);

        var page = await ApplySite.PostFormAsync(ApplySite.Client(site), StatusPath(site.OfficeId),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TrackingNumber"] = number, ["QueryCode"] = code.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("待确认收到", page.Document.QuerySelector("#state")?.TextContent);
        Assert.Contains("申请编号 " + number, page.Text, StringComparison.Ordinal);
        Assert.Contains("待双方确认", page.Text, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("table.steps tbody tr"));
        foreach (var personal in new[] { "王五", "11010519491231002X", "13800000000", "政府采购合同目录", code })
        {
            Assert.DoesNotContain(personal, page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lookup_WrongCodeOrWrongNumber_SameMessageNoApplication()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var (number, code) = await ApplyAsync(site);
        var wrong = code[..7] + (code[7] == 'A' ? 'B' : 'A');

        var wrongCode = await ApplySite.PostFormAsync(ApplySite.Client(site), StatusPath(site.OfficeId),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TrackingNumber"] = number, ["QueryCode"] = wrong });
        var wrongNumber = await ApplySite.PostFormAsync(ApplySite.Client(site), StatusPath(site.OfficeId),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TrackingNumber"] = "1999-000001", ["QueryCode"] = code });
        var otherAgency = await ApplySite.PostFormAsync(ApplySite.Client(site), StatusPath(site.DistrictId),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TrackingNumber"] = number, ["QueryCode"] = code });

        foreach (var page in new[] { wrongCode, wrongNumber, otherAgency })
        {
            Assert.Equal("未找到该申请，请核对受理机关、申请编号和查询码", page.Document.QuerySelector("#lookup-error")?.TextContent);
            Assert.Null(page.Document.QuerySelector("#state"));
            Assert.Null(page.Document.QuerySelector("#QueryCode")?.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task Lookup_Get_FormWithoutResult()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var page = await PageReader.GetAsync(site.Client(), StatusPath(site.OfficeId));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("申请办理进度查询", page.H1);
        Assert.NotNull(page.Document.QuerySelector("form input[name=__RequestVerificationToken]"));
    }
}
