using System.Globalization;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using static Gongkai.Domain.Tests.Proactive.ItemScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Proactive;

/// <summary>The year's proactive figures (report-json.md <c>proactive.*</c>), first on the seed's 2020 numbers.</summary>
public sealed class ProactiveSummaryTests
{
    private static readonly string[] SeedLabels = ["规划计划", "财政信息", "信息公开专栏", "建议提案办理结果", "业务动态"];

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<ItemFacts> Many(int count, string category, DateOnly published, bool fullText = true, TimelinessStatus? timeliness = TimelinessStatus.OnTime) =>
        Enumerable.Repeat(new ItemFacts(category, published, fullText, timeliness), count);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The seed report: "我办2020年共主动公开政府信息38条，全文电子化率达100%" with its five category counts.</summary>
    [Fact]
    public void For_Seed2020_38ItemsInFiveCategoriesAllFullText()
    {
        var day = D("2020-06-01");
        var facts = Many(1, "规划计划", day).Concat(Many(2, "财政信息", day)).Concat(Many(3, "信息公开专栏", day))
            .Concat(Many(2, "建议提案办理结果", day)).Concat(Many(30, "业务动态", day));

        var values = ProactiveSummary.For(2020, facts);

        Assert.Equal(
            new Dictionary<string, decimal>
            {
                ["proactive.published.total"] = 38,
                ["proactive.published.byCategory.业务动态"] = 30,
                ["proactive.published.byCategory.信息公开专栏"] = 3,
                ["proactive.published.byCategory.建议提案办理结果"] = 2,
                ["proactive.published.byCategory.规划计划"] = 1,
                ["proactive.published.byCategory.财政信息"] = 2,
                ["proactive.fullTextRate"] = 1m,
                ["proactive.onTimeRate"] = 1m,
            },
            values);
        Assert.Equal("1.0000", Text(values[ProactiveSummary.FullTextRate]));
        Assert.Equal("1.0000", Text(values[ProactiveSummary.OnTimeRate]));
    }

    [Fact]
    public void For_CategoryLabelsGiven_InThatOrderWithZeros()
    {
        var values = ProactiveSummary.For(2020, Many(2, "业务动态", D("2020-03-01")).Concat(Many(1, "其他", D("2020-03-01"))), [.. SeedLabels, "规章"]);

        Assert.Equal(
            ["proactive.published.total", .. SeedLabels.Append("规章").Append("其他").Select(l => "proactive.published.byCategory." + l), "proactive.fullTextRate", "proactive.onTimeRate"],
            values.Keys);
        Assert.Equal([3m, 0m, 0m, 0m, 0m, 2m, 0m, 1m], values.Values.Take(8));
    }

    [Fact]
    public void For_OtherYearsAndUnpublished_NotCounted()
    {
        var facts = Many(1, "业务动态", D("2019-12-31")).Concat(Many(2, "业务动态", D("2020-01-01")))
            .Concat(Many(4, "业务动态", D("2020-12-31"))).Concat(Many(8, "业务动态", D("2021-01-01")))
            .Append(new ItemFacts("业务动态", null, true, TimelinessStatus.Overdue));

        Assert.Equal(6m, ProactiveSummary.For(2020, facts)[ProactiveSummary.PublishedTotal]);
    }

    [Fact]
    public void For_Rates_RoundedToFourDecimals()
    {
        var day = D("2020-05-01");
        var facts = Many(2, "业务动态", day).Concat(Many(1, "业务动态", day, fullText: false, TimelinessStatus.Late));

        var values = ProactiveSummary.For(2020, facts);

        Assert.Equal("0.6667", Text(values[ProactiveSummary.FullTextRate]));
        Assert.Equal("0.6667", Text(values[ProactiveSummary.OnTimeRate]));
    }

    [Fact]
    public void For_UnknownTimeliness_LeftOutOfTheOnTimeRate()
    {
        var day = D("2020-05-01");
        var facts = Many(1, "业务动态", day).Concat(Many(1, "业务动态", day, timeliness: TimelinessStatus.Late)).Concat(Many(2, "业务动态", day, timeliness: null));

        Assert.Equal("0.5000", Text(ProactiveSummary.For(2020, facts)[ProactiveSummary.OnTimeRate]));
    }

