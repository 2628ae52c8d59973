using System.Net;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Requests;

/// <summary>The online application form: the receipt, and every bad input refused at its field with nothing stored.</summary>
[Collection(ApplySite.Collection)]
public sealed class ApplyPageTests(DemoSites sites)
{
    private static string ApplyPath(Guid agencyId) => $"/agencies/{agencyId:D}/apply";

    [Fact]
    public async Task Form_Get_BothIdentityFieldsetsAntiforgeryAndColumnNavigation()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var page = await PageReader.GetAsync(site.Client(), ApplyPath(site.OfficeId));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("政府信息公开申请", page.H1);
        Assert.NotNull(page.Document.QuerySelector("fieldset.fields-person input[name=PersonDocumentNumber]"));
        Assert.NotNull(page.Document.QuerySelector("fieldset.fields-organization input[name=CreditCode]"));
        Assert.Equal(6, page.Document.QuerySelectorAll("input[name=ApplicantKind]").Length);
        Assert.NotNull(page.Document.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(ApplyPath(site.OfficeId), page.Document.QuerySelector("nav.agency-nav a[aria-current=page]")?.GetAttribute("href"));
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.All(page.Document.QuerySelectorAll("main input:not([type=hidden]):not([type=radio]), main select, main textarea"),
            e => Assert.NotNull(page.Document.QuerySelector($"label[for={e.Id}]")));
    }

