using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.District;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Domain.Tests.AnnualReports.Lifecycle;

public sealed class ConsolidationTests
{
    private static readonly Dictionary<string, string> NoTexts = new(StringComparer.Ordinal);

    private static AnnualReport Report(string agency, Dictionary<string, decimal> values, params string[] blanks) =>
        new(ReportFormat.V2021, agency, 2021, values, new HashSet<string>(blanks, StringComparer.Ordinal), NoTexts);

    /// <summary>An agency that concluded <paramref name="disclosed"/> + <paramref name="withheld"/> natural persons' applications.</summary>
    private static AnnualReport Requests(string agency, int disclosed, int withheld)
    {
        var v = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["requests.received.naturalPerson"] = disclosed + withheld,
            ["requests.received.total"] = disclosed + withheld,
            ["requests.disclosed.naturalPerson"] = disclosed,
            ["requests.disclosed.total"] = disclosed,
            ["requests.withheld.stateSecret.naturalPerson"] = withheld,
            ["requests.withheld.stateSecret.total"] = withheld,
            ["requests.total.naturalPerson"] = disclosed + withheld,
            ["requests.total.total"] = disclosed + withheld,
        };
        return Report(agency, v);
    }

    [Fact]
    public void Sum_AddsEveryCell_KeepsBlankOnlyWhereAllAreBlank_AndAmountsExact()
    {
        var a = Report("甲", new(StringComparer.Ordinal) { ["article20.fees.amount"] = 0.5950m, ["article20.penalty.decisions"] = 3 }, "article20.licensing.decisions");
        var b = Report("乙", new(StringComparer.Ordinal) { ["article20.fees.amount"] = 1.2000m }, "article20.licensing.decisions", "article20.penalty.decisions");

        var sum = Consolidation.Sum(ReportFormat.V2021, "区", 2021, [a, b], NoTexts);

        Assert.Equal(1.7950m, sum.Values["article20.fees.amount"]);
        Assert.Equal(3m, sum.Values["article20.penalty.decisions"]);
        Assert.Contains("article20.licensing.decisions", sum.Blanks);
        Assert.DoesNotContain("article20.penalty.decisions", sum.Blanks);
    }

    [Fact]
    public void Sum_OfConsistentReports_IsConsistent()
    {
        var sum = Consolidation.Sum(ReportFormat.V2021, "区", 2021, [Requests("甲", 5, 1), Requests("乙", 7, 0)], NoTexts);
        Assert.Equal(12m, sum.Values["requests.disclosed.total"]);
        Assert.Equal(13m, sum.Values["requests.total.total"]);
        Assert.DoesNotContain(ConsistencyRules.Check(sum), f => f.Rule is RuleIds.R1 or RuleIds.R2 or RuleIds.R3 or RuleIds.R4);
    }

    [Fact]
    public void Outliers_WithheldShareFarAboveTheDistrict_Flagged()
    {
        var reports = new[] { Requests("甲", 95, 5), Requests("乙", 98, 2), Requests("丙", 6, 6), Requests("丁", 1, 3) };

        var outliers = Consolidation.Outliers(reports);

        // 丙: 50 % against 16/216 = 7.4 % for the district; 丁 concluded only 4, too few to judge.
        var outlier = Assert.Single(outliers);
        Assert.Equal("丙", outlier.Agency);
        Assert.Equal(OutlierKind.WithheldShare, outlier.Kind);
        Assert.Equal(0.5m, outlier.Share);
        Assert.Equal(0.0741m, outlier.DistrictShare);
        Assert.Contains("不予公开占办结申请的50%，全区为7.4%", outlier.Message, StringComparison.Ordinal);
    }
}
