using Gongkai.Core.Documents;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

public sealed class ListItemsTests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";
    private static readonly DateOnly Today = new(2021, 1, 5);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task List_SeedItems_NewestFirstFilteredAndLate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid agencyId;
        await using (var db = database.Open())
        {
            var agency = Agency.Create(AgencyName).Value;
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            agencyId = agency.Id;
            var csv = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "ledgers", "seed-2020-items.csv"))
                + "一条迟发的信息,,业务动态,,综合科,2020-09-24,2020-10-29,是\n";
            var bytes = System.Text.Encoding.UTF8.GetBytes(csv);
            var imported = await ImportItems.HandleAsync(db, new FakeTimeProvider(), new ImportItems.Request(AgencyName, LedgerFile.Read(bytes, "i.csv"),
                "i.csv", [], "test"), TestContext.Current.CancellationToken);
            Assert.Empty(imported.Value.Errors);
        }

        await using var read = database.Open();
        var ct = TestContext.Current.CancellationToken;
        var newest = await ListItems.HandleAsync(read, WorkCalendar.Official, Today, new ListItems.Request(agencyId), ct);
        var finance = await read.Categories.SingleAsync(c => c.AgencyId == agencyId && c.Name == "财政信息" && c.ParentId == null, ct);
        var financial = await ListItems.HandleAsync(read, WorkCalendar.Official, Today, new ListItems.Request(agencyId, Year: 2020, CategoryId: finance.Id), ct);
        var late = await ListItems.HandleAsync(read, WorkCalendar.Official, Today, new ListItems.Request(agencyId, LateOnly: true), ct);
        var none = await ListItems.HandleAsync(read, WorkCalendar.Official, Today, new ListItems.Request(agencyId, Year: 2019), ct);
        var topic = await read.Topics.SingleAsync(t => t.AgencyId == agencyId && t.Name == "南水北调对口协作", ct);
        var water = await ListItems.HandleAsync(read, WorkCalendar.Official, Today, new ListItems.Request(agencyId, TopicId: topic.Id), ct);
        Assert.Equal(5, water.Count); // every sixth 业务动态 item of the sample: 30 / 6
        Assert.All(water, l => Assert.Contains("南水北调", l.Item.Title, StringComparison.Ordinal));

        Assert.Equal(20, newest.Count);
        Assert.True(newest.Zip(newest.Skip(1)).All(p => p.First.Item.PublishedOn >= p.Second.Item.PublishedOn));
        Assert.Equal(2, financial.Count); // 预算 and 决算, sub-categories of 财政信息
        var lateLine = Assert.Single(late);
        Assert.Equal("一条迟发的信息", lateLine.Item.Title);
        Assert.Equal(TimelinessStatus.Late, lateLine.Timeliness!.Status);
        Assert.Empty(none);
    }
}
