using System.Globalization;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>The seed, read cell for cell: the first golden test.</summary>
public sealed class SeedReadingTests
{
    private static readonly string[] Columns =
        ["naturalPerson", "commercialEnterprise", "researchInstitution", "publicWelfareOrganization", "legalServiceInstitution", "otherOrganization", "total"];

    // Table 三 of the seed as printed: 23 rows x 7 columns.
    private static readonly (string Row, int[] Cells)[] Requests =
    [
        ("received", [1, 0, 0, 0, 0, 0, 1]),
        ("carriedIn", [0, 0, 0, 0, 0, 0, 0]),
        ("disclosed", [1, 0, 0, 0, 0, 0, 1]),
        ("partlyDisclosed", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.stateSecret", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.prohibitedByLaw", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.securityStability", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.thirdPartyRights", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.internalAffairs", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.processInformation", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.enforcementCaseFile", [0, 0, 0, 0, 0, 0, 0]),
        ("withheld.administrativeQuery", [0, 0, 0, 0, 0, 0, 0]),
        ("cannotProvide.notHeld", [0, 0, 0, 0, 0, 0, 0]),
        ("cannotProvide.needsCreation", [0, 0, 0, 0, 0, 0, 0]),
        ("cannotProvide.unclearAfterSupplement", [0, 0, 0, 0, 0, 0, 0]),
        ("notProcessed.petitionOrComplaint", [0, 0, 0, 0, 0, 0, 0]),
        ("notProcessed.repeated", [0, 0, 0, 0, 0, 0, 0]),
        ("notProcessed.publication", [0, 0, 0, 0, 0, 0, 0]),
        ("notProcessed.excessive", [0, 0, 0, 0, 0, 0, 0]),
        ("notProcessed.confirmOrReissue", [0, 0, 0, 0, 0, 0, 0]),
        ("other", [0, 0, 0, 0, 0, 0, 0]),
        ("total", [1, 0, 0, 0, 0, 0, 1]),
        ("carriedOut", [0, 0, 0, 0, 0, 0, 0]),
    ];

    private static readonly (string Key, string Value)[] Article20 =
    [
        ("rules.made", "0"), ("rules.published", "0"), ("rules.total", "0"),
        ("normativeDocuments.made", "0"), ("normativeDocuments.published", "0"), ("normativeDocuments.total", "0"),
        ("licensing.previous", "0"), ("licensing.change", "0"), ("licensing.decisions", "0"),
        ("otherServices.inspection.previous", "0"), ("otherServices.inspection.change", "0"), ("otherServices.inspection.decisions", "0"),
        ("otherServices.confirmation.previous", "0"), ("otherServices.confirmation.change", "0"), ("otherServices.confirmation.decisions", "0"),
        ("penalty.previous", "0"), ("penalty.change", "0"), ("penalty.decisions", "0"),
        ("coercion.previous", "0"), ("coercion.change", "0"), ("coercion.decisions", "0"),
        ("fees.previous", "0"), ("fees.change", "0"),
        ("procurement.count", "1"), ("procurement.amount", "0.5950"),
    ];

    private static AnnualReport Seed() => new SeedCopy().Parse().Report;

    [Fact]
    public void Seed_TitleAgencyYearFormat_Recognised()
    {
        var report = Seed();

        Assert.Equal("北京市东城区对外联络服务办公室", report.Agency);
        Assert.Equal(2020, report.Year);
        Assert.Equal(ReportFormat.V2019, report.Format);
    }

    [Fact]
    public void Seed_Requests_All23RowsBy7ColumnsExact()
    {
        var report = Seed();

        Assert.Equal(23, Requests.Length);
        foreach (var (row, cells) in Requests)
        {
            for (var c = 0; c < Columns.Length; c++)
            {
                var key = $"requests.{row}.{Columns[c]}";
                Assert.True(report.Values.TryGetValue(key, out var value), key + " missing");
                Assert.Equal(cells[c], value);
            }
        }

        Assert.Equal(23 * 7, report.Values.Keys.Count(k => k.StartsWith("requests.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Seed_Article20_EveryCellWithPublishedDigits()
    {
        var report = Seed();

        foreach (var (key, value) in Article20)
        {
            Assert.True(report.Values.TryGetValue("article20." + key, out var actual), key + " missing");
            Assert.Equal(value, actual.ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(Article20.Length, report.Values.Keys.Count(k => k.StartsWith("article20.", StringComparison.Ordinal)));
        Assert.Equal(4, report.Values["article20.procurement.amount"].Scale);
    }

    [Fact]
    public void Seed_Appeals_FifteenZeros()
    {
        var report = Seed();
        var appeals = report.Values.Where(v => v.Key.StartsWith("appeals.", StringComparison.Ordinal)).ToList();

        Assert.Equal(15, appeals.Count);
        Assert.All(appeals, a => Assert.Equal(0m, a.Value));
    }

    [Fact]
    public void Seed_NoBlanksNoFindings()
    {
        var checkedSeed = new SeedCopy().Check();

        Assert.Empty(checkedSeed.Report.Blanks);
        Assert.Empty(checkedSeed.Findings);
    }

    [Fact]
    public void Seed_Narratives_ReadBySection()
    {
        var report = Seed();

        Assert.StartsWith("1. 主动公开情况", report.Text(CellKey.Overview), StringComparison.Ordinal);
        Assert.Contains("新收政府信息公开申请数量1件", report.Text(CellKey.Overview), StringComparison.Ordinal);
        Assert.StartsWith("1. 政府信息公开工作的主动性方面", report.Text(CellKey.Problems), StringComparison.Ordinal);
        Assert.Contains("http://www.bjdch.gov.cn/", report.Text(CellKey.OtherMatters), StringComparison.Ordinal);
    }
}