    [Fact]
    public void For_NothingPublished_TotalZeroAndNoRates()
    {
        var values = ProactiveSummary.For(2020, [], SeedLabels);

        Assert.Equal(0m, values[ProactiveSummary.PublishedTotal]);
        Assert.False(values.ContainsKey(ProactiveSummary.FullTextRate));
        Assert.False(values.ContainsKey(ProactiveSummary.OnTimeRate));
        Assert.Equal(6, values.Count);
    }

    [Fact]
    public void FactsOf_ItemInChildCategory_TopLevelLabelAndFirstPublication()
    {
        var item = Ok(DisclosureItem.Import(new ImportItem(Admin, D("2020-08-26"), At(D("2020-08-26")), Guid.NewGuid(), AgencyId,
            Content("2019年部门决算", D("2020-08-20"), "财政信息/决算"))));
        var on = D("2021-03-01");

        // An imported item belongs to whoever imported it: an admin drafts its update.
        Ok(item.Apply(new DraftItemUpdate(Admin, on, At(on), Content("2019年部门决算（更正）", on, "财政信息/决算"))));
        Ok(item.Apply(new SubmitItem(Admin, on, At(on))));
        Step(item, ItemTrigger.Approve);
        Step(item, ItemTrigger.Publish);
        Assert.Equal(2, item.Versions.Count);

        var facts = Ok(ProactiveSummary.FactsOf(item, Tree, WorkCalendar.Official));

        Assert.Equal(new ItemFacts("财政信息", D("2020-08-26"), true, TimelinessStatus.OnTime), facts);
    }

    [Fact]
    public void FactsOf_CategoryNotInTree_Refused() =>
        Fails(ProactiveSummary.FactsOf(Draft(), Ok(CategoryTree.Create([])), WorkCalendar.Official), "category.unknown");

    /// <summary>
    /// The seed's 38 items as samples/ledgers/seed-2020-items.csv writes them, imported as the import will, through
    /// the default tree: the summary gives the seed report's figures.
    /// </summary>
    [Fact]
    public void FactsOf_SeedSampleLedgerImported_SeedReportFigures()
    {
        var agency = Guid.NewGuid();
        var tree = Ok(CategoryTree.Create(Ok(DefaultCategories.Create(agency))));
        var division = Ok(Division.Create(agency, "综合科"));
        var topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        var facts = new List<ItemFacts>();
        foreach (var line in File.ReadAllLines(SampleLedger()).Skip(1).Where(l => l.Length > 0))
        {
            // 标题,文号,类别,主题,科室,形成日期,公开日期,全文电子化 — the sample has no quoted fields.
            var f = line.Split(',');
            var content = new ItemContent
            {
                Category = tree.FindByPath(f[2]) ?? throw new InvalidOperationException(f[2]),
                Topics = [.. f[3].Split([';', '；'], StringSplitOptions.RemoveEmptyEntries).Select(t => topics.TryGetValue(t, out var x) ? x : topics[t] = Ok(Topic.Create(agency, t)))],
                Division = division,
                Title = f[0],
                DocumentNumber = f[1],
                FormedOn = D(f[5]),
                FullTextElectronic = f[7] == "是",
                Body = f[0],
            };
            var item = Ok(DisclosureItem.Import(new ImportItem(Admin, D(f[6]), At(D(f[6])), Guid.NewGuid(), agency, content)));
            facts.Add(Ok(ProactiveSummary.FactsOf(item, tree, WorkCalendar.Official)));
        }

        var values = ProactiveSummary.For(2020, facts, tree.TopLevel.Select(c => c.Name));

        Assert.Equal(38m, values["proactive.published.total"]);
        Assert.Equal(
            [1m, 2m, 3m, 2m, 30m],
            SeedLabels.Select(l => values["proactive.published.byCategory." + l]));
        Assert.Equal("1.0000", Text(values["proactive.fullTextRate"]));
        Assert.Equal("1.0000", Text(values["proactive.onTimeRate"]));
        Assert.Equal(["扶贫协作", "对口支援", "南水北调对口协作", "“四个服务”"], topics.Keys);
    }

    private static string SampleLedger()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return Path.Combine(dir.FullName, "samples", "ledgers", "seed-2020-items.csv");
            }
        }

        throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
    }
}
