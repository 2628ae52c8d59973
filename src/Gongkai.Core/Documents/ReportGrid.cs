using System.Globalization;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Core.Documents;

/// <summary>
/// One cell of a statutory table as printed. A cell merged over several rows appears once with its
/// <see cref="RowSpan"/> and then as a <see cref="Continuation"/> placeholder in each row below (Word prints those
/// as empty cells; HTML leaves them out).
/// </summary>
public sealed record GridCell(string Text, int ColSpan = 1, int RowSpan = 1, bool Header = false, bool Continuation = false, string? Key = null);

/// <summary>
/// A statutory table laid out as rows of cells with the format's merged headers, built from the declaration and
/// a report's cells. Every writer (HTML, DOCX, plain text) prints this one grid.
/// </summary>
public sealed class ReportGrid
{
    private ReportGrid(TableSpec table, IReadOnlyList<IReadOnlyList<GridCell>> rows, int columnCount)
    {
        Table = table;
        Rows = rows;
        ColumnCount = columnCount;
    }

    public TableSpec Table { get; }

    public IReadOnlyList<IReadOnlyList<GridCell>> Rows { get; }

    public int ColumnCount { get; }

    /// <summary>The grids of one section (二 has one per 第二十条 block), in print order.</summary>
    public static IEnumerable<ReportGrid> ForSection(AnnualReport report, int section) =>
        report.Layout.Tables.Where(t => t.Section == section).Select(t => For(report, t));

    public static ReportGrid For(AnnualReport report, TableSpec table) => table.KeyPrefix switch
    {
        CellKey.RequestsPrefix => Requests(report, table),
        CellKey.AppealsPrefix => Appeals(report, table),
        _ => Article20(report, table),
    };

    /// <summary>
    /// Relative column widths, in number-column units: label columns get two, and in 三 the leaf labels
    /// (1.属于国家秘密 …) get five so they do not break over many lines; 四 has numbers only. The DOCX and PDF
    /// writers scale these to their page width.
    /// </summary>
    public int[] ColumnWeights()
    {
        var valueColumns = Table.Shape == TableShape.SingleValueRow ? ColumnCount : Table.Columns.Count;
        var labelColumns = Math.Max(ColumnCount - valueColumns, 0);
        return [.. Enumerable.Range(0, ColumnCount).Select(i => i >= labelColumns ? 1 : labelColumns == 3 && i == 2 ? 5 : 2)];
    }

    /// <summary>True when the row has no value cell (a title or header row): it is kept on a page with the row below.</summary>
    public static bool IsHeaderRow(IReadOnlyList<GridCell> row) => row.All(c => c.Header || c.Continuation);

    /// <summary>A cell's printed text: the number with its published digits, or empty for a blank or missing cell.</summary>
    public static string FormatValue(AnnualReport report, CellKey key) =>
        report.Values.TryGetValue(key, out var value) ? value.ToString(CultureInfo.InvariantCulture) : "";

    private static List<GridCell> Values(AnnualReport report, TableSpec table, RowPath row) =>
        [.. table.CellKeysOf(row).Select(key => new GridCell(FormatValue(report, key), Key: key))];

    private static ReportGrid Article20(AnnualReport report, TableSpec table)
    {
        // Sub-rows (the seed's 行政检查 / 行政确认) take a second label column.
        var printed = table.DataRows.Where(r => r.Depth == 1).Select(r => (Row: r, Variants: Variants(report, table, r))).ToList();
        var labelColumns = printed.Any(p => p.Variants.Count > 0) ? 2 : 1;
        List<IReadOnlyList<GridCell>> rows =
        [
            [new GridCell(table.Title ?? "", labelColumns + table.Columns.Count, Header: true)],
            [new GridCell("信息内容", labelColumns, Header: true), .. table.Columns.Select(c => new GridCell(c.Label, Header: true))],
        ];
        foreach (var (row, variants) in printed)
        {
            if (variants.Count == 0)
            {
                rows.Add([new GridCell(row.Row.Label, labelColumns, Header: true), .. Values(report, table, row)]);
                continue;
            }

            for (var i = 0; i < variants.Count; i++)
            {
                var first = i == 0
                    ? new GridCell(row.Row.Label, RowSpan: variants.Count, Header: true)
                    : new GridCell("", Continuation: true);
                rows.Add([first, new GridCell(variants[i].Row.Label, Header: true), .. Values(report, table, variants[i])]);
            }
        }

        return new ReportGrid(table, rows, labelColumns + table.Columns.Count);
    }

