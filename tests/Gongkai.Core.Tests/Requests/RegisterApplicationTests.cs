using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Registration by staff (issue 13) on both providers: receipt date per channel, duplicates, nothing saved on errors, contacts encrypted.</summary>
public sealed class RegisterApplicationTests
{
    // 2026-03-02 10:00 in Beijing, a Monday.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private static readonly Actor Staff = new("staff-1", "王科员", ActorRole.Staff);

    private static OnlineApplicationForm Letter => SubmitOnlineTests.Person with
    {
        Name = "赵六",
        Phone = "13912345678",
        Email = "zhaoliu@example.com",
        PostalAddress = "北京市东城区某某胡同8号",
        Content = "请公开本区2025年背街小巷整治工程的招标文件",
        DeliveryMethod = null,
    };

    private static RegisterApplication.IntakeInput Post(DateOnly signedFor) => new(Channel.PostSigned, signedFor, "EA123456789CN", null, null, null, false);

    private static async Task<Result> RegisterAsync(TestDatabase database, Guid agency, OnlineApplicationForm form, RegisterApplication.IntakeInput intake, bool despite = false,
        RegisterApplication.Scan? scan = null)
    {
        await using var db = database.Open();
        var result = await RegisterApplication.HandleAsync(db, Clock, WorkCalendar.Official, database.Files,
            new RegisterApplication.Request(agency, form, intake, Staff, scan, despite), TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Problem.Message);
        return new Result(result.Value);
    }

