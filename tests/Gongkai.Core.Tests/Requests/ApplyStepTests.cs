using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

public sealed class ApplyStepTests
{
    private static readonly Actor Staff = new("u-7", "赵六", ActorRole.Staff);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2020, 9, 25, 2, 0, 0, TimeSpan.Zero));

    private static async Task<(TestDatabase Database, Guid Agency, Guid Request)> SeedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create("某区某局").Value;
        db.Agencies.Add(agency);
        var request = RequestStorageTests.NewRequest(agency.Id, "2020-100", new DateOnly(2020, 9, 24));
        db.Requests.Add(request);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (database, agency.Id, request.Id);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Apply_AllowedStep_SavedWithAuditEntryWithoutPersonalData(string provider)
    {
        var (database, agency, id) = await SeedAsync(provider);
        await using var _ = database;
        await using (var db = database.Open())
        {
            var step = await ApplyStep.HandleAsync(db, Clock, WorkCalendar.Official,
                new ApplyStep.Request(id, agency, new RequestSupplement(Staff, new DateOnly(2020, 10, 10), Clock.GetUtcNow(), ["文件名称"], new DateOnly(2020, 10, 30))),
                TestContext.Current.CancellationToken);
            Assert.True(step.IsSuccess, step.IsSuccess ? "" : step.Problem.Message);
        }

        await using var read = database.Open();
        var request = await read.Requests.SingleAsync(TestContext.Current.CancellationToken);
        var entry = await read.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(RequestState.AwaitingSupplement, request.State);
        Assert.Equal(2, request.Events.Count);
        Assert.Equal("request.RequestSupplement", entry.Action);
        Assert.Equal("u-7", entry.Actor);
        Assert.Contains("\"State\":\"Received\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"State\":\"AwaitingSupplement\"", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("王五", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("1101051949", entry.After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(read, TestContext.Current.CancellationToken)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Apply_ForbiddenStep_ProblemAndNothingSaved(string provider)
    {
        var (database, agency, id) = await SeedAsync(provider);
        await using var _ = database;
        await using (var db = database.Open())
        {
            var step = await ApplyStep.HandleAsync(db, Clock, WorkCalendar.Official,
                new ApplyStep.Request(id, agency, new FeePaid(Staff, new DateOnly(2020, 9, 28), Clock.GetUtcNow())), TestContext.Current.CancellationToken);
            Assert.Equal("request.transitionNotAllowed", step.Problem.Code);
        }

        await using var read = database.Open();
        Assert.Single((await read.Requests.SingleAsync(TestContext.Current.CancellationToken)).Events);
        Assert.Equal(0, await read.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Apply_OtherAgencysRequest_NotFound(string provider)
    {
        var (database, _, id) = await SeedAsync(provider);
        await using var __ = database;
        await using var db = database.Open();

        var step = await ApplyStep.HandleAsync(db, Clock, WorkCalendar.Official,
            new ApplyStep.Request(id, Guid.NewGuid(), new StartProcessing(Staff, new DateOnly(2020, 9, 28), Clock.GetUtcNow())), TestContext.Current.CancellationToken);

        Assert.Equal("request.notFound", step.Problem.Code);
    }
}
