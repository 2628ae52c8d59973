using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

public sealed class SubmitOnlineTests
{
    public const string IdentityNumber = "11010519491231002X";
    public const string CreditCode = "91350100M000100Y43";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    public static OnlineApplicationForm Person => new()
    {
        ApplicantKind = "NaturalPerson",
        Name = "王五",
        PersonDocumentKind = "ResidentIdentityCard",
        PersonDocumentNumber = IdentityNumber,
        Phone = "13800000000",
        Content = "2025年本区老旧小区改造项目清单",
        DeliveryMethod = "电子邮件",
    };

    internal static async Task<(TestDatabase Database, Guid Agency)> SeedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create("某区住房和城乡建设委员会").Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (database, agency.Id);
    }

    /// <summary>Through a writer of its own, as if from a process of its own (SubmissionWriterTests share one).</summary>
    private static async Task<SubmitOnline.Response> SubmitAsync(TestDatabase database, Guid agency, OnlineApplicationForm form)
    {
        await using var writer = new SubmissionWriter(database.Open, Clock, WorkCalendar.Official);
        var result = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agency, form), TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Problem.Message);
        return result.Value;
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Submit_NaturalPerson_StoredOnlineAwaitingConfirmationWithHashedCodeAndAudit(string provider)
    {
        var (database, agency) = await SeedAsync(provider);
        await using var _ = database;

        var receipt = (await SubmitAsync(database, agency, Person)).Receipt!;

        Assert.Equal("2026-000001", receipt.TrackingNumber);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", receipt.QueryCode);
        Assert.Equal(new DateOnly(2026, 3, 2), receipt.SubmittedOn);

        // 条例 Art 31(三): online, the receipt date is the day both sides confirm; no clock runs before it.
        Assert.Equal(RequestState.Submitted, receipt.State);
        Assert.Null(receipt.ReceivedOn);
        Assert.Null(receipt.ReplyDue);

        await using var db = database.Open();
        var stored = await db.Requests.SingleAsync(TestContext.Current.CancellationToken);
        var hash = await db.Requests.Select(r => EF.Property<string?>(r, RequestMapping.QueryCodeHash)).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Channel.Online, stored.Channel);
        Assert.Equal(ApplicantKind.NaturalPerson, stored.Applicant.Kind);
        Assert.Equal(IdentityNumber, stored.Applicant.Document!.Number);
        Assert.Equal("2025年本区老旧小区改造项目清单\n\n获取信息的方式：电子邮件", stored.Content);
        Assert.Equal(QueryCode.Hash(stored.Id, receipt.QueryCode), hash);
        Assert.DoesNotContain(receipt.QueryCode, hash!, StringComparison.Ordinal);

        var entry = await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("request.submittedOnline", entry.Action);
        Assert.Equal(agency, entry.AgencyId);
        Assert.Contains("2026-000001", entry.After, StringComparison.Ordinal);
        foreach (var personal in new[] { "王五", IdentityNumber, "13800000000", receipt.QueryCode })
        {
            Assert.DoesNotContain(personal, entry.After, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Submit_Organization_CreditCodeKept(string provider)
    {
        var (database, agency) = await SeedAsync(provider);
        await using var _ = database;
        var form = Person with { ApplicantKind = "CommercialEnterprise", Name = "某某科技有限公司", CreditCode = CreditCode.ToLowerInvariant(), PersonDocumentNumber = "garbage, ignored for an organisation" };

        var response = await SubmitAsync(database, agency, form);

        Assert.Empty(response.Errors);
        await using var db = database.Open();
        var stored = await db.Requests.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ApplicantKind.CommercialEnterprise, stored.Applicant.Kind);
        Assert.Equal(CreditCode, stored.Applicant.CreditCode!.Value);
        Assert.Null(stored.Applicant.Document);
    }

    public static TheoryData<string, OnlineApplicationForm, string, string> BadForms => new()
    {
        { "identity checksum", Person with { PersonDocumentNumber = "110105194912310023" }, "PersonDocumentNumber", "校验码" },
        { "identity length", Person with { PersonDocumentNumber = "1101051949" }, "PersonDocumentNumber", "应为18位" },
        { "birth date in the future", Person with { PersonDocumentNumber = "110105202701010019" }, "PersonDocumentNumber", "出生日期" },
        { "credit code checksum", Person with { ApplicantKind = "ResearchInstitution", Name = "某研究所", CreditCode = "91350100M000100Y44" }, "CreditCode", "校验码" },
        { "organisation without proof", Person with { ApplicantKind = "OtherOrganization", Name = "某协会" }, "CreditCode", "统一社会信用代码" },
        { "no kind", Person with { ApplicantKind = "" }, "ApplicantKind", "申请人类型" },
        { "kind as a number", Person with { ApplicantKind = "3" }, "ApplicantKind", "申请人类型" },
        { "no name", Person with { Name = "  " }, "Name", "姓名" },
        { "name too long", Person with { Name = new string('王', 101) }, "Name", "不能超过100个字" },
        { "no contact", Person with { Phone = null }, "Phone", "至少填写一项" },
        { "bad email", Person with { Email = "wang.example.cn" }, "Email", "格式不正确" },
        { "address too long", Person with { PostalAddress = new string('路', 201) }, "PostalAddress", "不能超过200个字符" },
        { "empty content", Person with { Content = "\n " }, "Content", "条例第二十九条" },
        { "content too long", Person with { Content = new string('文', OnlineApplicationForm.MaxContentLength + 1) }, "Content", "不能超过" },
        { "unknown delivery", Person with { DeliveryMethod = "飞鸽传书" }, "DeliveryMethod", "获取信息的方式无效" },
        { "unknown document kind", Person with { PersonDocumentKind = "DriverLicence" }, "PersonDocumentKind", "证件类型无效" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Submit_BadField_ChineseMessageAtTheFieldAndNothingStored(string why, OnlineApplicationForm form, string field, string message)
    {
        var (database, agency) = await SeedAsync(TestProviders.Sqlite);
        await using var _ = database;

        var response = await SubmitAsync(database, agency, form);

        Assert.Null(response.Receipt);
        Assert.True(response.Errors.ContainsKey(field), $"{why}: errors at {string.Join(", ", response.Errors.Keys)}");
        Assert.Contains(message, response.Errors[field], StringComparison.Ordinal);
        await using var db = database.Open();
        Assert.Equal(0, await db.Requests.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Submit_UnknownAgency_ProblemAndNothingStored()
    {
        var (database, _) = await SeedAsync(TestProviders.Sqlite);
        await using var __ = database;
        await using var writer = new SubmissionWriter(database.Open, Clock, WorkCalendar.Official);

        var result = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(Guid.NewGuid(), Person), TestContext.Current.CancellationToken);

        Assert.Equal("agency.notFound", result.Problem.Code);
        await using var db = database.Open();
        Assert.Equal(0, await db.Requests.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Submit_ConcurrentlyThroughWritersOfTheirOwn_EveryApplicationItsOwnNumber(string provider)
    {
        var (database, agency) = await SeedAsync(provider);
        await using var _ = database;

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => (await SubmitAsync(database, agency, Person)).Receipt!)));

        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"2026-{i:D6}")], receipts.Select(r => r.TrackingNumber).Order(StringComparer.Ordinal));
        await using var db = database.Open();
        Assert.Equal(8, await db.Requests.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(8, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task NextNumber_AfterLedgerNumbersOfOtherShapes_ContinuesTheYearSeries(string provider)
    {
        var (database, agency) = await SeedAsync(provider);
        await using var _ = database;
        await using (var db = database.Open())
        {
            db.Requests.Add(RequestStorageTests.NewRequest(agency, "2026-000041", new DateOnly(2026, 2, 2)));
            db.Requests.Add(RequestStorageTests.NewRequest(agency, "2026-00A999", new DateOnly(2026, 2, 2)));
            db.Requests.Add(RequestStorageTests.NewRequest(agency, "2025-000500", new DateOnly(2025, 2, 3)));
            db.Requests.Add(RequestStorageTests.NewRequest(agency, "东外联〔2026〕9号", new DateOnly(2026, 2, 2)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        Assert.Equal("2026-000042", (await TrackingNumberSeries.NextAsync(read, agency, 2026, TestContext.Current.CancellationToken)).Value);
        Assert.Equal("2027-000001", (await TrackingNumberSeries.NextAsync(read, agency, 2027, TestContext.Current.CancellationToken)).Value);
    }
}
