using Gongkai.Domain.AnnualReports;

namespace Gongkai.Domain.Appeals;

/// <summary>
/// Section 四 (政府信息公开行政复议、行政诉讼情况, identical in both formats) for one agency and year, from case facts:
/// the 15 cells <c>appeals.&lt;kind&gt;.&lt;result&gt;</c> of spec/report-json.md. The caller selects the agency's cases;
/// this counts them for the year.
/// <para>
/// Which cases a year counts — the table is a snapshot at 31 December of every case the agency had before it during
/// the year, like section 三's year boundaries (an outcome counts in the year it was reached, an open case at the
/// end of the year):
/// </para>
/// <list type="bullet">
/// <item>a case filed on or before 31 December Y and not concluded before 1 January Y counts in Y;</item>
/// <item>it counts under its result when concluded on or before 31 December Y, otherwise as 尚未审结;</item>
/// <item>so a case filed in Y and concluded in Y+1 is 尚未审结 in Y and counts again, under its result, in Y+1; a case
/// open for several year-ends is 尚未审结 in each of those years; a concluded case counts in no year after its
/// result's.</item>
/// </list>
/// <para>
/// Why not count a case only in the year it was filed: the table's columns are results, and what the report is for
/// (条例 Art 50(三): "因政府信息公开工作被申请行政复议、提起行政诉讼的情况") is to show how the challenges to an
/// agency's disclosure work end — above all how often it was corrected. A 复议 may take 60 days plus 30 (行政复议法
/// Art 62) and a first instance six months (行政诉讼法 Art 81), so many cases filed late in a year end in the next; counted by filing year
/// only, their results (a 结果纠正 included) would appear in no report at all. Counted as here, every result
/// appears exactly once, in the year it was reached. The price: 总计 for Y is the cases handled in Y (filed in Y or
/// still open on 1 January Y), not the cases filed in Y; a narrative that quotes "新发生" cases must count those
/// itself. Section 四 has no carried-over column to show the difference.
/// </para>
/// <para>
/// As a grouped query: <c>WHERE FiledOn &lt;= end AND (ResultOn IS NULL OR ResultOn &gt;= start) GROUP BY Kind,
/// CASE WHEN ResultOn &lt;= end THEN Result ELSE Pending END</c>.
/// </para>
/// </summary>
public static class AppealsTable
{
    /// <summary>The 15 cell keys of section 四 in print order (row-major: each kind's four results, then its 总计), spelled as stored.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        .. Enum.GetValues<AppealKind>().SelectMany(kind => AppealResults.All.Select(result => Key(kind, result)).Append(TotalKey(kind))).Select(k => k.ToString()),
    ];

    /// <summary>The cell of a kind and result, e.g. <c>appeals.litigationDirect.corrected</c>.</summary>
    public static CellKey Key(AppealKind kind, AppealResult result) => CellKey.Appeals(kind.ReportRowKey(), result.ReportColumnKey());

    /// <summary>The 总计 cell of a kind, e.g. <c>appeals.reconsideration.total</c>.</summary>
    public static CellKey TotalKey(AppealKind kind) => CellKey.Appeals(kind.ReportRowKey(), "total");

    /// <summary>
    /// The column a case counts in for <paramref name="year"/> under the rule above: its result if concluded in the
    /// year, <see cref="AppealResult.Pending"/> if filed by the end of the year and open at its end, null if the case
    /// is not counted in the year (filed after it, or concluded before it).
    /// </summary>
    public static AppealResult? ColumnInYear(AppealFact fact, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        if (fact.FiledOn > end)
        {
            return null;
        }

        if (!fact.Result.IsConcluded())
        {
            return AppealResult.Pending;
        }

        var resultOn = fact.ResultOn
            ?? throw new ArgumentException($"A case with result {fact.Result} has no result date.", nameof(fact));
        if (resultOn < start)
        {
            return null;
        }

        return resultOn <= end ? fact.Result : AppealResult.Pending;
    }

    /// <summary>
    /// The 15 cells for <paramref name="year"/>: every cell present (0 when no case), each 总计 the sum of its four
    /// results, so rule R4 holds by construction.
    /// </summary>
    public static Dictionary<string, decimal> Cells(IEnumerable<AppealFact> facts, int year)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var cells = Keys.ToDictionary(k => k, _ => 0m, StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (ColumnInYear(fact, year) is { } column)
            {
                cells[Key(fact.Kind, column)]++;
            }
        }

        foreach (var kind in Enum.GetValues<AppealKind>())
        {
            cells[TotalKey(kind)] = AppealResults.All.Sum(result => cells[Key(kind, result)]);
        }

        return cells;
    }
}
