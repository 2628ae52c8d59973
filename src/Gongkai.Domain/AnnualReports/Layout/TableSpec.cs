namespace Gongkai.Domain.AnnualReports.Layout;

/// <summary>A column of a statutory table: its key segment, verbatim label and what its cells hold.</summary>
public sealed record ColumnSpec(string Key, string Label, CellKind Kind, IReadOnlyList<string> Aliases)
{
    public ColumnSpec(string key, string label, CellKind kind = CellKind.Count)
        : this(key, label, kind, [])
    {
    }
}

/// <summary>
/// A row (or a group of rows) of a statutory table. A row with children is a header that carries no numbers
/// itself (e.g. （三）不予公开), unless all its children are local variants: then a report prints either the row
/// itself or the sub-rows (the seed splits 其他对外管理服务事项 into 行政检查 and 行政确认).
/// </summary>
public sealed class RowSpec
{
    public RowSpec(string key, string label, IReadOnlyList<RowSpec>? children = null, IReadOnlyList<string>? aliases = null, bool isLocalVariant = false)
    {
        Key = key;
        Label = label;
        Children = children ?? [];
        Aliases = aliases ?? [];
        IsLocalVariant = isLocalVariant;
    }

    /// <summary>The key segment, e.g. <c>withheld</c> or <c>stateSecret</c>; empty for a group that adds none.</summary>
    public string Key { get; }

    /// <summary>The verbatim Chinese label of the format.</summary>
    public string Label { get; }

    public IReadOnlyList<RowSpec> Children { get; }

    /// <summary>Other spellings seen in published reports (shortened or annotated labels).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>A sub-row that only some localities print (not part of the national format).</summary>
    public bool IsLocalVariant { get; }

    /// <summary>True when the row has cells of its own in the national format.</summary>
    public bool HasCells => Children.Count == 0 || Children.All(c => c.IsLocalVariant);
}

/// <summary>How the numbers of a table are laid out.</summary>
public enum TableShape
{
    /// <summary>Each data row starts with its label, then one cell per column (二, 三).</summary>
    LabelledRows,

    /// <summary>Labels only in the header, then one row with every cell, row-major (四: 3 kinds × 5 results).</summary>
    SingleValueRow,
}

/// <summary>A statutory table: the cells are <c>{KeyPrefix}.{row path}.{column}</c>.</summary>
public sealed class TableSpec
{
    private readonly Dictionary<string, IReadOnlyList<CellKey>> _cellKeys;

    public TableSpec(string id, int section, string keyPrefix, string? title, IReadOnlyList<ColumnSpec> columns, IReadOnlyList<RowSpec> rows,
        IReadOnlyList<string> headerLabels, TableShape shape = TableShape.LabelledRows)
    {
        Id = id;
        Section = section;
        KeyPrefix = keyPrefix;
        Title = title;
        Columns = columns;
        Rows = rows;
        HeaderLabels = headerLabels;
        Shape = shape;
        DataRows = [.. Flatten(keyPrefix, rows, 1, null)];
        _cellKeys = DataRows.Where(r => r.Row.HasCells || r.Row.IsLocalVariant)
            .ToDictionary(r => r.Path, r => (IReadOnlyList<CellKey>)[.. columns.Select(c => CellKey.Of(r, c))], StringComparer.Ordinal);
        CellKeys = [.. DataRows.SelectMany(CellKeysOf)];
    }

    /// <summary>Stable identifier, e.g. <c>article20.5</c>, <c>requests</c>, <c>appeals</c>.</summary>
    public string Id { get; }

    /// <summary>The report section (二 = 2, 三 = 3, 四 = 4).</summary>
    public int Section { get; }

    public string KeyPrefix { get; }

    /// <summary>The block title row (第二十条第（一）项), or null.</summary>
    public string? Title { get; }

    public IReadOnlyList<ColumnSpec> Columns { get; }

    public IReadOnlyList<RowSpec> Rows { get; }

    /// <summary>Labels printed in the header that carry no cell (信息内容, 申请人情况, 法人或其他组织, 行政诉讼 …).</summary>
    public IReadOnlyList<string> HeaderLabels { get; }

    public TableShape Shape { get; }

    /// <summary>Every row in print order, groups included, each with its full key path and depth.</summary>
    public IReadOnlyList<RowPath> DataRows { get; }

    /// <summary>The keys of a row's cells in column order (computed once); none for a header row such as （三）不予公开.</summary>
    public IReadOnlyList<CellKey> CellKeysOf(RowPath row) => _cellKeys.TryGetValue(row.Path, out var keys) ? keys : [];

    /// <summary>Every cell key of the table, rows in print order and columns in order (computed once).</summary>
    public IReadOnlyList<CellKey> CellKeys { get; }

    private static IEnumerable<RowPath> Flatten(string prefix, IReadOnlyList<RowSpec> rows, int depth, RowPath? parent)
    {
        foreach (var row in rows)
        {
            // A group with an empty key (三、本年度办理结果) adds no segment: its leaves are requests.disclosed etc.
            var path = new RowPath(row.Key.Length == 0 ? prefix : prefix + "." + row.Key, row, depth, parent);
            yield return path;
            foreach (var child in Flatten(path.Path, row.Children, depth + 1, path))
            {
                yield return child;
            }
        }
    }
}

/// <summary>A row with its full key path (e.g. <c>requests.withheld.stateSecret</c>) and its parent.</summary>
public sealed record RowPath(string Path, RowSpec Row, int Depth, RowPath? Parent)
{
    public IEnumerable<RowPath> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            yield return p;
        }
    }
}

/// <summary>One of the six sections of every annual report.</summary>
public sealed record SectionSpec(int Number, string Title, CellKey? TextKey, IReadOnlyList<string> Aliases);
