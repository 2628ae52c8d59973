using System.Globalization;
using System.Net;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Core.Features.Demo;
using Gongkai.Domain.AnnualReports;
using MiniExcelLibs;

namespace Gongkai.Web.Tests.Pages.AnnualReports;

/// <summary>年度报告: only locked or published versions, as accessible tables and as files that read back to the same cells.</summary>
public sealed class ReportPagesTests(DemoSites sites)
{
    private static readonly string[] Scopes = ["col", "colgroup", "row", "rowgroup"];

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Reports_List_LockedAndPublishedYearsOnlyNeverADraft(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();

        var office = await PageReader.GetAsync(client, $"/agencies/{site.OfficeId:D}/reports");
        var department = await PageReader.GetAsync(client, $"/agencies/{site.DepartmentId:D}/reports");

        Assert.Equal(HttpStatusCode.OK, office.Status);
        Assert.Equal(["2020年政府信息公开工作年度报告"], office.Main.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));
        Assert.Contains("2021年1月29日", office.Text, StringComparison.Ordinal); // as the demo published it
        Assert.Equal(4, office.Main.QuerySelectorAll("ul.downloads a").Length);

        // 2021 locked (not yet published) is the final text and public; 2020 is only a draft.
        Assert.Equal(["2021年政府信息公开工作年度报告"], department.Main.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));
        Assert.Contains("已定稿", department.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PageReader.GetAsync(client, $"/agencies/{site.DepartmentId:D}/reports/2020")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/agencies/{site.DepartmentId:D}/reports/2020/download/json", UriKind.Relative),
            TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Report_SeedOffice2020_StatutoryTablesWithScopesAndTheLockedCells(string provider)
    {
        var site = await sites.GetAsync(provider);
        var locked = await LockedAsync(site, site.OfficeId, 2020);

        var page = await PageReader.GetAsync(site.Client(), $"/agencies/{site.OfficeId:D}/reports/2020");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(SeedDemo.SeedOffice + "2020年政府信息公开工作年度报告", page.H1);
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        var tables = page.Main.QuerySelectorAll(".report table");
        Assert.True(tables.Length >= 3, "sections 二, 三 and 四 have tables");
        Assert.All(page.Main.QuerySelectorAll(".report th"), th => Assert.Contains(th.GetAttribute("scope"), Scopes));
        var cells = page.Main.QuerySelectorAll("td[data-key]").ToDictionary(td => td.GetAttribute("data-key")!, td => td.TextContent);
        // Every figure of the tables is shown (the seed's local sub-rows 行政检查/行政确认 in place of their parent row).
        Assert.Subset(TableKeys(locked), cells.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(cells.Keys.ToHashSet(StringComparer.Ordinal), locked.Values.Keys.Where(TableKeys(locked).Contains).ToHashSet(StringComparer.Ordinal));
        foreach (var (key, text) in cells)
        {
            Assert.Equal(ReportGrid.FormatValue(locked, CellKey.Parse(key)), text);
        }

        Assert.Equal("1", cells["requests.received.naturalPerson"]); // the seed's one application
    }

    public static TheoryData<string, string> Formats()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in TestProviders.Names)
        {
            foreach (var format in new[] { "docx", "pdf", "xlsx", "json" })
            {
                data.Add(provider, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Download_EachFormat_ContentTypeFileNameAndTheSameCells(string provider, string format)
    {
        var site = await sites.GetAsync(provider);
        var locked = await LockedAsync(site, site.OfficeId, 2020);

        var response = await site.Client().GetAsync(new Uri($"/agencies/{site.OfficeId:D}/reports/2020/download/{format}", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expectedType = format switch
        {
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pdf" => "application/pdf",
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => "application/json",
        };
        Assert.Equal(expectedType, response.Content.Headers.ContentType?.MediaType);
        var fileName = SeedDemo.SeedOffice + "2020年政府信息公开工作年度报告." + format;
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);

        var values = format == "xlsx" ? XlsxCells(bytes) : ReportFile.Read(bytes, fileName).Report.Values;

        // Every cell of the statutory tables with its number; JSON also carries the figures behind them (proactive.*).
        var keys = TableKeys(locked).Where(locked.Values.ContainsKey).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(keys, values.Keys.Where(TableKeys(locked).Contains).Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            Assert.True(locked.Values[key] == values[key], $"{format} {key}: locked {locked.Values[key]}, file {values[key]}");
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Download_UnknownFormatOrYear_404(string provider)
    {
        var site = await sites.GetAsync(provider);
        var client = site.Client();

        foreach (var path in new[] { "2020/download/exe", "2020/download/html", "1999/download/pdf" })
        {
            var response = await client.GetAsync(new Uri($"/agencies/{site.OfficeId:D}/reports/{path}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
        }
    }

    /// <summary>The XLSX's 单元格 sheet: every cell by its key (Core has no XLSX reader; the writer's own layout).</summary>
    private static Dictionary<string, decimal> XlsxCells(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: false, sheetName: "单元格").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["A"]!, r => Convert.ToDecimal(r["B"], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    private static HashSet<string> TableKeys(AnnualReport report) => report.Layout.Cells.Select(c => c.Key.ToString()).ToHashSet(StringComparer.Ordinal);

    private static async Task<AnnualReport> LockedAsync(DemoSite site, Guid agencyId, int year)
    {
        await using var db = site.Open();
        return (await PublicReports.GetAsync(db, agencyId, year, TestContext.Current.CancellationToken))!.Report;
    }
}