    [Fact]
    public async Task Form_UnknownAgency_404()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);

        var page = await PageReader.GetAsync(site.Client(), ApplyPath(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Form_ValidNaturalPerson_ReceiptWithNumberCodeAndNextStepsStoredOnce(string provider)
    {
        var site = await sites.GetAsync(provider);
        var before = await ApplySite.CountAsync(site, site.OfficeId);
        var fields = ApplySite.Person();
        fields["Content"] = "网上申请测试：本机关2025年对口帮扶资金拨付明细";

        var page = await ApplySite.PostFormAsync(ApplySite.Client(site), ApplyPath(site.OfficeId), fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("申请已提交", page.H1);
        var number = page.Document.QuerySelector("#tracking-number")!.TextContent.Trim();
        var code = page.Document.QuerySelector("#query-code")!.TextContent.Trim();
        Assert.Matches(@"^\d{4}-\d{6}$", number);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", code);
        Assert.Contains("20个工作日内答复", page.Text, StringComparison.Ordinal);
        Assert.Contains("条例第三十一条第（三）项", page.Text, StringComparison.Ordinal);
        Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", page.Html, StringComparison.Ordinal);

        var after = await ApplySite.CountAsync(site, site.OfficeId);
        Assert.Equal(before.Requests + 1, after.Requests);
        Assert.Equal(before.Audit + 1, after.Audit);
        await using var db = site.Open();
        var stored = await db.Requests.AsNoTracking().SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, TestContext.Current.CancellationToken);
        Assert.Equal(Channel.Online, stored.Channel);
        Assert.Equal(RequestState.Submitted, stored.State);
    }

    [Fact]
    public async Task Form_InvalidIdentityNumber_ChineseErrorAtTheFieldValuesKeptNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var before = await ApplySite.CountAsync(site, site.DistrictId);
        var fields = ApplySite.Person();
        fields["PersonDocumentNumber"] = "110105194912310023";

        var page = await ApplySite.PostFormAsync(ApplySite.Client(site), ApplyPath(site.DistrictId), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("政府信息公开申请", page.H1);
        Assert.Equal("身份证号码校验码应为X，实为3", page.Document.QuerySelector("#PersonDocumentNumber-error")?.TextContent);
        Assert.Equal("true", page.Document.QuerySelector("#PersonDocumentNumber")?.GetAttribute("aria-invalid"));
        Assert.Contains("身份证号码校验码应为X", page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("110105194912310023", page.Document.QuerySelector("#PersonDocumentNumber")?.GetAttribute("value"));
        Assert.Equal("王五", page.Document.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.Equal(fields["Content"], page.Document.QuerySelector("#Content")?.TextContent);
        Assert.Equal(before, await ApplySite.CountAsync(site, site.DistrictId));
    }

    [Fact]
    public async Task Form_ForgedAntiforgeryToken_400InChineseNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var before = await ApplySite.CountAsync(site, site.DistrictId);

        var page = await ApplySite.PostFormAsync(ApplySite.Client(site), ApplyPath(site.DistrictId), ApplySite.Person(), token: "CfDJ8forged-token-value");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("请求无效", page.H1);
        Assert.Equal(before, await ApplySite.CountAsync(site, site.DistrictId));
    }

    [Theory]
    [InlineData("Name", 101, "申请人姓名不能超过100个字")]
    [InlineData("Content", 3901, "申请内容不能超过3900个字")]
    [InlineData("PostalAddress", 201, "联系方式每项不能超过200个字符")]
    [InlineData("PersonDocumentNumber", 100_000, "身份证号码应为18位")]
    public async Task Form_OverLongField_RefusedAtTheFieldNothingStored(string field, int length, string message)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var before = await ApplySite.CountAsync(site, site.DistrictId);
        var fields = ApplySite.Person();
        fields[field] = new string('长', length);

        var page = await ApplySite.PostFormAsync(ApplySite.Client(site), ApplyPath(site.DistrictId), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.StartsWith(message, page.Document.QuerySelector($"#{field}-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await ApplySite.CountAsync(site, site.DistrictId));
    }

    [Fact]
    public async Task Form_ScriptInTextFields_StoredAsTextAndRenderedInert()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        const string Script = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        var fields = ApplySite.Person();
        fields["Content"] = "网上申请脚本测试 " + Script;

        // Refused (bad identity number): the script comes back in the field as text.
        fields["PersonDocumentNumber"] = "bad";
        fields["Name"] = "王五" + Script;
        var refused = await ApplySite.PostFormAsync(ApplySite.Client(site), ApplyPath(site.OfficeId), fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(fields["Content"], refused.Document.QuerySelector("#Content")?.TextContent);
        Assert.Equal(fields["Name"], refused.Document.QuerySelector("#Name")?.GetAttribute("value"));

        // Accepted: stored verbatim, and the receipt shows it as text.
        fields["PersonDocumentNumber"] = "11010519491231002X";
        fields["Name"] = "王五";
        var accepted = await ApplySite.PostFormAsync(ApplySite.Client(site), ApplyPath(site.OfficeId), fields);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Contains(Script, accepted.Document.QuerySelector(".submitted-content")!.TextContent, StringComparison.Ordinal);
        foreach (var page in new[] { refused, accepted })
        {
            Assert.Empty(page.Document.QuerySelectorAll("script"));
            Assert.Empty(page.Document.QuerySelectorAll("main img"));
            Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
        }

        var number = accepted.Document.QuerySelector("#tracking-number")!.TextContent.Trim();
        await using var db = site.Open();
        var stored = await db.Requests.AsNoTracking().SingleAsync(r => r.AgencyId == site.OfficeId && r.TrackingNumber == number, TestContext.Current.CancellationToken);
        Assert.StartsWith(fields["Content"], stored.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_OrganizationWithBadCreditCode_ErrorAtCreditCode()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var fields = ApplySite.Person();
        fields["ApplicantKind"] = "LegalServiceInstitution";
        fields["Name"] = "某律师事务所";
        fields["CreditCode"] = "91350100M000100Y44";

        var page = await ApplySite.PostFormAsync(ApplySite.Client(site), ApplyPath(site.DistrictId), fields);

        Assert.Equal("统一社会信用代码校验码应为3，实为4", page.Document.QuerySelector("#CreditCode-error")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("input[name=ApplicantKind][value=LegalServiceInstitution][checked]"));
    }

    [Fact]
    public async Task RateLimit_TooManyPostsFromOneAddress_Chinese429PageAndProblem()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        await using var strict = site.Factory.WithWebHostBuilder(b => b.UseSetting("Gongkai:RateLimits:Apply:PermitLimit", "2"));
        var client = strict.CreateClient();
        var before = await ApplySite.CountAsync(site, site.DistrictId);
        var fields = ApplySite.Person();
        fields["PersonDocumentNumber"] = "bad";

        var statuses = new List<HttpStatusCode>();
        PageReader? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await ApplySite.PostFormAsync(client, ApplyPath(site.DistrictId), fields);
            statuses.Add(last.Status);
        }

        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("请求过于频繁", last!.H1);
        var api = await client.PostAsync(new Uri($"/api/v1/agencies/{site.DistrictId:D}/applications", UriKind.Relative),
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请稍后再试", await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, await ApplySite.CountAsync(site, site.DistrictId));
    }
}
