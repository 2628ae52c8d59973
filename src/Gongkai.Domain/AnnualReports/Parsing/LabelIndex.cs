using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Domain.AnnualReports.Parsing;

internal enum LabelKind
{
    /// <summary>A data row (or a group of rows) of table 二 or 三.</summary>
    Row,

    /// <summary>The title row of a 第二十条 block.</summary>
    BlockTitle,

    /// <summary>A header label that carries no cell: column labels, 信息内容, the 四 headers.</summary>
    Header,
}

/// <param name="Anchor">Distinctive enough to locate a table whose heading is missing (not a column label such as 总计).</param>
internal sealed record LabelEntry(LabelKind Kind, TableSpec Table, RowPath? Row, bool Anchor = true);

/// <summary>
/// Every label of one section of a format in its comparison form, with the prefixes needed to join a label that
/// a file split over several cells or lines ("结","果","维","持"; "（三）不予","公开").
/// </summary>
internal sealed class LabelIndex
{
    private const int MaxJoinedTokens = 12;
    private readonly Dictionary<string, LabelEntry> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LabelEntry?> _core = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LabelEntry>.AlternateLookup<ReadOnlySpan<char>> _exactSpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixSpan;

    private LabelIndex(IEnumerable<TableSpec> tables)
    {
        foreach (var table in tables)
        {
            if (table.Title is { } title)
            {
                Add(title, new LabelEntry(LabelKind.BlockTitle, table, null));
            }

            foreach (var label in table.HeaderLabels)
            {
                Add(label, new LabelEntry(LabelKind.Header, table, null));
            }

            foreach (var column in table.Columns)
            {
                foreach (var label in column.Aliases.Prepend(column.Label))
                {
                    Add(label, new LabelEntry(LabelKind.Header, table, null, Anchor: false));
                }
            }

            foreach (var row in table.DataRows)
            {
                var kind = table.Shape == TableShape.SingleValueRow ? LabelKind.Header : LabelKind.Row;
                var entry = new LabelEntry(kind, table, row);
                foreach (var form in Forms(row))
                {
                    Add(form, entry);
                }
            }
        }

        _exactSpan = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixSpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in _exact.Keys)
        {
            for (var n = 1; n < key.Length; n++)
            {
                _prefixes.Add(key[..n]);
            }
        }

        foreach (var (key, entry) in _exact)
        {
            var core = LabelText.StripNumbering(key);
            if (core == key || _exact.ContainsKey(core))
            {
                continue;
            }

            // A core shared by two different labels (其他 of 三's columns and 3.其他 of 2021 （六）) is ambiguous.
            _core[core] = _core.TryGetValue(core, out var seen) && seen != entry ? null : entry;
        }
    }

    public static LabelIndex For(ReportLayout layout, int section) => Cache[(layout.Format, section)];

    private static readonly Dictionary<(ReportFormat, int), LabelIndex> Cache = BuildCache();

    private static Dictionary<(ReportFormat, int), LabelIndex> BuildCache()
    {
        var cache = new Dictionary<(ReportFormat, int), LabelIndex>();
        foreach (var layout in new[] { ReportLayouts.V2019, ReportLayouts.V2021 })
        {
            foreach (var section in new[] { 2, 3, 4 })
            {
                cache[(layout.Format, section)] = new LabelIndex(layout.Tables.Where(t => t.Section == section));
            }
        }

        return cache;
    }

    /// <summary>
    /// The longest label starting at <paramref name="start"/>, joined over up to 12 tokens, with the index just
    /// past it; else a single token whose label lacks only its numbering, or carries an annotation after it.
    /// </summary>
    public (LabelEntry Entry, int Next)? Match(IReadOnlyList<string> norms, int start, int end)
    {
        if (norms[start].Length == 0)
        {
            return null;
        }

        (LabelEntry, int)? best = null;
        Span<char> buffer = stackalloc char[256];
        var length = 0;
        for (var j = start; j < end && j < start + MaxJoinedTokens; j++)
        {
            var part = norms[j];
            if (part.Length == 0)
            {
                continue;
            }

            if (length + part.Length > buffer.Length)
            {
                break;
            }

            part.AsSpan().CopyTo(buffer[length..]);
            length += part.Length;
            var joined = buffer[..length];
            if (_exactSpan.TryGetValue(joined, out var entry))
            {
                best = (entry, j + 1);
            }

            if (!_prefixSpan.Contains(joined))
            {
                break;
            }
        }

        if (best is not null)
        {
            return best;
        }

        var single = norms[start];
        if (_core.TryGetValue(LabelText.StripNumbering(single), out var core) && core is not null)
        {
            return (core, start + 1);
        }

        return MatchAnnotated(single) is { } annotated ? (annotated, start + 1) : null;
    }

    /// <summary>True when a label (not just a prefix of one) starts at <paramref name="start"/>.</summary>
    public bool StartsLabel(IReadOnlyList<string> norms, int start, int end) => Match(norms, start, end) is not null;

    /// <summary>A label followed by an annotation: 规章（含…）, 采购总金额（元）.</summary>
    private LabelEntry? MatchAnnotated(string single)
    {
        if (single.Length > 60)
        {
            return null;
        }

        LabelEntry? best = null;
        var bestLength = 1;
        foreach (var (key, entry) in _exact)
        {
            if (key.Length > bestLength && single.Length > key.Length && single.StartsWith(key, StringComparison.Ordinal))
            {
                best = entry;
                bestLength = key.Length;
            }
        }

        return best;
    }

    private void Add(string label, LabelEntry entry) => _exact.TryAdd(LabelText.Normalize(label), entry);

    /// <summary>A row's label and aliases, alone and preceded by its groups' labels (a cell may hold both).</summary>
    private static IEnumerable<string> Forms(RowPath row)
    {
        var own = row.Row.Aliases.Prepend(row.Row.Label).ToList();
        foreach (var form in own)
        {
            yield return form;
            var prefix = "";
            foreach (var ancestor in row.Ancestors())
            {
                prefix = ancestor.Row.Label + prefix;
                yield return prefix + form;
            }
        }
    }
}
