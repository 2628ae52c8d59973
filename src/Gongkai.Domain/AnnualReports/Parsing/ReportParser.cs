using System.Globalization;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Domain.AnnualReports.Parsing;

/// <summary>A report read from a file, with what went wrong in the reading (P1–P4).</summary>
public sealed record ParsedReport(AnnualReport Report, IReadOnlyList<Finding> Findings)
{
    private IReadOnlyDictionary<string, ReportToken>? _sources;

    /// <summary>Each cell key read (a number, a blank or unreadable text) and the token it was read from: <c>check --explain</c>.</summary>
    public IReadOnlyDictionary<string, ReportToken> Sources => _sources ??= Index(ReadFrom);

    /// <summary>The cells as read, in reading order (a cell read twice counts last): kept as a list, since only --explain looks them up.</summary>
    public IReadOnlyList<KeyValuePair<string, ReportToken>> ReadFrom { get; init; } = [];

    /// <summary>False when not one label of tables 二–四 was found: the file is not a report (exit 2), not a broken one.</summary>
    public bool HasTables { get; init; } = true;

    private static Dictionary<string, ReportToken> Index(IReadOnlyList<KeyValuePair<string, ReportToken>> cells)
    {
        var index = new Dictionary<string, ReportToken>(cells.Count, StringComparer.Ordinal);
        foreach (var (key, token) in cells)
        {
            index[key] = token;
        }

        return index;
    }

    /// <summary>Where this report starts in its file (“第120行”) when the file holds several (<see cref="ReportParts"/>).</summary>
    public string? StartsAt { get; init; }

    /// <summary>The reports that follow this one in the same file (<see cref="ReportParts"/>), each checked on its own.</summary>
    public IReadOnlyList<ParsedReport> Following { get; init; } = [];
}

/// <summary>
/// Reads an annual report from the tokens of any reader. Cells are aligned by their labels and the order of the
/// cells after each label, never by column position: published tables give header and data rows different
/// colspans, Word leaves empty cells where rows were merged, and labels come split over lines and cells.
/// Nothing here throws on bad input: what cannot be read becomes a finding.
/// </summary>
public static class ReportParser
{
    /// <summary>The file's (first) report; a file holding several has the others in <see cref="ParsedReport.Following"/>.</summary>
    public static ParsedReport Parse(IReadOnlyList<ReportToken> tokens, ReportFormat? format = null) => ReportParts.Parse(tokens, format);

    internal static ParsedReport ParseOne(IReadOnlyList<ReportToken> tokens, ReportFormat? format) => new ParseRun(tokens, format).Run();
}

internal sealed class ParseRun
{
    // Not -1: a table found by its labels at token 0 starts "before" it, at -1.
    private const int NoSection = int.MinValue;

    /// <summary>Section titles and their variants without numbering (总体情况 stands without 一、 in the seed).</summary>
    private static readonly (int Number, string Core)[] SectionCores =
    [
        .. ReportLayouts.V2019.Sections.SelectMany(s => s.Aliases.Prepend(s.Title).Select(t => (s.Number, LabelText.StripNumbering(LabelText.Normalize(t))))),
    ];

    private readonly IReadOnlyList<ReportToken> _tokens;
    private readonly string[] _norms;
    private readonly ReportFormat? _formatOverride;
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<string, decimal> _values = new(256, StringComparer.Ordinal);
    private readonly HashSet<string> _blanks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rowsSeen = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, ReportToken>> _sources = new(256);

    /// <summary>Groups of 2021 printed as the single row of 2019 (（六）其他处理 with its own numbers): their sub-rows are not missing.</summary>
    private readonly HashSet<string> _singleRows = new(StringComparer.Ordinal);

    /// <summary>The rest of labels read from their first part (comparison form), to be passed over where they turn up.</summary>
    private readonly List<(string Remainder, RowPath Row, int At)> _labelRests = [];
    private ReportLayout _layout = ReportLayouts.V2019;
    private bool _fourDecimals;

