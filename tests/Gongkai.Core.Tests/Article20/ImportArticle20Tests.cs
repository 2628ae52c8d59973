using System.Globalization;
using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Proactive;
using Gongkai.Domain.Article20;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Article20;

public sealed class ImportArticle20Tests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2021, 1, 5, 1, 0, 0, TimeSpan.Zero));

    /// <summary>The seed's 第二十条 figures for 2020, by key and by labels, as an office would type them.</summary>
    private const string SeedFigures = """
        指标,数值
        规章/本年新制作数量,0
        article20.rules.published,0
        行政许可 处理决定数量,0
        其他对外管理服务事项/行政检查/上一年项目数量,0
        行政事业性收费/本年增/减,0
        政府集中采购/采购项目数量,1
        政府集中采购/采购总金额,0.5950
        """;

    private static async Task<ImportArticle20.Response> ImportAsync(TestDatabase database, string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        await using var db = database.Open();
        var result = await ImportArticle20.HandleAsync(db, Clock,
            new ImportArticle20.Request(AgencyName, 2020, null, LedgerFile.Read(bytes, "a20.csv"), "a20.csv", ImportRequests.Hash(bytes), "test"),
            TestContext.Current.CancellationToken);
        return result.Value;
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_SeedFigures_StoredWithProvenanceAndReimportChangesNothing(string provider)
    {
        await using var database = await ImportItemsTests.WithAgencyAsync(provider);

        var first = await ImportAsync(database, SeedFigures);
        var second = await ImportAsync(database, SeedFigures);

        Assert.Equal((7, 7), (first.Rows, first.Changed));
        Assert.Equal((7, 0), (second.Rows, second.Changed));
        await using var read = database.Open();
        var statistics = await read.Article20.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("0.5950", statistics.Values()["article20.procurement.amount"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(1m, statistics.Values()["article20.procurement.count"]);
        Assert.Equal(0m, statistics.Values()["article20.otherServices.inspection.previous"]);
        Assert.Equal(ProvenanceKind.Imported, statistics.Figure("article20.procurement.amount")!.Provenance.Kind);
        Assert.Equal(8, statistics.Figure("article20.procurement.amount")!.Provenance.Row); // header = row 1
        Assert.Equal(7, statistics.History.Count);
        Assert.Equal(1, await read.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_BadRows_EveryOneNamedNothingStored(string provider)
    {
        await using var database = await ImportItemsTests.WithAgencyAsync(provider);

        var response = await ImportAsync(database, """
            指标,数值
            政府集中采购/采购项目数量,1
            行政许可/本年处理决定数量,5
            行政处罚/处理决定数量,-3
            政府集中采购/采购总金额,若干
            """);

        Assert.Equal([(3, "指标"), (4, "数值"), (5, "数值")], response.Errors.Select(e => (e.Row, e.Column)));
        await using var read = database.Open();
        Assert.Equal(0, await read.Article20.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// Issue 16, 13: one 栏目 twice in a file, by the same or another spelling of its labels, was taken with the last
    /// value winning; refused, both rows named.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_SameIndicatorTwiceInOneFile_RefusedNamingBothRowsNothingStored(string provider)
    {
        await using var database = await ImportItemsTests.WithAgencyAsync(provider);

        var response = await ImportAsync(database, """
            指标,数值
            政府集中采购/采购项目数量,1
            规章/本年新制作数量,0
            article20.procurement.count,3
            """);

        Assert.Equal(["第4行「指标」：与第2行的指标重复"], response.Errors.Select(e => e.ToString()));
        await using var read = database.Open();
        Assert.Equal(0, await read.Article20.CountAsync(TestContext.Current.CancellationToken));
    }
}
