using Gongkai.Domain.AnnualReports;
using MiniExcelLibs;

namespace Gongkai.Core.Documents;

/// <summary>
/// The statutory tables of a report as an XLSX workbook for people who work in spreadsheets: one sheet per section
/// (二, 三, 四), each table as printed by <see cref="ReportGrid"/> (merged header cells written once, the cells they
/// cover left empty), numbers as numbers with their published digits, and a sheet of every cell by its key.
/// </summary>
public static class XlsxReportWriter
{
    public static byte[] Write(AnnualReport report)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var section in report.Layout.Sections.Where(s => s.TextKey is null))
        {
            var rows = new List<Dictionary<string, object?>>();
            var grids = ReportGrid.ForSection(report, section.Number).ToList();

            // Every row of a sheet has the same columns (the widest table's), as the writer needs.
            var width = grids.Max(g => g.ColumnCount);
            Dictionary<string, object?> Empty() => Enumerable.Range(0, width).ToDictionary(ColumnName, _ => (object?)null);
            foreach (var grid in grids)
            {
                foreach (var row in grid.Rows)
                {
                    var line = Empty();
                    var column = 0;
                    foreach (var cell in row)
                    {
                        line[ColumnName(column)] = cell.Continuation ? null
                            : cell.Key is { } key && report.Values.TryGetValue(key, out var value) ? value
                            : cell.Text;
                        for (var span = 1; span < cell.ColSpan; span++)
                        {
                            line[ColumnName(column + span)] = null;
                        }

                        column += cell.ColSpan;
                    }

                    rows.Add(line);
                }

                rows.Add(Empty());
            }

            sheets[section.Title[..2].TrimEnd('、')] = rows;
        }

        sheets["单元格"] = report.Layout.Cells
            .Where(c => report.Has(c.Key))
            .Select(c => new Dictionary<string, object?> { ["键"] = c.Key.ToString(), ["数值"] = report.Values.TryGetValue(c.Key, out var v) ? v : null })
            .ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false);
        return stream.ToArray();
    }

    private static string ColumnName(int index) => "C" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
