using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Accounts;

/// <summary>The <c>api_keys</c> table on each provider: issue, find by hash, last use once a day, revoke, the 台账.</summary>
public sealed class ApiKeyStorageTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_ThenLookUp_AgencyFoundKeyNeverStoredLastUsedSet(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = await AddAgencyAsync(db, "甲机关");

        var issued = (await IssueApiKey.HandleAsync(db, _clock, new IssueApiKey.Request(agency.Id, " 办公系统对接 ", "admin-1"), ct)).Value;

        Assert.Matches("^[A-Za-z0-9_-]{43}$", issued.Key);
        Assert.Equal("办公系统对接", issued.Line.Name);
        Assert.Equal(issued.Key[..8], issued.Line.Prefix);
        await using var read = database.Open();
        var row = await read.ApiKeys.AsNoTracking().SingleAsync(ct);
        Assert.Equal(ApiKey.HashOf(issued.Key), row.Hash);
        Assert.Null(row.LastUsedOn);
        Assert.Equal(agency.Id, await ApiKeyLookup.AgencyOfAsync(read, _clock, ApiKey.HashOf(issued.Key), ct));
        Assert.Null(await ApiKeyLookup.AgencyOfAsync(read, _clock, ApiKey.HashOf("not-a-key"), ct));
        Assert.Equal(new DateOnly(2026, 3, 2), (await read.ApiKeys.AsNoTracking().SingleAsync(ct)).LastUsedOn);

        var audit = await read.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "apiKey.created", ct);
        Assert.Equal("admin-1", audit.Actor);
        Assert.Equal(agency.Id, audit.AgencyId);
        Assert.DoesNotContain(issued.Key, audit.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Hash, audit.After!, StringComparison.Ordinal);
        Assert.Contains(issued.Line.Prefix, audit.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Revoke_ActiveKey_NotFoundFromThenOnAndAudited(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = await AddAgencyAsync(db, "甲机关");
        var issued = (await IssueApiKey.HandleAsync(db, _clock, new IssueApiKey.Request(agency.Id, "对接", "admin-1"), ct)).Value;

        var revoked = await RevokeApiKey.HandleAsync(db, _clock, new RevokeApiKey.Request(agency.Id, issued.Line.Id, "admin-1"), ct);
        var again = await RevokeApiKey.HandleAsync(db, _clock, new RevokeApiKey.Request(agency.Id, issued.Line.Id, "admin-1"), ct);

        Assert.True(revoked.IsSuccess);
        Assert.Equal("apiKey.revoked", again.Problem.Code);
        await using var read = database.Open();
        Assert.Null(await ApiKeyLookup.AgencyOfAsync(read, _clock, ApiKey.HashOf(issued.Key), ct));
        Assert.NotNull((await read.ApiKeys.AsNoTracking().SingleAsync(ct)).RevokedAt);
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.Action == "apiKey.revoked", ct));
        Assert.True((await Gongkai.Core.Data.Audit.AuditTrail.VerifyAsync(read, ct)).IsIntact);

        // Revoked, its name is free again.
        Assert.True((await IssueApiKey.HandleAsync(db, _clock, new IssueApiKey.Request(agency.Id, "对接", "admin-1"), ct)).IsSuccess);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task RevokeAndIssue_OtherAgencyKeyOrBadName_RefusedNothingStored(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var own = await AddAgencyAsync(db, "甲机关");
        var other = await AddAgencyAsync(db, "乙机关");
        var theirs = (await IssueApiKey.HandleAsync(db, _clock, new IssueApiKey.Request(other.Id, "对接", "admin-2"), ct)).Value;

        var revoke = await RevokeApiKey.HandleAsync(db, _clock, new RevokeApiKey.Request(own.Id, theirs.Line.Id, "admin-1"), ct);
        var blank = await IssueApiKey.HandleAsync(db, _clock, new IssueApiKey.Request(own.Id, "  ", "admin-1"), ct);
        var duplicate = await IssueApiKey.HandleAsync(db, _clock, new IssueApiKey.Request(other.Id, "对接", "admin-2"), ct);

        Assert.Equal("apiKey.notFound", revoke.Problem.Code);
        Assert.Equal("apiKey.nameRequired", blank.Problem.Code);
        Assert.Equal("apiKey.duplicateName", duplicate.Problem.Code);
        await using var read = database.Open();
        Assert.Equal(1, await read.ApiKeys.CountAsync(ct));
        Assert.Equal(other.Id, await ApiKeyLookup.AgencyOfAsync(read, _clock, ApiKey.HashOf(theirs.Key), ct));
        Assert.Empty(await ApiKeyLookup.ListAsync(read, own.Id, ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Hash_SameHashTwice_RefusedByTheUniqueIndex(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = await AddAgencyAsync(db, "甲机关");
        foreach (var name in new[] { "一", "二" })
        {
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), AgencyId = agency.Id, Name = name, Hash = ApiKey.HashOf("same"), Prefix = "same", CreatedBy = "t", CreatedAt = _clock.GetUtcNow() });
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
    }

    private static async Task<Agency> AddAgencyAsync(Gongkai.Core.Data.GongkaiDbContext db, string name)
    {
        var agency = Agency.Create(name).Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return agency;
    }
}
