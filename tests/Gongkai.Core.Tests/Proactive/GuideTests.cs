using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

public sealed class GuideTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Publish_TwoVersions_CurrentIsTheNewerAndTheOlderStaysReadable(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var agency = Agency.Create("北京市东城区对外联络服务办公室").Value;
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 3, 9, 1, 0, 0, TimeSpan.Zero));
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Open();
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);

        var first = await PublishGuide.HandleAsync(db, clock, new PublishGuide.Request(agency.Id, "政府信息公开指南（2019版）", "# 一、主动公开\n……", new DateOnly(2019, 5, 15), "admin"), ct);
        var same = await PublishGuide.HandleAsync(db, clock, new PublishGuide.Request(agency.Id, "政府信息公开指南（2019版）", "# 一、主动公开\n……", new DateOnly(2019, 6, 1), "admin"), ct);
        var second = await PublishGuide.HandleAsync(db, clock, new PublishGuide.Request(agency.Id, "政府信息公开指南（2020版）", "# 一、主动公开\n（更新）", new DateOnly(2020, 3, 9), "admin"), ct);
        var backwards = await PublishGuide.HandleAsync(db, clock, new PublishGuide.Request(agency.Id, "旧的", "正文", new DateOnly(2018, 1, 1), "admin"), ct);

        Assert.Equal(1, first.Value.Version);
        Assert.Equal(1, same.Value.Version);
        Assert.Equal(2, second.Value.Version);
        Assert.Equal("guide.dateOutOfOrder", backwards.Problem.Code);
        Assert.Equal("政府信息公开指南（2020版）", (await PublishGuide.CurrentAsync(db, agency.Id, ct))!.Title);
        Assert.Equal("政府信息公开指南（2019版）", (await PublishGuide.VersionAsync(db, agency.Id, 1, ct))!.Title);
        Assert.Equal(2, await db.AuditEntries.CountAsync(ct));
    }
}
