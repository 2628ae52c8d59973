using System.Net;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>The staff report page checks the year's draft as the lock will: R7/R9 against last year's locked report.</summary>
public sealed class ReportPageTests(StaffSites sites)
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Report_PreviousYearLocked_ListsTheR7WarningsTheLockCounts(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        // The department's 2022 report, locked, says 3 applications were carried into 2023; its records carry none.
        await using (var db = site.Open())
        {
            var built = (await BuildReport.HandleAsync(db, WorkCalendar.Official, new BuildReport.Request(site.DepartmentId, 2022), ct)).Report;
            var values = built.Values.ToDictionary(StringComparer.Ordinal);
            foreach (var key in new[] { "requests.carriedIn.naturalPerson", "requests.carriedIn.total", "requests.carriedOut.naturalPerson", "requests.carriedOut.total" })
            {
                values[key] = values.GetValueOrDefault(key) + 3;
            }

            var lastYear = ReportCheck.Of(new AnnualReport(built.Format, built.Agency, built.Year, values, built.Blanks, built.Texts), null);
            var at = site.Clock.GetUtcNow();
            var version = ReportVersion.Draft(site.DepartmentId, 2022, 1, built.Format, LockedReports.Content(lastYear), lastYear.ErrorCount, lastYear.WarningCount, at);
            Assert.True(version.Check(lastYear.ErrorCount, lastYear.WarningCount, "测试：结转数字", at).Bind(v => v.Lock("test", at)).IsSuccess);
            db.ReportVersions.Add(version);
            await db.SaveChangesAsync(ct);
            var draft = await SaveDraft.HandleAsync(db, WorkCalendar.Official, site.Clock, new SaveDraft.Request(site.DepartmentId, 2023, null, "test"), ct);
            Assert.Contains(draft.Value.Report.Findings, f => f.Rule == RuleIds.R7);
        }

        var client = await site.SignInAsync(StaffSite.OtherAgencyUser);
        var page = await PageReader.GetAsync(client, "/staff/reports/2023");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var warnings = page.Main.QuerySelectorAll("ul.findings li.finding-warning").Select(li => li.TextContent).ToList();
        var r7 = warnings.Where(w => w.StartsWith("警告 R7", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, r7.Count); // 自然人 and 总计
        Assert.All(r7, w => Assert.Contains("不等于上一年度“结转下年度继续办理”", w, StringComparison.Ordinal));
        Assert.Equal("finding-warning", page.Main.QuerySelector("td[data-key='requests.carriedIn.naturalPerson']")?.ClassName);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Report_YearBefore2019OrAfterNextYear_422WithTheReason(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = await site.SignInAsync("handler");

        var before = await PageReader.GetAsync(client, "/staff/reports/2018");
        var after = await PageReader.GetAsync(client, "/staff/reports/2024"); // the site's today is in 2022

        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.Status);
        Assert.Contains("年度报告从2019年度起", before.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, after.Status);
        Assert.Contains("年度不能晚于2023年", after.Text, StringComparison.Ordinal);
    }
}
