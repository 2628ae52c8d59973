using System.Net;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Demo;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// The oversight page as the 政务公开办 sees it on 10 January 2022: the 2020 reports of the district's agencies at every
/// stage (the office published in time, one department each a draft, checked, locked and published late, the rest
/// never started), overdue apart from the stage, the day of each step, and the counts by stage; 2021 not yet due.
/// </summary>
public sealed class OversightPageTests(StaffSites sites)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Ok<T>(Result<T> result) => Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Problem.Message);

    /// <summary>
    /// SeedDemo.AgencyNames[3..6] (not the department other tests use): 2020 drafted, checked, locked, published late;
    /// the ids of these and of the district.
    /// </summary>
    private static async Task<Dictionary<string, Guid>> StagesAsync(StaffSite site)
    {
        await using var db = site.Open();
        var names = SeedDemo.AgencyNames.Skip(3).Take(4).ToList();
        var ids = await db.Agencies.Where(a => names.Contains(a.Name) || a.Name == SeedDemo.District).ToDictionaryAsync(a => a.Name, a => a.Id, Ct);
        if (await db.ReportVersions.AnyAsync(v => v.Year == 2020 && v.AgencyId == ids[names[0]], Ct))
        {
            return ids; // arranged already (the test run again on the same site)
        }

        const string Ack = "测试：接受警告";
        foreach (var name in names)
        {
            Ok(await SaveDraft.HandleAsync(db, WorkCalendar.Official, site.Clock, new SaveDraft.Request(ids[name], 2020, null, "test"), Ct));
        }

        Ok(await CheckDraft.HandleAsync(db, WorkCalendar.Official, site.Clock, new CheckDraft.Request(ids[names[1]], 2020, Ack, "test"), Ct));
        foreach (var name in names.Skip(2))
        {
            foreach (var (key, text) in new[] { ("text.problems", "栏目设置有待优化。"), ("text.other", "无") })
            {
                Ok(await EditReportText.HandleAsync(db, site.Clock, new EditReportText.Request(ids[name], 2020, key, text, "test"), Ct));
            }

            Ok(await LockReport.HandleAsync(db, WorkCalendar.Official, site.Clock, new LockReport.Request(ids[name], 2020, Ack, "test"), Ct));
        }

        Ok(await PublishReport.HandleAsync(db, site.Clock, new PublishReport.Request(ids[names[3]], 2020, new DateOnly(2021, 2, 5), "test"), Ct));
        return ids;
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Oversight_2020_StagePerAgencyOverdueApartStepDatesAndCounts(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ids = await StagesAsync(site);
        var names = SeedDemo.AgencyNames.Skip(3).Take(4).ToList();
        var client = await site.SignInAsync("oversight");

        var page = await PageReader.GetAsync(client, "/staff/oversight/2020");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var cells = page.Main.QuerySelectorAll("table.oversight tbody tr").ToDictionary(tr => tr.GetAttribute("data-agency")!, tr => tr);
        Assert.Equal(SeedDemo.AgencyNames.Count, cells.Count);
        string Stage(Guid id) => cells[id.ToString("D")].QuerySelector("td.stage")!.TextContent.Trim();
        IReadOnlyList<string> Dates(Guid id) => [.. cells[id.ToString("D")].QuerySelectorAll("td.date").Skip(1).Select(td => td.TextContent.Trim())];

        Assert.Equal("已公开", Stage(site.OfficeId));
        Assert.Equal(["2021-01-29"], Dates(site.OfficeId).Skip(3));
        Assert.Equal("逾期（草稿）", Stage(ids[names[0]]));
        Assert.Equal(["2022-01-10", "—", "—", "—"], Dates(ids[names[0]]));
        Assert.Equal("逾期（已检查）", Stage(ids[names[1]]));
        Assert.Equal(["2022-01-10", "2022-01-10", "—", "—"], Dates(ids[names[1]]));
        Assert.Equal("逾期（已定稿）", Stage(ids[names[2]]));
        Assert.Equal("已公开（逾期公开）", Stage(ids[names[3]]));
        Assert.Equal(["2022-01-10", "2022-01-10", "2022-01-10", "2021-02-05"], Dates(ids[names[3]]));
        Assert.Equal("逾期（未开始）", Stage(ids[SeedDemo.District]));

        // The counts at the top are the rows' stages; 逾期 and 逾期公开 are counted apart.
        int Count(string stage) => int.Parse(page.Main.QuerySelector($"dl.stage-counts dd[data-stage='{stage}']")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var stages = page.Main.QuerySelectorAll("td.stage").ToList();
        foreach (var stage in OversightBoard.Stages)
        {
            Assert.Equal(stages.Count(td => td.GetAttribute("data-stage") == stage.ToString()), Count(stage.ToString()));
        }

        Assert.True(Count(nameof(ReportStatus.Published)) >= 2);
        Assert.Equal(stages.Count(td => td.GetAttribute("data-overdue") == "true"), Count("Overdue"));
        Assert.True(Count("Overdue") >= 4);
        Assert.Equal(1, Count("PublishedLate"));
        Assert.Contains("未开始", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("逾期未公开 无", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Oversight_2021BeforeTheDueDate_NothingOverdue_YearOutOfRangeRefused(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = await site.SignInAsync("oversight");

        var page = await PageReader.GetAsync(client, "/staff/oversight/2021");
        var refused = await PageReader.GetAsync(client, "/staff/oversight/2024"); // the site's today is in 2022

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("0", page.Main.QuerySelector("dl.stage-counts dd[data-stage='Overdue']")!.TextContent);
        Assert.DoesNotContain(page.Main.QuerySelectorAll("td.stage"), td => td.TextContent.Contains("逾期", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("年度不能晚于2023年", refused.Text, StringComparison.Ordinal);
    }
}
