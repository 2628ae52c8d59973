using Gongkai.Domain.AnnualReports;

namespace Gongkai.Domain.Article20;

/// <summary>
/// The figures of 第二十条第（一）项 (规章 and 规范性文件) computed from the catalogue, for one agency (the caller
/// selects its items) and year, in the format's own columns. A year runs 1 January to 31 December inclusive; "by
/// the end of Y" means on or before 31 December Y.
/// </summary>
public static class Article20Counts
{
    private static readonly string[] Rows = [.. Enum.GetValues<RegulatoryItemKind>().Select(k => k.ReportRowKey())];

    private static readonly string[] Columns2019 = ["made", "published", "total"];

    private static readonly string[] Columns2021 = ["issued", "repealed", "inForce"];

    /// <summary>The six cells this computes, in print order (e.g. <c>article20.rules.made</c>), spelled as stored.</summary>
    public static IReadOnlyList<string> Keys(ReportFormat format) =>
        [.. Rows.SelectMany(row => ColumnsOf(format).Select(column => CellKey.Article20(row, column).ToString()))];

    public static bool IsComputable(string key, ReportFormat format) => Keys(format).Contains(key, StringComparer.Ordinal);

    /// <summary>
    /// Counts the items for <paramref name="year"/>. Every key of <see cref="Keys"/> is present (0 when no item).
    /// <list type="bullet">
    /// <item>2019 本年新制作数量 (<c>made</c>): formed in Y.</item>
    /// <item>2019 本年新公开数量 (<c>published</c>): published in Y, whenever formed.</item>
    /// <item>2019 对外公开总数量 (<c>total</c>): published by the end of Y and not repealed by then. Our reading: the
    /// label could also be read as every document ever disclosed, repealed ones included; we count the ones
    /// standing at the end of the year, which is what the 2021 format's 现行有效件数 made explicit.</item>
    /// <item>2021 本年制发件数 (<c>issued</c>): formed (issued) in Y, whether or not published yet.</item>
    /// <item>2021 本年废止件数 (<c>repealed</c>): repealed in Y.</item>
    /// <item>2021 现行有效件数 (<c>inForce</c>): published by the end of Y and not repealed by then. Our reading: a
    /// 规章 or 行政规范性文件 takes effect only once published, so an unpublished one is not counted; the catalogue
    /// has no date of taking effect (施行日期), so one published in December to take effect in January counts as
    /// in force at the end of December.</item>
    /// </list>
    /// A document repealed on 31 December is repealed by the end of that year: not in force, counted as 废止 in it.
    /// </summary>
    public static Dictionary<string, decimal> FromItems(IEnumerable<RegulatoryItemFact> items, int year, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(items);
        var columns = ColumnsOf(format);
        var end = new DateOnly(year, 12, 31);
        var cells = Keys(format).ToDictionary(k => k, _ => 0m, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var row = item.Kind.ReportRowKey();
            var standing = item.PublishedOn <= end && !(item.RepealedOn <= end);
            Add(CellKey.Article20(row, columns[0]), item.FormedOn.Year == year);
            Add(CellKey.Article20(row, columns[1]), format == ReportFormat.V2019 ? item.PublishedOn?.Year == year : item.RepealedOn?.Year == year);
            Add(CellKey.Article20(row, columns[2]), standing);
        }

        return cells;

        void Add(CellKey key, bool counted)
        {
            if (counted)
            {
                cells[key]++;
            }
        }
    }

    private static string[] ColumnsOf(ReportFormat format) => format switch
    {
        ReportFormat.V2019 => Columns2019,
        ReportFormat.V2021 => Columns2021,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