    /// <summary>The local sub-rows a report has cells for (none in the national format).</summary>
    private static List<RowPath> Variants(AnnualReport report, TableSpec table, RowPath row) =>
        [.. table.DataRows.Where(r => r.Parent == row && r.Row.IsLocalVariant && table.CellKeysOf(r).Any(report.Has))];

    private static ReportGrid Requests(AnnualReport report, TableSpec table)
    {
        var organisations = table.Columns.Skip(1).Take(5).ToList();
        List<IReadOnlyList<GridCell>> rows =
        [
            [new GridCell(ReportLayouts.RequestsStatedRule, 3, 3, Header: true), new GridCell("申请人情况", 7, Header: true)],
            [new GridCell("", 3, Continuation: true), new GridCell("自然人", RowSpan: 2, Header: true), new GridCell("法人或其他组织", 5, Header: true), new GridCell("总计", RowSpan: 2, Header: true)],
            [new GridCell("", 3, Continuation: true), new GridCell("", Continuation: true), .. organisations.Select(c => new GridCell(c.Label, Header: true)), new GridCell("", Continuation: true)],
        ];

        foreach (var top in table.Rows)
        {
            var topPath = table.DataRows.First(r => r.Depth == 1 && r.Row == top);
            if (top.Children.Count == 0)
            {
                rows.Add([new GridCell(top.Label, 3, Header: true), .. Values(report, table, topPath)]);
                continue;
            }

            // 三、本年度办理结果 spans every outcome row; （三）（四）（五） and 2021 （六） span their leaves.
            var outcomeRows = table.DataRows.Where(r => r.Ancestors().Contains(topPath) && r.Row.HasCells).ToList();
            var firstOfTop = true;
            foreach (var group in top.Children)
            {
                var groupPath = table.DataRows.First(r => r.Parent == topPath && r.Row == group);
                var leaves = group.Children.Count == 0 ? [groupPath] : table.DataRows.Where(r => r.Parent == groupPath).ToList();
                for (var i = 0; i < leaves.Count; i++)
                {
                    var row = new List<GridCell>
                    {
                        firstOfTop ? new GridCell(top.Label, RowSpan: outcomeRows.Count, Header: true) : new GridCell("", Continuation: true),
                    };
                    firstOfTop = false;
                    if (group.Children.Count == 0)
                    {
                        row.Add(new GridCell(group.Label, 2, Header: true));
                    }
                    else
                    {
                        row.Add(i == 0 ? new GridCell(group.Label, RowSpan: leaves.Count, Header: true) : new GridCell("", Continuation: true));
                        row.Add(new GridCell(leaves[i].Row.Label, Header: true));
                    }

                    row.AddRange(Values(report, table, leaves[i]));
                    rows.Add(row);
                }
            }
        }

        return new ReportGrid(table, rows, 3 + table.Columns.Count);
    }

    private static ReportGrid Appeals(AnnualReport report, TableSpec table)
    {
        var results = table.Columns;
        var kinds = table.DataRows;
        List<IReadOnlyList<GridCell>> rows =
        [
            [new GridCell(kinds[0].Row.Label, results.Count, Header: true), new GridCell(table.HeaderLabels[0], results.Count * 2, Header: true)],
            [.. results.Select(c => new GridCell(c.Label, RowSpan: 2, Header: true)), .. kinds.Skip(1).Select(k => new GridCell(k.Row.Label, results.Count, Header: true))],
            [.. results.Select(_ => new GridCell("", Continuation: true)), .. kinds.Skip(1).SelectMany(_ => results.Select(c => new GridCell(c.Label, Header: true)))],
            [.. kinds.SelectMany(k => Values(report, table, k))],
        ];
        return new ReportGrid(table, rows, results.Count * 3);
    }
}
