using System.Globalization;
using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

public sealed class ImportItemsTests
{
    internal const string AgencyName = "北京市东城区对外联络服务办公室";
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2021, 1, 5, 1, 0, 0, TimeSpan.Zero));

    private static async Task<ImportItems.Response> ImportAsync(TestDatabase database, byte[] bytes)
    {
        await using var db = database.Open();
        var result = await ImportItems.HandleAsync(db, Clock,
            new ImportItems.Request(AgencyName, LedgerFile.Read(bytes, "items.csv"), "items.csv", ImportRequests.Hash(bytes), "test"),
            TestContext.Current.CancellationToken);
        return result.Value;
    }

    /// <summary>A fresh database with the agency (the seed office) and nothing else: for the tests of every import.</summary>
    internal static async Task<TestDatabase> WithAgencyAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        db.Agencies.Add(Agency.Create(AgencyName).Value);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return database;
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_SeedItems_SummaryAsTheSeedReportsIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid agencyId;
        await using (var db = database.Open())
        {
            var agency = Agency.Create(AgencyName).Value;
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            agencyId = agency.Id;
        }

        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "ledgers", "seed-2020-items.csv"));
        var first = await ImportAsync(database, bytes);
        var again = await ImportAsync(database, bytes);

        Assert.Empty(first.Errors);
        Assert.Equal((38, 0), (first.Imported, first.AlreadyPresent));
        Assert.Equal((0, 38), (again.Imported, again.AlreadyPresent));
        await using var read = database.Open();
        var summary = await ProactiveSummaryQuery.HandleAsync(read, WorkCalendar.Official, new ProactiveSummaryQuery.Request(agencyId, 2020), TestContext.Current.CancellationToken);
        string Cell(string key) => summary[key].ToString(CultureInfo.InvariantCulture);
        Assert.Equal("38", Cell("proactive.published.total"));
        Assert.Equal("1", Cell("proactive.published.byCategory.规划计划"));
        Assert.Equal("2", Cell("proactive.published.byCategory.财政信息"));
        Assert.Equal("3", Cell("proactive.published.byCategory.信息公开专栏"));
        Assert.Equal("2", Cell("proactive.published.byCategory.建议提案办理结果"));
        Assert.Equal("30", Cell("proactive.published.byCategory.业务动态"));
        Assert.Equal("1.0000", Cell("proactive.fullTextRate"));
        Assert.Equal(38, await read.Items.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_BadRows_EveryOneNamedNothingStored()
    {
        await using var database = await WithAgencyAsync(TestProviders.Sqlite);

        var response = await ImportAsync(database, Encoding.UTF8.GetBytes("""
            标题,文号,类别,主题,科室,形成日期,公开日期,全文电子化
            好的一条,,业务动态,对口支援；扶贫协作,综合科,2020-03-02,2020-03-05,是
            类别不对,,新闻,,,2020-03-02,2020-03-05,是
            日期不对,,业务动态,,,2020-02-30,2020-03-05,是
            电子化不对,,业务动态,,,2020-03-02,2020-03-05,部分
            """));

        Assert.Equal([(3, "类别"), (4, "形成日期"), (5, "全文电子化")], response.Errors.Select(e => (e.Row, e.Column)));
        await using var read = database.Open();
        Assert.Equal(0, await read.Items.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await read.Topics.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Issue 16, 13: the same title and 形成日期 twice in one file was counted as 已存在; refused, both rows named.</summary>
    [Fact]
    public async Task Import_SameTitleAndFormationDateTwiceInOneFile_RefusedNamingBothRowsNothingStored()
    {
        await using var database = await WithAgencyAsync(TestProviders.Sqlite);

        var response = await ImportAsync(database, Encoding.UTF8.GetBytes("""
            标题,文号,类别,主题,科室,形成日期,公开日期,全文电子化
            关于开展2021年对口帮扶工作的通知,,业务动态,,综合科,2020-03-02,2020-03-05,是
            关于开展2021年对口帮扶工作的通知,,业务动态,,综合科,2020-04-01,2020-04-03,是
            2020年部门预算,,财政信息/预算,,综合科,2020-02-10,2020-02-14,是
            关于开展2021年对口帮扶工作的通知,,业务动态,,综合科,2020-03-02,2020-03-06,否
            """));

        var error = Assert.Single(response.Errors);
        Assert.Equal("第5行「标题」：与第2行的标题和形成日期重复", error.ToString());
        Assert.Equal((0, 0), (response.Imported, response.AlreadyPresent));
        await using var read = database.Open();
        Assert.Equal(0, await read.Items.CountAsync(TestContext.Current.CancellationToken));
    }
}