    private sealed record Result(RegisterApplication.Response Response)
    {
        public RegisterApplication.Registered Registered => Response.Registered ?? throw new InvalidOperationException(string.Join("；", Response.Errors.Values));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Register_SignedForPost_ReceivedOnSignedForDateWithDeadlineAndFacts(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        var signedFor = new DateOnly(2026, 2, 26);

        var registered = (await RegisterAsync(database, agency, Letter, Post(signedFor))).Registered;

        Assert.Equal("2026-000001", registered.TrackingNumber);
        Assert.Equal(RequestState.Received, registered.State);
        Assert.Equal(signedFor, registered.ReceivedOn);
        Assert.Equal(WorkCalendar.Official.AddWorkingDays(signedFor, 20).Value, registered.ReplyDue);

        await using var db = database.Open();
        var stored = await db.Requests.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Channel.PostSigned, stored.Channel);
        Assert.Equal(signedFor, stored.SubmittedOn);
        var intake = await db.Intakes.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("EA123456789CN", "王科员"), (intake.PostalNumber, intake.RegisteredByName));
        Assert.Contains("签收之日", intake.ReceiptRule, StringComparison.Ordinal);
        var entry = await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("request.registered", entry.Action);
        foreach (var personal in new[] { "赵六", "13912345678", "zhaoliu@example.com", "某某胡同", SubmitOnlineTests.IdentityNumber })
        {
            Assert.DoesNotContain(personal, entry.After, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Register_Oral_WrittenDownAndReceivedToday(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        var today = ChinaClock.Today(Clock);

        var registered = (await RegisterAsync(database, agency, Letter, new(Channel.Oral, today, null, null, null, "王科员", true))).Registered;

        Assert.Equal(today, registered.ReceivedOn);
        await using var db = database.Open();
        Assert.True((await db.Requests.SingleAsync(TestContext.Current.CancellationToken)).WrittenDownByStaff);
        Assert.Equal("王科员", (await db.Intakes.SingleAsync(TestContext.Current.CancellationToken)).FilledInBy);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Register_EmailConfirmed_ReceiptIsConfirmationDayAndServerTimeKept(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        var mail = new DateTimeOffset(2026, 2, 27, 23, 15, 0, TimeSpan.FromHours(8));
        var confirmed = new DateOnly(2026, 3, 2);

        var registered = (await RegisterAsync(database, agency, Letter, new(Channel.Email, null, null, mail, confirmed, null, false))).Registered;

        Assert.Equal((new DateOnly(2026, 2, 27), confirmed, RequestState.Received), (registered.SubmittedOn, registered.ReceivedOn!.Value, registered.State));
        await using var db = database.Open();
        Assert.Equal(mail, (await db.Intakes.SingleAsync(TestContext.Current.CancellationToken)).MailReceivedAt);
        Assert.Equal([RequestTrigger.Submit, RequestTrigger.ConfirmReceipt], (await db.Requests.SingleAsync(TestContext.Current.CancellationToken)).Events.Select(e => e.Trigger));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Register_FaxNotYetConfirmed_WaitsWithoutDeadline(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;

        var registered = (await RegisterAsync(database, agency, Letter, new(Channel.Fax, new DateOnly(2026, 3, 2), null, null, null, null, false))).Registered;

        Assert.Equal((RequestState.Submitted, (DateOnly?)null, (DateOnly?)null), (registered.State, registered.ReceivedOn, registered.ReplyDue));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Register_BadInput_ChineseErrorsAndNothingSaved(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;

        var response = (await RegisterAsync(database, agency, Letter with { Name = " ", Phone = null, Email = null, PostalAddress = null },
            new(Channel.PostSigned, new DateOnly(2026, 3, 1), "", null, null, null, false))).Response;

        Assert.Null(response.Registered);
        Assert.Equal(["Intake", "Name", "Phone"], response.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(response.Errors.Values, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
        await using var db = database.Open();
        Assert.Equal((0, 0, 0), (await db.Requests.CountAsync(TestContext.Current.CancellationToken), await db.Intakes.CountAsync(TestContext.Current.CancellationToken),
            await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Register_SameApplicantSimilarContentWithin30Days_WarnedThenRegisteredWhenStaffGoOn(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        var first = (await RegisterAsync(database, agency, Letter, Post(new DateOnly(2026, 2, 2)))).Registered;

        // The same identity number under another spelling of the name, asking nearly the same.
        var again = Letter with { Name = "赵 六", Content = "申请公开：本区2025年背街小巷整治工程招标文件。" };
        var warned = (await RegisterAsync(database, agency, again, Post(new DateOnly(2026, 3, 2)))).Response;
        var unrelated = (await RegisterAsync(database, agency, again with { Content = "2024年本机关政府采购合同清单" }, Post(new DateOnly(2026, 3, 2)))).Response;
        var despite = (await RegisterAsync(database, agency, again, Post(new DateOnly(2026, 3, 2)), despite: true)).Registered;

        Assert.Null(warned.Registered);
        Assert.Equal(first.TrackingNumber, Assert.Single(warned.Duplicates).TrackingNumber);
        Assert.NotNull(unrelated.Registered);
        Assert.Equal("2026-000003", despite.TrackingNumber);
    }

    [Fact]
    public async Task Register_SimilarContentOutside30Days_NoWarning()
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(TestProviders.Sqlite);
        await using var _ = database;
        await RegisterAsync(database, agency, Letter, Post(new DateOnly(2026, 1, 30)));

        Assert.NotNull((await RegisterAsync(database, agency, Letter, Post(new DateOnly(2026, 3, 2)))).Response.Registered);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Register_WithScan_StoredByHash(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        using var pdf = new MemoryStream("%PDF-1.4 scanned form"u8.ToArray());

        var registered = (await RegisterAsync(database, agency, Letter, Post(new DateOnly(2026, 3, 2)), scan: new("申请表.pdf", pdf, pdf.Length))).Registered;

        await using var db = database.Open();
        var scan = await IntakeDetail.ScanAsync(db, database.Files, registered.Id, TestContext.Current.CancellationToken);
        Assert.Equal(("申请表.pdf", "application/pdf"), (scan!.Value.FileName, scan.Value.MediaType));
        Assert.Equal("%PDF-1.4 scanned form"u8.ToArray(), scan.Value.Content);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Store_ContactDetails_EncryptedAtRestNameInClear(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        await RegisterAsync(database, agency, Letter, Post(new DateOnly(2026, 3, 2)));

        await using var db = database.Open();
        var raw = await db.Database.SqlQueryRaw<string>(
            "SELECT applicant_name || '|' || contact_phone || '|' || contact_email || '|' || contact_address AS \"Value\" FROM requests").SingleAsync(TestContext.Current.CancellationToken);
        var parts = raw.Split('|');
        Assert.Equal("赵六", parts[0]);
        Assert.All(parts[1..], p => Assert.StartsWith("v1.", p, StringComparison.Ordinal));
        foreach (var personal in new[] { "13912345678", "zhaoliu", "example.com", "胡同" })
        {
            Assert.DoesNotContain(personal, raw, StringComparison.Ordinal);
        }

        var contact = (await db.Requests.SingleAsync(TestContext.Current.CancellationToken)).Applicant.Contact;
        Assert.Equal(("13912345678", "zhaoliu@example.com", "北京市东城区某某胡同8号"), (contact.Phone, contact.Email, contact.PostalAddress));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Migrate_ContactsStoredInClearBefore_SealedByTheDataStep(string provider)
    {
        await using var database = TestDatabase.Unmigrated(provider, "gongkai_seal_");
        var initial = "";
        await using (var db = database.Open())
        {
            initial = db.Database.GetMigrations().First();
            if (provider == TestProviders.Sqlite)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Target.ConnectionString).DataSource)!);
            }

            // Stored by this build, then the contact columns put back in clear and the database taken back to the
            // migration before issue 13's (its Down keeps the contact columns): as a build before issue 13 left it.
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            var agency = Domain.Agencies.Agency.Create("某区住房和城乡建设委员会").Value;
            db.Agencies.Add(agency);
            db.Requests.Add(Data.RequestStorageTests.NewRequest(agency.Id, "2025-000001", new DateOnly(2025, 6, 3)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync("UPDATE requests SET contact_phone = '13800000000', contact_address = 'v1.不是密文的地址'", TestContext.Current.CancellationToken);
            await db.GetService<IMigrator>().MigrateAsync(initial, TestContext.Current.CancellationToken);
        }

        await (await GongkaiDatabase.OpenAndMigrateAsync(database.Target, TestContext.Current.CancellationToken)).DisposeAsync();

        await using var read = database.Open();
        var raw = await read.Database.SqlQueryRaw<string>("SELECT contact_phone || '|' || contact_address AS \"Value\" FROM requests").SingleAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("13800000000", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("地址", raw, StringComparison.Ordinal);
        var contact = (await read.Requests.SingleAsync(TestContext.Current.CancellationToken)).Applicant.Contact;
        Assert.Equal(("13800000000", (string?)null, "v1.不是密文的地址"), (contact.Phone, contact.Email, contact.PostalAddress));
        Assert.Equal(0, await ContactEncryptionAgainAsync(read));
    }

    private static Task<int> ContactEncryptionAgainAsync(GongkaiDbContext db) =>
        Gongkai.Core.Data.Protection.ContactEncryption.SealPlainValuesAsync(db, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("请公开2025年背街小巷整治工程招标文件", "申请公开：本区2025年背街小巷整治工程的招标文件。", true)]
    [InlineData("2025年预算", "请公开2025年预算", true)]
    [InlineData("请公开2025年背街小巷整治工程招标文件", "2024年本机关政府采购合同清单", false)]
    [InlineData("", "任何内容", false)]
    public void IsSimilar_Table(string a, string b, bool similar) => Assert.Equal(similar, RegisterApplication.IsSimilar(a, b));
}
