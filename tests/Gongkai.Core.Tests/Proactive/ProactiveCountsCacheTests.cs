using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

/// <summary>The cached counts behind the proactive figures are never read stale, whoever writes the items.</summary>
public sealed class ProactiveCountsCacheTests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";
    private const string Header = "标题,文号,类别,主题,科室,形成日期,公开日期,全文电子化";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ImportAsync(Gongkai.Core.Data.GongkaiDbContext db, TimeProvider clock, params string[] rows)
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");
        var imported = await ImportItems.HandleAsync(db, clock, new ImportItems.Request(AgencyName, LedgerFile.Read(bytes, "i.csv"), "i.csv", [], "t"), Ct);
        Assert.Empty(imported.Value.Errors);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Summary_AfterAnotherFirstPublication_CountsItAndJudgesItOnTheCalendar(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 3, 1, 2, 0, 0, TimeSpan.Zero));
        await using var db = database.Open();
        var agency = Agency.Create(AgencyName).Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(Ct);
        await ImportAsync(db, clock, "甲,,规划计划,,综合科,2020-01-06,2020-01-10,是", "乙,,财政信息/预算,,综合科,2020-02-10,2020-02-14,否");

        var first = await ProactiveSummaryQuery.HandleAsync(db, WorkCalendar.Official, new ProactiveSummaryQuery.Request(agency.Id, 2020), Ct);
        Assert.Equal(2m, first[ProactiveSummary.PublishedTotal]);
        Assert.Equal(0.5m, first[ProactiveSummary.FullTextRate]);
        Assert.Equal(1m, first[ProactiveSummary.OnTimeRate]);
        var marks = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM proactive_count_years").SingleAsync(Ct);
        Assert.Equal(1, marks);

        // Formed 2020-09-01, published 2020-10-30: the 20th working day after 1 September 2020 is 29 September.
        await ImportAsync(db, clock, "丙,,财政信息/预算,,综合科,2020-09-01,2020-10-30,是");
        var second = await ProactiveSummaryQuery.HandleAsync(db, WorkCalendar.Official, new ProactiveSummaryQuery.Request(agency.Id, 2020), Ct);

        Assert.Equal(3m, second[ProactiveSummary.PublishedTotal]);
        Assert.Equal(2m, second[ProactiveSummary.PublishedByCategoryPrefix + "财政信息"]);
        Assert.Equal(0.6667m, second[ProactiveSummary.OnTimeRate]);

        // The same answer as judging every item one by one (ProactiveSummary.For over the items' facts).
        var items = await db.Items.AsNoTracking().ToListAsync(Ct);
        var tree = CategoryTree.Create(await db.Categories.AsNoTracking().ToListAsync(Ct)).Value;
        var expected = ProactiveSummary.For(2020, items.Select(i => ProactiveSummary.FactsOf(i, tree, WorkCalendar.Official).Value), tree.TopLevel.Select(c => c.Name));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), second.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Summary_DeletedVersionBySql_CountsDroppedByTheTrigger(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 3, 1, 2, 0, 0, TimeSpan.Zero));
        await using var db = database.Open();
        var agency = Agency.Create(AgencyName).Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(Ct);
        await ImportAsync(db, clock, "甲,,规划计划,,综合科,2020-01-06,2020-01-10,是");
        Assert.Equal(1m, (await ProactiveSummaryQuery.HandleAsync(db, WorkCalendar.Official, new ProactiveSummaryQuery.Request(agency.Id, 2020), Ct))[ProactiveSummary.PublishedTotal]);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM item_versions", Ct);

        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM proactive_count_years").SingleAsync(Ct));
        Assert.Equal(0m, (await ProactiveSummaryQuery.HandleAsync(db, WorkCalendar.Official, new ProactiveSummaryQuery.Request(agency.Id, 2020), Ct))[ProactiveSummary.PublishedTotal]);
    }
}
