using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Domain.Tests.AnnualReports;

/// <summary>Cell keys as spec/report-json.md spells them: built, parsed, refused.</summary>
public sealed class CellKeyTests
{
    public static TheoryData<string> EveryLayoutKey
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var key in ReportLayouts.V2019.Cells.Concat(ReportLayouts.V2021.Cells).Select(c => c.Key.ToString()).Distinct(StringComparer.Ordinal))
            {
                data.Add(key);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryLayoutKey))]
    public void Parse_EveryKeyOfBothLayouts_RoundTripsToTheSameKey(string text)
    {
        var key = CellKey.Parse(text);

        Assert.Equal(text, key.ToString());
        Assert.True(ReportLayout.For(ReportFormat.V2019).TryGetCell(key, out _) || ReportLayout.For(ReportFormat.V2021).TryGetCell(key, out _));
    }

    [Theory]
    [InlineData("text.overview")]
    [InlineData("text.problems")]
    [InlineData("text.other")]
    [InlineData("proactive.published.total")]
    [InlineData("proactive.fullTextRate")]
    [InlineData("proactive.onTimeRate")]
    [InlineData("proactive.published.byCategory.业务动态")]
    [InlineData("proactive.published.byCategory.政策 解读")]
    [InlineData("article20.otherServices.inspection.previous")]
    public void TryParse_KeysBeyondTheTables_Accepted(string text)
    {
        Assert.True(CellKey.TryParse(text, out var key));
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("requests")]
    [InlineData("requests.received")]
    [InlineData("requests.received.")]
    [InlineData("requests..total")]
    [InlineData(".requests.received.total")]
    [InlineData("requests.received.total ")]
    [InlineData(" requests.received.total")]
    [InlineData("requests.Received.total")]
    [InlineData("requests.withheld.stateSecret.naturalPerson.extra")]
    [InlineData("appeals.reconsideration")]
    [InlineData("appeals.reconsideration.total.extra")]
    [InlineData("article20.rules")]
    [InlineData("text")]
    [InlineData("text.")]
    [InlineData("text.overview.more")]
    [InlineData("t3.r1.natural")]
    [InlineData("unknown.received.total")]
    [InlineData("proactive.")]
    [InlineData("proactive.published")]
    [InlineData("proactive.unknown")]
    [InlineData("proactive.published.byCategory.")]
    [InlineData("proactive.published.byCategory.两\n行")]
    [InlineData("requests.received.总计")]
    public void TryParse_NotAKeyOfTheSpec_Refused(string? text)
    {
        Assert.False(CellKey.TryParse(text, out var key));
        Assert.Equal(default, key);
    }

    [Fact]
    public void Parse_NotAKey_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => CellKey.Parse("requests.received"));
    }

    [Fact]
    public void TypedConstructors_SpellTheKeysOfTheSpec()
    {
        Assert.Equal("requests.withheld.stateSecret.naturalPerson", CellKey.Requests("withheld.stateSecret", "naturalPerson").ToString());
        Assert.Equal("appeals.litigationDirect.corrected", CellKey.Appeals("litigationDirect", "corrected").ToString());
        Assert.Equal("article20.procurement.amount", CellKey.Article20("procurement", "amount").ToString());
        Assert.Equal("text.overview", CellKey.Text("overview").ToString());
        Assert.Equal("text.problems", CellKey.Problems.ToString());
        Assert.Equal("text.other", CellKey.OtherMatters.ToString());
        Assert.Equal("proactive.published.byCategory.业务动态", CellKey.PublishedInCategory("业务动态").ToString());
        Assert.Equal("业务动态", CellKey.PublishedInCategory("业务动态").CategoryLabel);
        Assert.Null(CellKey.ProactivePublishedTotal.CategoryLabel);
    }

    [Theory]
    [InlineData("requests", "received.", "total")]
    [InlineData("requests", "received", "")]
    [InlineData("appeals", "reconsideration.x", "total")]
    [InlineData("article20", "rules", "made.more")]
    public void TypedConstructors_MalformedSegments_Throw(string table, string row, string column)
    {
        Assert.Throws<ArgumentException>(() => table switch
        {
            "requests" => CellKey.Requests(row, column),
            "appeals" => CellKey.Appeals(row, column),
            _ => CellKey.Article20(row, column),
        });
    }

    [Fact]
    public void Of_LayoutRowAndColumn_IsTheLayoutsKey()
    {
        var layout = ReportLayouts.V2021;
        var row = layout.Requests.DataRows.Single(r => r.Path == "requests.other.feeNotPaid");
        var column = layout.Requests.Columns[0];

        var key = CellKey.Of(row, column);

        Assert.Equal(CellKey.Requests("other.feeNotPaid", "naturalPerson"), key);
        Assert.True(layout.TryGetCell(key, out var cell));
        Assert.Same(column, cell.Column);
    }

    [Fact]
    public void Equality_ByTheKeyString_SoLookupsByParsedAndBuiltKeysAgree()
    {
        var built = CellKey.Requests("total", "total");
        var parsed = CellKey.Parse("requests.total.total");
        var cells = new Dictionary<CellKey, int> { [built] = 1 };

        Assert.Equal(built, parsed);
        Assert.Equal(built.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(1, cells[parsed]);
        Assert.NotEqual(CellKey.Requests("total", "naturalPerson"), parsed);
    }

    [Fact]
    public void CompareTo_Ordinal_AsTheJsonOrdersItsOwnKeys()
    {
        string[] texts = ["requests.total.total", "appeals.reconsideration.total", "article20.rules.made", "requests.carriedIn.total"];

        var ordered = texts.Select(CellKey.Parse).Order().Select(k => k.ToString());

        Assert.Equal(texts.Order(StringComparer.Ordinal), ordered);
    }

    [Fact]
    public void Default_IsEmptyAndNoKeyOfAnyLayout()
    {
        Assert.Equal("", default(CellKey).ToString());
        Assert.False(ReportLayouts.V2021.TryGetCell(default(CellKey), out _));
        Assert.False(default(CellKey).IsText);
    }

    [Theory]
    [InlineData("requests.received.total", true)]
    [InlineData("requests.received", false)]
    [InlineData("article20.procurement.amount", false)]
    [InlineData(null, false)]
    public void TryGetCell_FromText_ParsesFirst(string? text, bool found)
    {
        Assert.Equal(found, ReportLayouts.V2021.TryGetCell(text, out _));
    }
}
