using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

/// <summary>An online submission with an idempotency key: one application per key and agency, whatever the retries.</summary>
public sealed class SubmissionIdempotencyTests
{
    private const string Key = "5f0c2a9e8b7d4c3a9e1f2b3c4d5e6f70";
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Result<SubmitOnline.Response>> SubmitAsync(SubmissionWriter writer, Guid agency, OnlineApplicationForm form, string? key = Key) =>
        SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agency, form, key), Ct);

    /// <summary>Through a writer of its own: as a new process would after the first one died between commit and answer.</summary>
    private static async Task<Result<SubmitOnline.Response>> SubmitAloneAsync(TestDatabase database, Guid agency, OnlineApplicationForm form, string? key = Key)
    {
        await using var writer = new SubmissionWriter(database.Open, Clock, WorkCalendar.Official);
        return await SubmitAsync(writer, agency, form, key);
    }

    private static async Task<(int Applications, int Entries)> StoredAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return (await db.Requests.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SameKeyTwice_AnotherProcess_OneApplicationSameNumberAndAWorkingQueryCode(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;

        // The first answer is lost (the process died after the commit): the retry comes through another writer.
        var first = (await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person)).Value.Receipt!;
        var again = (await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person)).Value.Receipt!;

        Assert.False(first.Repeated);
        Assert.True(again.Repeated);
        Assert.Equal(("2026-000001", first.QueryCode), (again.TrackingNumber, again.QueryCode));
        Assert.Equal((1, 1), await StoredAsync(database));

        // The code the retry gave is the application's: the status lookup accepts it.
        await using var db = database.Open();
        var status = await LookupApplication.HandleAsync(db, WorkCalendar.Official, new LookupApplication.Request(agency, again.TrackingNumber, again.QueryCode), Ct);
        Assert.True(status.IsSuccess);
        var stored = await db.Requests.Select(r => new
        {
            Key = EF.Property<string?>(r, RequestMapping.IdempotencyKey),
            Fingerprint = EF.Property<string?>(r, RequestMapping.SubmissionFingerprint),
        }).SingleAsync(Ct);
        Assert.Equal(Key, stored.Key);
        Assert.Matches("^[0-9a-f]{64}$", stored.Fingerprint!);
        Assert.DoesNotContain(SubmitOnlineTests.IdentityNumber, stored.Fingerprint, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SameKeyOtherContent_ConflictInChinese_NothingMoreStored(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        Assert.NotNull((await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person)).Value.Receipt);

        var other = await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person with { Content = "2024年本区老旧小区改造项目清单" });
        var otherPhone = await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person with { Phone = "13900000000" });

        foreach (var refused in new[] { other, otherPhone })
        {
            Assert.Equal((SubmissionKeys.ReusedCode, ProblemKind.Conflict), (refused.Problem.Code, refused.Problem.Kind));
            Assert.Contains("提交标识", refused.Problem.Message, StringComparison.Ordinal);
        }

        Assert.Equal((1, 1), await StoredAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SameKeyAtOnce_TwoWritersOrOneBatch_OneApplication(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;

        // Two processes at once (each its own writer, so two transactions race for the lock).
        var racing = await Task.WhenAll(
            Task.Run(() => SubmitAloneAsync(database, agency, SubmitOnlineTests.Person), Ct),
            Task.Run(() => SubmitAloneAsync(database, agency, SubmitOnlineTests.Person), Ct));

        // Eight at once through one writer: they may share a batch.
        await using var writer = new SubmissionWriter(database.Open, Clock, WorkCalendar.Official);
        var batched = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SubmitAsync(writer, agency, SubmitOnlineTests.Person, "second-key")));

        var first = racing.Select(r => r.Value.Receipt!).ToList();
        var second = batched.Select(r => r.Value.Receipt!).ToList();
        Assert.Single(first.Select(r => (r.TrackingNumber, r.QueryCode)).Distinct());
        Assert.Single(first, r => !r.Repeated);
        Assert.Single(second.Select(r => (r.TrackingNumber, r.QueryCode)).Distinct());
        Assert.Single(second, r => !r.Repeated);
        Assert.NotEqual(first[0].TrackingNumber, second[0].TrackingNumber);
        Assert.Equal((2, 2), await StoredAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SameKey_AnotherAgencyOrNoKey_ApplicationsOfTheirOwn(string provider)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(provider);
        await using var _ = database;
        Guid other;
        await using (var db = database.Open())
        {
            var second = Agency.Create("某区教育局").Value;
            db.Agencies.Add(second);
            await db.SaveChangesAsync(Ct);
            other = second.Id;
        }

        var here = (await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person)).Value.Receipt!;
        var there = (await SubmitAloneAsync(database, other, SubmitOnlineTests.Person)).Value.Receipt!;
        var unkeyed1 = (await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person, key: null)).Value.Receipt!;
        var unkeyed2 = (await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person, key: " ")).Value.Receipt!;

        Assert.False(there.Repeated);
        Assert.NotEqual(here.QueryCode, there.QueryCode);
        Assert.Equal(["2026-000001", "2026-000002", "2026-000003"], new[] { here, unkeyed1, unkeyed2 }.Select(r => r.TrackingNumber));
        Assert.Equal((4, 4), await StoredAsync(database));
    }

    [Theory]
    [InlineData("有中文")]
    [InlineData("with space")]
    [InlineData("x/y")]
    public async Task BadKey_InvalidNothingStored(string key)
    {
        var (database, agency) = await SubmitOnlineTests.SeedAsync(TestProviders.Sqlite);
        await using var _ = database;

        var refused = await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person, key);
        var tooLong = await SubmitAloneAsync(database, agency, SubmitOnlineTests.Person, new string('a', SubmissionKeys.MaxLength + 1));

        Assert.Equal(("submission.idempotencyKey", ProblemKind.Invalid), (refused.Problem.Code, refused.Problem.Kind));
        Assert.Equal("submission.idempotencyKey", tooLong.Problem.Code);
        Assert.Equal((0, 0), await StoredAsync(database));
    }
}
