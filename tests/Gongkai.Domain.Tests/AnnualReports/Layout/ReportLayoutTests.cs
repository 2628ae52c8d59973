using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Domain.Tests.AnnualReports.Layout;

/// <summary>The declaration against spec/report-json.md and annual-report-format.md, key for key.</summary>
public sealed class ReportLayoutTests
{
    private static readonly string[] RequestRowsBoth =
    [
        "received", "carriedIn", "disclosed", "partlyDisclosed",
        "withheld.stateSecret", "withheld.prohibitedByLaw", "withheld.securityStability", "withheld.thirdPartyRights",
        "withheld.internalAffairs", "withheld.processInformation", "withheld.enforcementCaseFile", "withheld.administrativeQuery",
        "cannotProvide.notHeld", "cannotProvide.needsCreation", "cannotProvide.unclearAfterSupplement",
        "notProcessed.petitionOrComplaint", "notProcessed.repeated", "notProcessed.publication", "notProcessed.excessive",
        "notProcessed.confirmOrReissue", "total", "carriedOut",
    ];

    private static readonly string[] Columns =
        ["naturalPerson", "commercialEnterprise", "researchInstitution", "publicWelfareOrganization", "legalServiceInstitution", "otherOrganization", "total"];

    public static TheoryData<ReportFormat, string[]> RequestRows => new()
    {
        { ReportFormat.V2019, [.. RequestRowsBoth, "other"] },
        { ReportFormat.V2021, [.. RequestRowsBoth, "other.noSupplement", "other.feeNotPaid", "other.other"] },
    };

    [Theory]
    [MemberData(nameof(RequestRows))]
    public void Requests_EveryRowAndColumnOfTheSpec_HasItsKey(ReportFormat format, string[] rows)
    {
        var layout = ReportLayout.For(format);
        var expected = rows.SelectMany(r => Columns.Select(c => $"requests.{r}.{c}")).Order(StringComparer.Ordinal);
        var actual = layout.Cells.Where(c => c.Table.KeyPrefix == "requests").Select(c => c.Key.ToString()).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(ReportFormat.V2019, 23, 19)]
    [InlineData(ReportFormat.V2021, 25, 21)]
    public void Requests_DataRowsAndOutcomeLeaves_AsTheFormatCounts(ReportFormat format, int dataRows, int leaves)
    {
        var layout = ReportLayout.For(format);

        Assert.Equal(dataRows, layout.Requests.DataRows.Count(r => r.Row.HasCells));
        Assert.Equal(leaves, ConsistencyRules.OutcomeLeaves(layout).Count);
    }

    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Appeals_FifteenCells_ThreeKindsByFiveResults(ReportFormat format)
    {
        string[] kinds = ["reconsideration", "litigationDirect", "litigationAfterReconsideration"];
        string[] results = ["upheld", "corrected", "other", "pending", "total"];

        var keys = ReportLayout.For(format).Cells.Where(c => c.Table.KeyPrefix == "appeals").Select(c => c.Key.ToString());

        Assert.Equal(kinds.SelectMany(k => results.Select(r => $"appeals.{k}.{r}")), keys);
    }

    [Fact]
    public void Article20_V2019_KeysOfTheSpecIncludingTheSeedsSubRows()
    {
        string[] expected =
        [
            "rules.made", "rules.published", "rules.total", "normativeDocuments.made", "normativeDocuments.published", "normativeDocuments.total",
            "licensing.previous", "licensing.change", "licensing.decisions",
            "otherServices.previous", "otherServices.change", "otherServices.decisions",
            "otherServices.inspection.previous", "otherServices.inspection.change", "otherServices.inspection.decisions",
            "otherServices.confirmation.previous", "otherServices.confirmation.change", "otherServices.confirmation.decisions",
            "penalty.previous", "penalty.change", "penalty.decisions", "coercion.previous", "coercion.change", "coercion.decisions",
            "fees.previous", "fees.change", "procurement.count", "procurement.amount",
        ];

        var keys = ReportLayouts.V2019.Cells.Where(c => c.Table.KeyPrefix == "article20").Select(c => c.Key.ToString());

        Assert.Equal(expected.Select(k => "article20." + k), keys);
    }

    [Fact]
    public void Article20_V2021_KeysOfTheSpec_NoProcurementBlock()
    {
        string[] expected =
        [
            "rules.issued", "rules.repealed", "rules.inForce", "normativeDocuments.issued", "normativeDocuments.repealed", "normativeDocuments.inForce",
            "licensing.decisions", "penalty.decisions", "coercion.decisions", "fees.amount",
        ];

        var keys = ReportLayouts.V2021.Cells.Where(c => c.Table.KeyPrefix == "article20").Select(c => c.Key.ToString());

        Assert.Equal(expected.Select(k => "article20." + k), keys);
        Assert.DoesNotContain(ReportLayouts.V2021.Tables, t => t.Title == "第二十条第（九）项");
    }

    [Theory]
    [InlineData("article20.procurement.amount", CellKind.Amount)]
    [InlineData("article20.licensing.change", CellKind.SignedCount)]
    [InlineData("requests.received.total", CellKind.Count)]
    public void Kinds_AmountsAndSignedChanges_Declared(string key, CellKind kind)
    {
        Assert.True(ReportLayouts.V2019.TryGetCell(key, out var cell));
        Assert.Equal(kind, cell.Kind);
    }

    [Fact]
    public void Labels_V2021_OtherHandlingSplitIntoThreeVerbatimRows()
    {
        var other = ReportLayouts.V2021.Requests.DataRows.Single(r => r.Path == "requests.other");

        Assert.Equal(
            ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"],
            other.Row.Children.Select(c => c.Label));
    }

    [Theory]
    [InlineData(2019, ReportFormat.V2019)]
    [InlineData(2020, ReportFormat.V2019)]
    [InlineData(2021, ReportFormat.V2021)]
    [InlineData(2025, ReportFormat.V2021)]
    public void DefaultForYear_2019FormatUntil2020(int year, ReportFormat expected) =>
        Assert.Equal(expected, ReportFormats.DefaultForYear(year));
}