    public ParseRun(IReadOnlyList<ReportToken> tokens, ReportFormat? format)
    {
        _tokens = tokens;
        _formatOverride = format;
        _norms = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            _norms[i] = LabelText.Normalize(tokens[i].Text);
        }
    }

    public ParsedReport Run()
    {
        var headings = FindHeadings();
        var firstHeading = headings.Skip(1).Where(h => h != NoSection).DefaultIfEmpty(_tokens.Count).Min();
        var (agency, year, titleIndex) = ReportTitle.Read(_tokens, firstHeading);
        if (titleIndex < 0 && (agency is null || year is null))
        {
            var unknown = agency is null && year is null ? "机关名称和年度" : agency is null ? "机关名称" : "年度";
            _findings.Add(Finding.Warning(RuleIds.P1, $"未找到报告标题（“……年政府信息公开工作年度报告”），无法确定{unknown}"));
        }

        _layout = ReportLayout.For(_formatOverride ?? DetectFormat() ?? (year is { } y ? ReportFormats.DefaultForYear(y) : ReportFormat.V2021));

        var starts = SectionStarts(headings, titleIndex);
        for (var section = 2; section <= 4; section++)
        {
            if (starts[section] == NoSection)
            {
                continue;
            }

            var end = NextStart(starts, section);
            if (section == 4)
            {
                ReadSingleValueRow(LabelIndex.For(_layout, section), starts[section] + 1, end);
            }
            else
            {
                ReadLabelledRows(LabelIndex.For(_layout, section), starts[section] + 1, end);
            }
        }

        ReportLabelRests();
        ReadTexts(starts, titleIndex);
        ReportMissingRows();
        var report = new AnnualReport(_layout.Format, agency, year, _values, _blanks, _texts);
        return new ParsedReport(report, _findings) { ReadFrom = _sources, HasTables = _rowsSeen.Count > 0 };
    }

    /// <summary>The token index of each section heading 一 … 六 (index 1–6), in order, or <see cref="NoSection"/>.</summary>
    private int[] FindHeadings()
    {
        var headings = Enumerable.Repeat(NoSection, 7).ToArray();
        var cores = SectionCores;
        var last = 0;
        for (var i = 0; i < _norms.Length; i++)
        {
            var norm = _norms[i];
            if (norm.Length is < 4 or > 40)
            {
                continue;
            }

            var core = LabelText.StripNumbering(norm);
            foreach (var (number, title) in cores)
            {
                if (number > last && headings[number] == NoSection && core == title)
                {
                    headings[number] = i;
                    last = number;
                    break;
                }
            }
        }

        return headings;
    }

    /// <summary>Where each section starts: its heading, or for a table whose heading is missing, its first label.</summary>
    private int[] SectionStarts(int[] headings, int titleIndex)
    {
        var starts = (int[])headings.Clone();
        for (var section = 1; section <= 6; section++)
        {
            if (starts[section] != NoSection)
            {
                continue;
            }

            var spec = _layout.Sections[section - 1];
            if (section is >= 2 and <= 4)
            {
                var from = Math.Max(titleIndex + 1, PreviousStart(starts, section) + 1);
                var to = NextStart(starts, section);
                var index = LabelIndex.For(_layout, section);
                for (var i = from; i < to; i++)
                {
                    if (_tokens[i].Kind == TokenKind.Cell && index.Match(_norms, i, to) is { Entry.Anchor: true })
                    {
                        // The region starts just before its first label (the parser reads from start + 1).
                        starts[section] = i - 1;
                        break;
                    }
                }
            }

            var found = starts[section] != NoSection;
            if (found)
            {
                _findings.Add(Finding.Warning(RuleIds.P1, $"未找到标题「{spec.Title}」，已按表格标签定位"));
            }
            else if (section is 1 or 5 or 6)
            {
                _findings.Add(Finding.Warning(RuleIds.P1, $"缺少「{spec.Title}」部分"));
            }

            // A missing table section is reported with its cells by ReportMissingRows.
        }

        return starts;
    }

    private static int PreviousStart(int[] starts, int section)
    {
        for (var s = section - 1; s >= 1; s--)
        {
            if (starts[s] != NoSection)
            {
                return starts[s];
            }
        }

        return -1;
    }

    private int NextStart(int[] starts, int section)
    {
        for (var s = section + 1; s <= 6; s++)
        {
            if (starts[s] != NoSection)
            {
                return starts[s];
            }
        }

        return _tokens.Count;
    }

    private ReportFormat? DetectFormat()
    {
        int v2019 = 0, v2021 = 0;
        for (var i = 0; i < _norms.Length; i++)
        {
            var norm = _norms[i];
            if (norm.Length is < 4 or > 60)
            {
                continue;
            }

            // In 2019 （六）其他处理 is a data row followed by numbers; in 2021 it heads three sub-rows.
            if (FormatMarkers.V2019.Contains(norm) || (norm == FormatMarkers.OtherHandling && i + 1 < _norms.Length && CellText.Read(_tokens[i + 1].Text).Status == CellStatus.Number))
            {
                v2019++;
            }
            else if (FormatMarkers.V2021.Contains(norm) || norm.Contains(FormatMarkers.NoSupplement2021, StringComparison.Ordinal))
            {
                v2021++;
            }
        }

        return v2019 == v2021 ? null : v2019 > v2021 ? ReportFormat.V2019 : ReportFormat.V2021;
    }

    /// <summary>Tables 二 and 三: a row label, then one cell per column.</summary>
    private void ReadLabelledRows(LabelIndex index, int start, int end)
    {
        RowPath? lastRow = null;
        TableSpec? table = null;
        var i = start;
        while (i < end)
        {
            if (_norms[i].Length == 0)
            {
                i++;
                continue;
            }

            if (index.Match(_norms, i, end) is { } match)
            {
                var (entry, next) = match;
                if (entry.Kind == LabelKind.Header && JoinedText(i, next).Contains("四位小数", StringComparison.Ordinal))
                {
                    _fourDecimals = true;
                }

                table = entry.Table;
                if (entry is { Kind: LabelKind.Row, Row: { } row } && HasCells(row))
                {
                    lastRow = row;
                    i = ReadRow(index, entry.Table, row, next, end);
                }
                else if (entry.Row is { } group)
                {
                    lastRow = group;
                    i = ReadGroup(index, group, i, next, end);
                }
                else
                {
                    i = next;
                }

                continue;
            }

            if (TakeLabelRest(i))
            {
                i++;
                continue;
            }

            // Text with one cell a line gives a label the reader did not know as a line of its own: a label too when values follow.
            var labelLike = _tokens[i].Kind == TokenKind.Cell || (i + 1 < end && _tokens[i + 1].Kind == TokenKind.Cell && CellText.Read(_tokens[i + 1].Text).IsValue);
            if (labelLike && table is not null && AlignLabel(index, table, lastRow, i, end) is { } aligned)
            {
                lastRow = aligned.Row;
                i = HasCells(aligned.Row) ? ReadRow(index, table, aligned.Row, aligned.Next, end) : ReadGroup(index, aligned.Row, i, aligned.Next, end);
                continue;
            }

            // Running text between tables (a note, a sentence) is not a cell: nothing to report.
            if (_tokens[i].Kind == TokenKind.Paragraph && !CellText.Read(_tokens[i].Text).IsValue)
            {
                i++;
                continue;
            }

            var strayStart = i;
            var isValue = CellText.Read(_tokens[i].Text).IsValue;
            i++;
            while (i < end && _tokens[i].Kind == TokenKind.Cell && !_tokens[i].StartsRow && CellText.Read(_tokens[i].Text).IsValue)
            {
                i++;
            }

            var at = _tokens[strayStart].Describe();
            _findings.Add(isValue
                ? Finding.Warning(RuleIds.P2, lastRow is null
                    ? $"表格中有不属于任何行的数值「{_tokens[strayStart].Text.Trim()}」（{at}）"
                    : $"「{ConsistencyRules.RowLabel(lastRow)}」之后有多余的数值「{_tokens[strayStart].Text.Trim()}」（{at}）")
                : Finding.Warning(RuleIds.P2, $"未识别的标签「{Shorten(_tokens[strayStart].Text)}」（{at}），其后的数值未读取"));
        }
    }

    private static bool HasCells(RowPath row) => row.Row.HasCells || row.Row.IsLocalVariant;

    /// <summary>A group's label (no cells of its own); or, in a 2021 report, the 2019 single row （六）其他处理 (§9), read under the 2019 keys.</summary>
    private int ReadGroup(LabelIndex index, RowPath group, int labelAt, int next, int end)
    {
        if (SingleRowOf(group, next, end) is not { } single)
        {
            _rowsSeen.Add(group.Path);
            return next;
        }

        _singleRows.Add(group.Path);
        _findings.Add(Finding.Warning(RuleIds.P1,
            $"「{ConsistencyRules.RowLabel(group)}」按2019年版格式印为一行（{_tokens[labelAt].Describe()}），缺少2021年版的分项，已按一行读取"));
        return ReadRow(index, ReportLayouts.V2019.Requests, single, next, end);
    }

    /// <summary>
    /// The 2019 row of a 2021 group that the report prints as one row with its numbers: the group label, then in the
    /// same row at least one number before the next row or label (a 2021 group is followed by its first sub-row).
    /// </summary>
    private RowPath? SingleRowOf(RowPath group, int next, int end)
    {
        if (_layout.Format != ReportFormat.V2021 || HasCells(group))
        {
            return null;
        }

        var single = SingleOtherRow.Row;
        if (single.Path != group.Path)
        {
            return null;
        }

        // The first value may start a line of its own (text with one cell a line), the rest of the row may not.
        for (var k = next; k < end && _tokens[k].Kind == TokenKind.Cell && (k == next || !_tokens[k].StartsRow); k++)
        {
            var status = CellText.Read(_tokens[k].Text).Status;
            if (status == CellStatus.Number)
            {
                return single;
            }

            if (status != CellStatus.Blank)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// An unknown label where the format expects one of the next unread rows of <paramref name="table"/>: that row
    /// (see <see cref="RowAlignment"/>). A typo is reported with the difference; a first part whose rest never
    /// turns up is reported at the end of the table.
    /// </summary>
    private AlignedLabel? AlignLabel(LabelIndex index, TableSpec table, RowPath? lastRow, int start, int end)
    {
        if (CellText.Read(_tokens[start].Text).IsValue)
        {
            return null;
        }

        var from = lastRow is null ? 0 : IndexOfRow(table, lastRow) + 1;
        var expected = table.DataRows.Skip(from).Where(r => !_rowsSeen.Contains(r.Path) && !_singleRows.Contains(r.Parent?.Path ?? ""));
        var aligned = RowAlignment.Align(_norms, start, end, expected,
            k => _tokens[k].Kind == TokenKind.Cell && !CellText.Read(_tokens[k].Text).IsValue && !index.StartsLabel(_norms, k, end));
        if (aligned is null)
        {
            return null;
        }

        var printed = JoinedText(start, aligned.Next).Trim();
        if (aligned.Kind == AlignmentKind.Prefix)
        {
            _labelRests.Add((aligned.Remainder, aligned.Row, start));
        }
        else
        {
            _findings.Add(Finding.Warning(RuleIds.P2,
                $"标签「{Shorten(printed)}」与格式中的「{ConsistencyRules.RowLabel(aligned.Row)}」不同（{_tokens[start].Describe()}），按其所在位置读作该行"));
        }

        return aligned;
    }

    private static int IndexOfRow(TableSpec table, RowPath row)
    {
        for (var r = 0; r < table.DataRows.Count; r++)
        {
            if (table.DataRows[r].Path == row.Path)
            {
                return r;
            }
        }

        return -1;
    }

    private bool IsLabelRest(int k) => _labelRests.Exists(r => r.Remainder == _norms[k]);

    /// <summary>The rest of a label read from its first part (“法提供” after “（四）无” and a page break): passed over.</summary>
    private bool TakeLabelRest(int k)
    {
        var at = _labelRests.FindIndex(r => r.Remainder == _norms[k]);
        if (at < 0)
        {
            return false;
        }

        _labelRests.RemoveAt(at);
        return true;
    }

    /// <summary>First parts of labels whose rest never turned up: read by their place, said with the difference.</summary>
    private void ReportLabelRests()
    {
        foreach (var (_, row, at) in _labelRests)
        {
            _findings.Add(Finding.Warning(RuleIds.P2,
                $"标签「{Shorten(_tokens[at].Text)}」不完整，与格式中的「{ConsistencyRules.RowLabel(row)}」不同（{_tokens[at].Describe()}），按其所在位置读作该行"));
        }

        _labelRests.Clear();
    }

    private int ReadRow(LabelIndex index, TableSpec table, RowPath row, int start, int end)
    {
        var cells = new List<int>(table.Columns.Count + 2);
        var k = start;
        while (k < end)
        {
            var token = _tokens[k];
            // A paragraph is never a cell (an empty one would read as a blank); a new row ends this one.
            if (token.Kind == TokenKind.Paragraph || (token.StartsRow && cells.Count > 0))
            {
                k = ContinueRow(cells, table.Columns.Count, start - 1, k, end);
                break;
            }

            if (!CellText.Read(token.Text).IsValue && (token.StartsRow || index.StartsLabel(_norms, k, end) || IsLabelRest(k)))
            {
                k = token.StartsRow ? ContinueRow(cells, table.Columns.Count, start - 1, k, end) : k;
                break;
            }

            cells.Add(k);
            k++;
        }

        if (!_rowsSeen.Add(row.Path))
        {
            _findings.Add(Finding.Warning(RuleIds.P2, $"「{ConsistencyRules.RowLabel(row)}」行重复出现（{_tokens[start - 1].Describe()}），只读取第一次的数值"));
            return k;
        }

        Assign(table.CellKeysOf(row), cells, $"「{ConsistencyRules.RowLabel(row)}」行", start - 1);
        return k;
    }

    /// <summary>
    /// A row broken by a page break: its label (and maybe some numbers) in the last row of one page's table, with
    /// empty cells after them, and its numbers in the first row of the next page's table, below empty label cells
    /// (or the rest of the label). When the numbers there are just as many as the row lacks, they are the row's:
    /// the empty cells go, the numbers come in. Returns where reading goes on.
    /// </summary>
    private int ContinueRow(List<int> cells, int expected, int labelAt, int k, int end)
    {
        var trailingBlanks = 0;
        while (trailingBlanks < cells.Count && CellText.Read(_tokens[cells[^(trailingBlanks + 1)]].Text).Status == CellStatus.Blank)
        {
            trailingBlanks++;
        }

        var filled = cells.Count - trailingBlanks;
        if (filled >= expected || _tokens[k].Kind != TokenKind.Cell || _tokens[k].Table == 0 || _tokens[k].Table == _tokens[labelAt].Table)
        {
            return k;
        }

        var next = k;
        var rest = -1;
        while (next < end && _tokens[next].Kind == TokenKind.Cell && (next == k || !_tokens[next].StartsRow)
            && (_tokens[next].Text.Trim().Length == 0 || (rest < 0 && IsLabelRest(next))))
        {
            rest = _tokens[next].Text.Trim().Length > 0 ? next : rest;
            next++;
        }

        var values = new List<int>();
        while (next < end && _tokens[next].Kind == TokenKind.Cell && !_tokens[next].StartsRow && CellText.Read(_tokens[next].Text).Status == CellStatus.Number)
        {
            values.Add(next++);
        }

        if (values.Count == 0 || filled + values.Count != expected)
        {
            return k;
        }

        if (rest >= 0)
        {
            TakeLabelRest(rest);
        }

        cells.RemoveRange(filled, trailingBlanks);
        cells.AddRange(values);
        return next;
    }

    /// <summary>Table 四: header labels only, then one row with all fifteen cells.</summary>
    private void ReadSingleValueRow(LabelIndex index, int start, int end)
    {
        var table = _layout.Appeals;
        var i = start;
        while (i < end)
        {
            if (_norms[i].Length > 0 && index.Match(_norms, i, end) is { } match)
            {
                i = match.Next;
                continue;
            }

            var reading = CellText.Read(_tokens[i].Text);
            if (reading.Status == CellStatus.Number)
            {
                break;
            }

            if (!reading.IsValue)
            {
                _findings.Add(Finding.Warning(RuleIds.P2, $"未识别的标签「{Shorten(_tokens[i].Text)}」（{_tokens[i].Describe()}）"));
            }

            i++;
        }

        if (i >= end)
        {
            _findings.Add(Finding.Error(RuleIds.P1, "「四、政府信息公开行政复议、行政诉讼情况」表格中未读到数值"));
            return;
        }

        // Blank cells before the first number belong to the data row if they stand in the same row.
        while (i > start && !_tokens[i].StartsRow && CellText.Read(_tokens[i - 1].Text).Status == CellStatus.Blank)
        {
            i--;
        }

        var keys = table.CellKeys;
        var cells = new List<int>(keys.Count);
        var anchor = i;
        for (; i < end; i++)
        {
            if (_tokens[i].StartsRow && cells.Count >= keys.Count)
            {
                break;
            }

            if (!CellText.Read(_tokens[i].Text).IsValue && (_tokens[i].Kind == TokenKind.Paragraph || index.StartsLabel(_norms, i, end)))
            {
                break;
            }

            cells.Add(i);
        }

        foreach (var row in table.DataRows)
        {
            _rowsSeen.Add(row.Path);
        }

        Assign(keys, cells, "「行政复议、行政诉讼」数据行", anchor);
    }

    /// <summary>Puts the cells read for a row into its keys; extra blank cells at either end are Word's merged cells.</summary>
    private void Assign(IReadOnlyList<CellKey> keys, List<int> cells, string rowName, int labelIndex)
    {
        while (cells.Count > keys.Count && CellText.Read(_tokens[cells[^1]].Text).Status == CellStatus.Blank && _norms[cells[^1]].Length == 0 && _tokens[cells[^1]].Text.Trim().Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        while (cells.Count > keys.Count && _tokens[cells[0]].Text.Trim().Length == 0)
        {
            cells.RemoveAt(0);
        }

        var at = _tokens[labelIndex].Describe();
        if (cells.Count > keys.Count)
        {
            var extra = cells.Count - keys.Count;
            _findings.Add(Finding.Warning(RuleIds.P2, $"{rowName}多出{extra.ToString(CultureInfo.InvariantCulture)}个单元格（{at}），已按前{keys.Count.ToString(CultureInfo.InvariantCulture)}个读取"));
            cells.RemoveRange(keys.Count, extra);
        }

        for (var n = 0; n < cells.Count; n++)
        {
            // The 2019 row （六）其他处理 read in a 2021 report has its cells in the 2019 layout only.
            if (_layout.TryGetCell(keys[n], out var cell) || (_singleRows.Count > 0 && SingleOtherRow.TryGetCell(_layout, keys[n], out cell)))
            {
                AssignCell(cell, _tokens[cells[n]]);
            }
        }

        if (cells.Count < keys.Count)
        {
            _findings.Add(Finding.Error(
                RuleIds.P3,
                $"{rowName}应有{keys.Count.ToString(CultureInfo.InvariantCulture)}个数值，只读到{cells.Count.ToString(CultureInfo.InvariantCulture)}个（{at}）",
                [.. keys.Skip(cells.Count).Select(k => k.ToString())]));
        }
    }

    private void AssignCell(CellSpec cell, ReportToken token)
    {
        _sources.Add(new(cell.Key, token));
        var reading = CellText.Read(token.Text);
        switch (reading.Status)
        {
            case CellStatus.Blank:
                _blanks.Add(cell.Key);
                return;
            case CellStatus.Unreadable:
                _findings.Add(Finding.Error(RuleIds.P3, $"{ConsistencyRules.CellLabel(cell)}无法读作数值：「{Shorten(token.Text)}」（{token.Describe()}）", cell.Key));
                return;
        }

        var value = reading.Value;
        if (cell.Kind == CellKind.Amount)
        {
            if (reading.Unit == CellUnit.Yuan)
            {
                value /= 10000m;
                _findings.Add(Finding.Warning(RuleIds.P4, $"{ConsistencyRules.CellLabel(cell)}应以万元为单位：「{token.Text.Trim()}」按{SumRule.Format(value)}万元读取", cell.Key));
            }
            else if (_fourDecimals && value.Scale != 4)
            {
                _findings.Add(Finding.Warning(RuleIds.P4, $"{ConsistencyRules.CellLabel(cell)}应保留四位小数，实为「{token.Text.Trim()}」", cell.Key));
            }
        }

        _values[cell.Key] = value;
    }

    /// <summary>一、总体情况, 五 and 六 as text (the tables' sections carry none of their own).</summary>
    private void ReadTexts(int[] starts, int titleIndex)
    {
        foreach (var spec in _layout.Sections.Where(s => s.TextKey is not null))
        {
            var from = starts[spec.Number] != NoSection ? starts[spec.Number] + 1 : spec.Number == 1 ? titleIndex + 1 : NoSection;
            if (from == NoSection)
            {
                continue;
            }

            var to = NextStart(starts, spec.Number);
            var lines = new List<string>();
            for (var i = Math.Max(from, 0); i < to; i++)
            {
                var text = _tokens[i].Text.Trim();
                if (text.Length > 0)
                {
                    lines.Add(text);
                }
            }

            _texts[spec.TextKey!.Value] = string.Join('\n', lines);
        }
    }

    /// <summary>P1: a section whose tables were not found at all, or rows missing from a table.</summary>
    private void ReportMissingRows()
    {
        foreach (var section in _layout.Tables.GroupBy(t => t.Section))
        {
            var missingBySection = section
                .Select(table => (Table: table, Missing: MissingRows(table), Required: table.DataRows.Count(IsRequired)))
                .ToList();
            if (missingBySection.All(t => t.Missing.Count == t.Required))
            {
                var keys = missingBySection.SelectMany(t => CellKeys(t.Table, t.Missing)).ToArray();
                _findings.Add(Finding.Error(RuleIds.P1, $"缺少「{_layout.Sections[section.Key - 1].Title}」部分的表格", keys));
                continue;
            }

            foreach (var (table, missing, required) in missingBySection.Where(t => t.Missing.Count > 0))
            {
                var name = table.Title ?? _layout.Sections[table.Section - 1].Title;
                var keys = CellKeys(table, missing);
                _findings.Add(missing.Count == required
                    ? Finding.Error(RuleIds.P1, $"缺少表格「{name}」", keys)
                    : Finding.Error(RuleIds.P1, $"表格「{name}」缺少行{string.Join("、", missing.Select(r => "「" + ConsistencyRules.RowLabel(r) + "」"))}", keys));
            }
        }
    }

    /// <summary>A row every report prints: it has cells in the national format (local sub-rows are optional).</summary>
    private static bool IsRequired(RowPath row) => row.Row.HasCells && !row.Row.IsLocalVariant;

    private List<RowPath> MissingRows(TableSpec table) =>
        [.. table.DataRows.Where(r => IsRequired(r) && !_rowsSeen.Contains(r.Path) && !r.Row.Children.Any(c => _rowsSeen.Contains(r.Path + "." + c.Key))
            && !(r.Parent is { } parent && _singleRows.Contains(parent.Path)))];

    private static string[] CellKeys(TableSpec table, List<RowPath> rows) =>
        [.. rows.SelectMany(table.CellKeysOf).Select(k => k.ToString())];

    private string JoinedText(int from, int to) => string.Concat(Enumerable.Range(from, to - from).Select(i => _tokens[i].Text));

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 30 ? trimmed : trimmed[..30] + "…";
    }
}

/// <summary>Labels that only one format prints, to tell a 2019 report from a 2021 one.</summary>
internal static class FormatMarkers
{
    public static readonly HashSet<string> V2019 = Normalized("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "政府集中采购", "其他对外管理服务事项");

    public static readonly HashSet<string> V2021 = Normalized("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "行政规范性文件", "本年收费金额（单位：万元）");

    public static readonly string NoSupplement2021 = LabelText.Normalize("申请人无正当理由逾期不补正");

    public static readonly string OtherHandling = LabelText.Normalize("（六）其他处理");

    private static HashSet<string> Normalized(params string[] labels) => [.. labels.Select(LabelText.Normalize)];
}
