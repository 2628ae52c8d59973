namespace Gongkai.Domain.AnnualReports.Layout;

/// <summary>Where a cell key sits in the statutory layout.</summary>
public sealed record CellSpec(CellKey Key, TableSpec Table, RowPath Row, ColumnSpec Column)
{
    public CellKind Kind => Column.Kind;
}

/// <summary>
/// One format of the annual report declared as data: sections, tables, rows, columns, verbatim labels and cell
/// keys (spec/annual-report-format.md, spec/report-json.md). The parser, the writers and the consistency rules
/// all walk this declaration.
/// </summary>
public sealed class ReportLayout
{
    private readonly Dictionary<CellKey, CellSpec> _cells;

    internal ReportLayout(ReportFormat format, IReadOnlyList<SectionSpec> sections, IReadOnlyList<TableSpec> tables)
    {
        Format = format;
        Sections = sections;
        Tables = tables;
        var cells = new List<CellSpec>();
        foreach (var table in tables)
        {
            foreach (var row in table.DataRows)
            {
                var isVariant = row.Row.IsLocalVariant;
                if (!row.Row.HasCells && !isVariant)
                {
                    continue;
                }

                cells.AddRange(table.Columns.Select(column => new CellSpec(CellKey.Of(row, column), table, row, column)));
            }
        }

        Cells = cells;
        _cells = cells.ToDictionary(c => c.Key);
    }

    public ReportFormat Format { get; }

    public IReadOnlyList<SectionSpec> Sections { get; }

    public IReadOnlyList<TableSpec> Tables { get; }

    /// <summary>Every cell of the format in print order, local variant sub-rows included.</summary>
    public IReadOnlyList<CellSpec> Cells { get; }

    public TableSpec Requests => Tables.Single(t => t.KeyPrefix == CellKey.RequestsPrefix);

    public TableSpec Appeals => Tables.Single(t => t.KeyPrefix == CellKey.AppealsPrefix);

    public IEnumerable<TableSpec> Article20 => Tables.Where(t => t.KeyPrefix == CellKey.Article20Prefix);

    public bool TryGetCell(CellKey key, out CellSpec cell) => _cells.TryGetValue(key, out cell!);

    /// <summary>For readers: a key as text (a JSON property, a figure's stored key) that the format has.</summary>
    public bool TryGetCell(string? key, out CellSpec cell)
    {
        cell = null!;
        return CellKey.TryParse(key, out var parsed) && TryGetCell(parsed, out cell);
    }

    public static ReportLayout For(ReportFormat format) => format == ReportFormat.V2019 ? ReportLayouts.V2019 : ReportLayouts.V2021;
}
