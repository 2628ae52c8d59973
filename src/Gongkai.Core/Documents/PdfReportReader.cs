using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.AnnualReports.Parsing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Gongkai.Core.Documents;

/// <summary>
/// Reads a PDF's text layer into report tokens. A PDF has no paragraphs or cells, only letters at positions and
/// ruled lines, so both are rebuilt: the ruled lines give each table's grid and its merged cells (a border that is
/// missing joins two slots), the letters inside a cell are its text; outside the tables letters on one baseline
/// make a line, and lines make a paragraph when the line before runs to the right margin and this one is not
/// indented (or both are centred, as a title broken over lines is). Page numbers (“— 3 —”) are left out. A table
/// that a page break cuts goes on as one table when the next page starts with the same columns, and a row that the
/// break cuts is joined again by its cells' positions (<see cref="PdfReading"/>). Every token knows its page.
/// Works on our own PDFs and on Word/LibreOffice exports; a scanned PDF has no text and cannot be read.
/// </summary>
public static partial class PdfReportReader
{
    private const string BadFile = "无法读取PDF文件：文件已损坏或不是PDF文档";

    public static List<ReportToken> Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { FilterProvider = new PdfStreamLimits() });
            if (document.NumberOfPages > ReadLimits.MaxPdfPages)
            {
                throw ReadLimits.Refuse($"PDF有{document.NumberOfPages.ToString(CultureInfo.InvariantCulture)}页，超过{ReadLimits.MaxPdfPages.ToString(CultureInfo.InvariantCulture)}页",
                    $"The PDF has {document.NumberOfPages} pages, over the limit of {ReadLimits.MaxPdfPages}.");
            }

            var reading = new PdfReading();
            foreach (var page in document.GetPages())
            {
                reading.Page(page);
            }

            if (!reading.HasText)
            {
                throw new ReportReadException("PDF文件中没有可提取的文字（可能是扫描件或图片），无法读取年度报告");
            }

            return reading.Finish();
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ReportReadException("PDF文件已加密，无法读取，请提供未加密的文件", ex);
        }
        catch (Exception ex) when (ex is not ReportReadException and not OutOfMemoryException)
        {
            // PdfPig reports bad bytes as many exception types (its own, format, index, null reference).
            throw new ReportReadException(BadFile, ex);
        }
    }

    /// <summary>“— 3 —”, “-3-”, “第3页”: a page number line, in any dash (Noto CJK maps — and ― to one glyph).</summary>
    [GeneratedRegex(@"^\s*(?:[—―－–\-]+\s*\d{1,4}\s*[—―－–\-]+|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*$")]
    private static partial Regex PageNumber();

    /// <summary>
    /// Letters of a PDF font without its own text map come out as the Kangxi radical or compatibility ideograph
    /// that shares the glyph (Skia and Noto CJK give ⼯ U+2F2F for 工). Only those blocks are NFKC-normalised:
    /// NFKC on the whole text would also turn the full-width punctuation of Chinese (，：（）) into ASCII.
    /// </summary>
    internal static string Normalize(string value)
    {
        foreach (var c in value)
        {
            if (c is (>= '\u2E80' and <= '\u2FDF') or (>= '\uF900' and <= '\uFAFF'))
            {
                return LabelText.Nfkc(value);
            }
        }

        return value;
    }

    /// <summary>A letter reduced to what the layout needs, in page coordinates (y grows upwards).</summary>
    private readonly record struct Glyph(string Value, double Left, double Right, double Baseline, double Size, string Font)
    {
        public double CentreX => (Left + Right) / 2;

        /// <summary>The middle of a CJK glyph body: about a third of the size above the baseline.</summary>
        public double CentreY => Baseline + (Size * 0.35);
    }

    /// <summary>A line of running text outside the tables.</summary>
    private sealed record TextLine(string Text, double Left, double Right, double Baseline, double Size, string Font, int Page, double PageWidth);

    /// <summary>The numbering that starts a row's label (（四） 1. 一、): the first cell of a new row, not the rest of a broken one.</summary>
    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])")]
    private static partial Regex RowNumbering();

    /// <summary>What the first row of a table's next page gave to the row that the page break cut.</summary>
    private enum CutRow
    {
        /// <summary>Nothing: the row is a row of its own.</summary>
        None,

        /// <summary>The whole first row was the cut row's rest: it is not a row of its own.</summary>
        Joined,

        /// <summary>Only the rest of a (group) label went up: the first row is a row of its own.</summary>
        LabelsJoined,
    }

    private sealed class PdfReading
    {
        private readonly List<ReportToken> _tokens = new(capacity: 512);
        private readonly List<object> _items = [];
        private int _tables;

        /// <summary>The table just added while nothing has followed it: the next page's first table may go on with it.</summary>
        private PdfTable? _open;

        /// <summary>Rows numbered so far in the open table (over all its pages).</summary>
        private int _openRows;

        /// <summary>The open table's last row: its cells by grid column, each with its span and its token.</summary>
        private readonly Dictionary<int, (int Span, int Token)> _lastRow = [];

        /// <summary>Letters on the pages so far.</summary>
        private int _letters;

        public bool HasText { get; private set; }

        public void Page(Page page)
        {
            // Before the layout, whose work grows faster than the letters: a page of 2 million letters took 20 s.
            _letters += page.Letters.Count;
            if (page.Letters.Count > ReadLimits.MaxPdfPageLetters || _letters > ReadLimits.MaxPdfLetters)
            {
                throw ReadLimits.Refuse($"PDF文字过多（第{page.Number.ToString(CultureInfo.InvariantCulture)}页）",
                    $"The PDF has {page.Letters.Count} letters on page {page.Number} and {_letters} up to it, over the limits of {ReadLimits.MaxPdfPageLetters} and {ReadLimits.MaxPdfLetters}.");
            }

            var actual = new PdfActualTexts(page);
            var glyphs = page.Letters
                .Select(l => (Letter: l, Value: actual.Of(l) ?? Normalize(l.Value)))
                .Where(t => t.Value.Length > 0)
                .Select(t => (t.Value, l: t.Letter))
                .Select(t => new Glyph(t.Value, t.l.StartBaseLine.X, Math.Max(t.l.EndBaseLine.X, t.l.StartBaseLine.X + t.l.Width), t.l.StartBaseLine.Y,
                    t.l.PointSize > 0 ? t.l.PointSize : t.l.FontSize, t.l.FontName ?? ""))
                .ToList();
            HasText |= glyphs.Any(g => !string.IsNullOrWhiteSpace(g.Value));
            var tables = PdfTable.Find(page, page.Number);
            var outside = new List<Glyph>(glyphs.Count);
            foreach (var glyph in glyphs)
            {
                if (!tables.Any(t => t.Take(glyph.CentreX, glyph.CentreY, glyph)))
                {
                    outside.Add(glyph);
                }
            }

            // Reading order: from the top of the page down, tables and lines interleaved.
            var blocks = tables.Select(t => (Top: t.Top, Item: (object)t))
                .Concat(Lines(outside, page.Number, page.Width).Select(l => (Top: l.Baseline + l.Size, Item: (object)l)))
                .OrderByDescending(b => b.Top);
            _items.AddRange(blocks.Select(b => b.Item));
        }

        public List<ReportToken> Finish()
        {
            var lines = _items.OfType<TextLine>().ToList();
            // The text area: a short report's lines may none of them reach the right margin, but its tables do.
            var left = lines.Select(l => l.Left).Concat(_items.OfType<PdfTable>().Select(t => t.Left)).DefaultIfEmpty(0).Min();
            var right = lines.Select(l => l.Right).Concat(_items.OfType<PdfTable>().Select(t => t.Right)).DefaultIfEmpty(0).Max();
            TextLine? previous = null;
            var paragraph = new StringBuilder();
            var paragraphPage = 0;
            foreach (var item in _items)
            {
                if (item is TextLine line)
                {
                    if (previous is not null && !Continues(previous, line, left, right))
                    {
                        Flush(paragraph, paragraphPage);
                    }

                    paragraphPage = paragraph.Length == 0 ? line.Page : paragraphPage;
                    paragraph.Append(line.Text);
                    previous = line;
                    _open = null;
                    continue;
                }

                Flush(paragraph, paragraphPage);
                previous = null;
                AddTable((PdfTable)item);
            }

            Flush(paragraph, paragraphPage);
            return _tokens;
        }

        private void Flush(StringBuilder paragraph, int page)
        {
            var text = paragraph.ToString().Trim();
            if (text.Length > 0)
            {
                _tokens.Add(new ReportToken(text, TokenKind.Paragraph, StartsRow: true, Page: page));
            }

            paragraph.Clear();
        }

        /// <summary>
        /// The next line goes on the same paragraph: same font and size, the usual line pitch (or the next page), and
        /// either the line before reaches the right margin and this one starts at the left one, or this one is
        /// centred after a centred or full one. A heading stands apart by its font, or (where fonts have no names,
        /// as Skia's Type 3 fonts) by the space before it.
        /// </summary>
        private static bool Continues(TextLine before, TextLine line, double left, double right)
        {
            var size = line.Size;
            if (Math.Abs(before.Size - size) > 0.5 || before.Font != line.Font)
            {
                return false;
            }

            if (before.Page == line.Page)
            {
                var pitch = before.Baseline - line.Baseline;
                if (pitch < 0.9 * size || pitch > 1.9 * size)
                {
                    return false;
                }
            }

            var full = before.Right >= right - (2.5 * size);
            var flush = line.Left <= left + (0.5 * size);
            // A centred title's first line may be a full one.
            return (full && flush) || ((full || Centred(before, left)) && Centred(line, left));
        }

        /// <summary>Centred on the page (the 公文 margins differ by 2 mm), and not starting at the left margin.</summary>
        private static bool Centred(TextLine line, double left) =>
            line.Left - left > line.Size && Math.Abs(((line.Left + line.Right) / 2) - (line.PageWidth / 2)) <= 1.5 * line.Size;

        /// <summary>
        /// The table's cells as tokens. A table that starts the page after the open one, with nothing between them and
        /// the same column borders, is the same table cut by the page break: its rows go on under the same number, and
        /// a first row that holds the rest of the open table's last row (<see cref="JoinCutRow"/>) is joined to it.
        /// </summary>
        private void AddTable(PdfTable table)
        {
            var continues = _open is { } before && table.Page == before.Page + 1 && table.SameColumns(before);
            var number = continues ? _tables : ++_tables;
            _openRows = continues ? _openRows : 0;
            var rowBase = _openRows;
            var texts = table.Cells.ToDictionary(c => c, c => JoinLines(c.Glyphs, spaces: false));
            var cleared = new HashSet<PdfCell>();
            var skipFirst = continues && JoinCutRow(table, texts, cleared) == CutRow.Joined;
            if (skipFirst)
            {
                rowBase--;
            }
            else if (!continues)
            {
                _lastRow.Clear();
            }

            var lastGridRow = table.Cells.Count > 0 ? table.Cells.Max(c => c.Row) : -1;
            var lastRow = -1;
            var column = 0;
            foreach (var cell in table.Cells)
            {
                if (skipFirst && cell.Row == 0)
                {
                    continue;
                }

                if (cell.Row == lastGridRow && cell.Row != lastRow)
                {
                    _lastRow.Clear();
                }

                var startsRow = cell.Row != lastRow;
                column = startsRow ? 1 : column + 1;
                lastRow = cell.Row;
                var row = rowBase + cell.Row + 1;
                _openRows = Math.Max(_openRows, row);
                if (cell.Row == lastGridRow)
                {
                    _lastRow[cell.Column] = (cell.Span, _tokens.Count);
                }

                var text = cleared.Contains(cell) ? "" : texts[cell];
                _tokens.Add(new ReportToken(text, TokenKind.Cell, startsRow, Table: number, Row: row, Column: column, Page: table.Page));
            }

            _open = table;
        }

        /// <summary>
        /// What the page break cut, read from the next page's first row against the open table's last row, cell by
        /// cell under the same column and span: a number or text below an empty cell fills it (a row whose numbers
        /// went on to the next page); words below a label, before anything else in the row, are the rest of that label
        /// (a label, or a group's merged label, broken by the page), unless they are a number or start with a new
        /// row's numbering (（五） 1.); anything else is the row's own. A first row of fills and rests only is the
        /// cut row's rest (<see cref="CutRow.Joined"/>); a row of its own keeps its place, its leading rests joined to
        /// their labels and left out of it (<paramref name="cleared"/>). Returns what was joined.
        /// </summary>
        private CutRow JoinCutRow(PdfTable table, Dictionary<PdfCell, string> texts, HashSet<PdfCell> cleared)
        {
            var joins = new List<(PdfCell Cell, int Token, string Text, bool LabelRest)>();
            var ownText = false;
            foreach (var cell in table.Cells.Where(c => c.Row == 0))
            {
                var text = texts[cell];
                if (text.Length == 0)
                {
                    continue;
                }

                var above = _lastRow.TryGetValue(cell.Column, out var a) && a.Span == cell.Span ? _tokens[a.Token].Text : null;
                var rest = above is { Length: > 0 } && joins.TrueForAll(j => j.LabelRest) && !CellText.Read(above).IsValue && !CellText.Read(text).IsValue
                    && !RowNumbering().IsMatch(text);
                if (above is null || (above.Length > 0 && !rest))
                {
                    ownText = true;
                    break;
                }

                joins.Add((cell, a.Token, text, rest));
            }

            if (ownText)
            {
                // A row of its own: only the rests of labels before its own text go up.
                joins = [.. joins.TakeWhile(j => j.LabelRest)];
            }

            foreach (var (cell, token, text, _) in joins)
            {
                var above = _tokens[token];
                _tokens[token] = above with { Text = above.Text + text, Page = above.Text.Length == 0 ? table.Page : above.Page };
                cleared.Add(cell);
            }

            return joins.Count == 0 ? CutRow.None : ownText ? CutRow.LabelsJoined : CutRow.Joined;
        }

        /// <summary>Letters on one baseline make a line; page numbers are dropped.</summary>
        private static IEnumerable<TextLine> Lines(List<Glyph> glyphs, int page, double pageWidth)
        {
            foreach (var line in GroupLines(glyphs))
            {
                var text = LineText(line, spaces: true);
                if (text.Trim().Length == 0 || PageNumber().IsMatch(text))
                {
                    continue;
                }

                var printed = line.Where(g => !string.IsNullOrWhiteSpace(g.Value)).ToList();
                yield return new TextLine(text, printed.Min(g => g.Left), printed.Max(g => g.Right), line[0].Baseline, printed.Max(g => g.Size),
                    MostUsed(printed.Select(g => g.Font)), page, pageWidth);
            }
        }

        private static string MostUsed(IEnumerable<string> values) =>
            values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;

        /// <summary>A cell's lines joined without a separator: “（三）不予” + “公开” is one label.</summary>
        private static string JoinLines(List<Glyph> glyphs, bool spaces) =>
            string.Concat(GroupLines(glyphs).Select(l => LineText(l, spaces))).Trim();

        /// <summary>Letters grouped by baseline (top line first), each line from left to right.</summary>
        private static List<List<Glyph>> GroupLines(List<Glyph> glyphs)
        {
            var lines = new List<List<Glyph>>();
            foreach (var glyph in glyphs.OrderByDescending(g => g.Baseline))
            {
                var line = lines.Count > 0 ? lines[^1] : null;
                if (line is not null && Math.Abs(line[0].Baseline - glyph.Baseline) <= 0.3 * Math.Max(glyph.Size, 1))
                {
                    line.Add(glyph);
                }
                else
                {
                    lines.Add([glyph]);
                }
            }

            foreach (var line in lines)
            {
                line.Sort((a, b) => a.Left.CompareTo(b.Left));
            }

            return lines;
        }

        /// <summary>
        /// The line's letters in order. Where a PDF positions words without a space letter, a gap wider than half a
        /// character stands for one (only in running text: a cell's text is never spaced by layout).
        /// </summary>
        private static string LineText(List<Glyph> line, bool spaces)
        {
            var sb = new StringBuilder();
            Glyph? before = null;
            foreach (var glyph in line)
            {
                if (spaces && before is { } b && !string.IsNullOrWhiteSpace(b.Value) && !string.IsNullOrWhiteSpace(glyph.Value)
                    && glyph.Left - b.Right > 0.5 * glyph.Size)
                {
                    sb.Append(' ');
                }

                sb.Append(glyph.Value);
                before = glyph;
            }

            return sb.ToString();
        }
    }

    /// <summary>A ruled table on one page: its grid of border positions, and its cells with the letters inside.</summary>
    private sealed class PdfTable
    {
        // Borders closer than this are one border (Word draws a cell's border and its neighbour's).
        private const double Tolerance = 1.5;

        private readonly double[] _xs;
        private readonly double[] _ys;
        private readonly PdfCell?[,] _owners;

        private PdfTable(double[] xs, double[] ys, PdfCell?[,] owners, List<PdfCell> cells, int page)
        {
            _xs = xs;
            _ys = ys;
            _owners = owners;
            Cells = cells;
            Page = page;
        }

        /// <summary>The 1-based page the table is drawn on.</summary>
        public int Page { get; }

        /// <summary>Whether the two tables have the same column borders: one table cut by a page break.</summary>
        public bool SameColumns(PdfTable other) =>
            _xs.Length == other._xs.Length && _xs.Zip(other._xs).All(p => Math.Abs(p.First - p.Second) <= 2 * Tolerance);

        /// <summary>In reading order: by the row of their top slot, then left to right.</summary>
        public List<PdfCell> Cells { get; }

        public double Top => _ys[0];

        public double Left => _xs[0];

        public double Right => _xs[^1];

        /// <summary>Takes a letter whose centre lies inside the table into the cell that holds it.</summary>
        public bool Take(double x, double y, Glyph glyph)
        {
            if (x < _xs[0] || x > _xs[^1] || y > _ys[0] || y < _ys[^1])
            {
                return false;
            }

            var column = Band(_xs, x, ascending: true);
            var row = Band(_ys, y, ascending: false);
            _owners[row, column]?.Glyphs.Add(glyph);
            return true;
        }

        private static int Band(double[] edges, double value, bool ascending)
        {
            for (var i = 0; i < edges.Length - 2; i++)
            {
                if (ascending ? value < edges[i + 1] : value > edges[i + 1])
                {
                    return i;
                }
            }

            return edges.Length - 2;
        }

        /// <summary>The tables of a page: groups of horizontal and vertical rules that cross each other.</summary>
        public static List<PdfTable> Find(Page page, int number)
        {
            var (horizontal, vertical) = Rules(page);
            horizontal = Merge(horizontal);
            vertical = Merge(vertical);
            var all = horizontal.Select(s => (Segment: s, Horizontal: true)).Concat(vertical.Select(s => (Segment: s, Horizontal: false))).ToList();
            var parent = Enumerable.Range(0, all.Count).ToArray();
            int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
            for (var i = 0; i < horizontal.Count; i++)
            {
                for (var j = horizontal.Count; j < all.Count; j++)
                {
                    if (Crosses(all[i].Segment, all[j].Segment))
                    {
                        parent[Root(i)] = Root(j);
                    }
                }
            }

            var tables = new List<PdfTable>();
            foreach (var group in Enumerable.Range(0, all.Count).GroupBy(Root))
            {
                var h = group.Where(i => all[i].Horizontal).Select(i => all[i].Segment).ToList();
                var v = group.Where(i => !all[i].Horizontal).Select(i => all[i].Segment).ToList();
                if (h.Count >= 2 && v.Count >= 2 && Build(h, v, number) is { } table)
                {
                    tables.Add(table);
                }
            }

            return tables;
        }

        /// <summary>A horizontal rule at <see cref="Segment.At"/> from From to To, or a vertical one.</summary>
        private readonly record struct Segment(double At, double From, double To);

        private static bool Crosses(Segment h, Segment v) =>
            v.At >= h.From - Tolerance && v.At <= h.To + Tolerance && h.At >= v.From - Tolerance && h.At <= v.To + Tolerance;

        /// <summary>
        /// Axis-parallel strokes, and thin filled rectangles (how some programs draw borders). A filled wide
        /// rectangle is shading, not a border; a stroked rectangle gives its four sides.
        /// </summary>
        private static (List<Segment> Horizontal, List<Segment> Vertical) Rules(Page page)
        {
            var horizontal = new List<Segment>();
            var vertical = new List<Segment>();
            void Add(PdfPoint a, PdfPoint b)
            {
                if (Math.Abs(a.Y - b.Y) <= 0.5 && Math.Abs(a.X - b.X) > Tolerance)
                {
                    horizontal.Add(new Segment((a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
                }
                else if (Math.Abs(a.X - b.X) <= 0.5 && Math.Abs(a.Y - b.Y) > Tolerance)
                {
                    vertical.Add(new Segment((a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
                }
            }

            foreach (var path in page.Paths.Where(p => p.IsStroked || p.IsFilled))
            {
                foreach (var subpath in path)
                {
                    var box = subpath.GetBoundingRectangle();
                    if (path.IsFilled && !path.IsStroked && box is { } r)
                    {
                        if (r.Height <= 2.5 && r.Width > Tolerance)
                        {
                            horizontal.Add(new Segment((r.Bottom + r.Top) / 2, r.Left, r.Right));
                        }
                        else if (r.Width <= 2.5 && r.Height > Tolerance)
                        {
                            vertical.Add(new Segment((r.Left + r.Right) / 2, r.Bottom, r.Top));
                        }

                        continue;
                    }

                    PdfPoint? start = null;
                    PdfPoint? current = null;
                    foreach (var command in subpath.Commands)
                    {
                        switch (command)
                        {
                            case PdfSubpath.Move move:
                                start = current = move.Location;
                                break;
                            case PdfSubpath.Line line:
                                Add(line.From, line.To);
                                current = line.To;
                                break;
                            case PdfSubpath.Close when start is { } s && current is { } c:
                                Add(c, s);
                                current = s;
                                break;
                            case PdfSubpath.BezierCurve curve:
                                current = curve.EndPoint;
                                break;
                        }
                    }
                }
            }

            return (horizontal, vertical);
        }

        /// <summary>Rules on one line (within the tolerance) that touch or overlap become one.</summary>
        private static List<Segment> Merge(List<Segment> segments)
        {
            var merged = new List<Segment>();
            foreach (var line in Cluster(segments.Select(s => s.At)).Select(at => segments.Where(s => Math.Abs(s.At - at) <= Tolerance).OrderBy(s => s.From)))
            {
                Segment? open = null;
                foreach (var s in line)
                {
                    if (open is { } o && s.From <= o.To + Tolerance)
                    {
                        open = o with { To = Math.Max(o.To, s.To) };
                    }
                    else
                    {
                        if (open is { } done)
                        {
                            merged.Add(done);
                        }

                        open = s;
                    }
                }

                if (open is { } last)
                {
                    merged.Add(last);
                }
            }

            return merged;
        }

        /// <summary>Positions within the tolerance of each other as one (their mean), ascending.</summary>
        private static List<double> Cluster(IEnumerable<double> values)
        {
            var clusters = new List<List<double>>();
            foreach (var value in values.Order())
            {
                if (clusters.Count > 0 && value - clusters[^1][^1] <= Tolerance)
                {
                    clusters[^1].Add(value);
                }
                else
                {
                    clusters.Add([value]);
                }
            }

            return [.. clusters.Select(c => c.Average())];
        }

        /// <summary>
        /// The grid from every rule position; a slot whose right (or bottom) border is missing is one cell with its
        /// neighbour, as a merged cell of Word or HTML.
        /// </summary>
        private static PdfTable? Build(List<Segment> horizontal, List<Segment> vertical, int page)
        {
            var xs = Cluster(vertical.Select(s => s.At)).ToArray();
            var ys = Cluster(horizontal.Select(s => s.At)).OrderDescending().ToArray();
            var columns = xs.Length - 1;
            var rows = ys.Length - 1;
            if (columns < 1 || rows < 1)
            {
                return null;
            }

            bool HasVertical(int x, int row)
            {
                var mid = (ys[row] + ys[row + 1]) / 2;
                return vertical.Any(s => Math.Abs(s.At - xs[x]) <= Tolerance && s.From <= mid && s.To >= mid);
            }

            bool HasHorizontal(int y, int column)
            {
                var mid = (xs[column] + xs[column + 1]) / 2;
                return horizontal.Any(s => Math.Abs(s.At - ys[y]) <= Tolerance && s.From <= mid && s.To >= mid);
            }

            var owners = new PdfCell?[rows, columns];
            var cells = new List<PdfCell>();
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    if (owners[r, c] is not null)
                    {
                        continue;
                    }

                    var colSpan = 1;
                    while (c + colSpan < columns && !HasVertical(c + colSpan, r) && owners[r, c + colSpan] is null)
                    {
                        colSpan++;
                    }

                    var rowSpan = 1;
                    while (r + rowSpan < rows && Enumerable.Range(c, colSpan).All(k => !HasHorizontal(r + rowSpan, k) && owners[r + rowSpan, k] is null))
                    {
                        rowSpan++;
                    }

                    var cell = new PdfCell(r, c, colSpan);
                    cells.Add(cell);
                    for (var i = r; i < r + rowSpan; i++)
                    {
                        for (var k = c; k < c + colSpan; k++)
                        {
                            owners[i, k] = cell;
                        }
                    }
                }
            }

            return new PdfTable(xs, ys, owners, cells, page);
        }
    }

    /// <summary>A cell: the grid row and column of its top left slot, the columns it spans, and the letters inside it.</summary>
    private sealed class PdfCell(int row, int column, int span)
    {
        public int Row { get; } = row;

        public int Column { get; } = column;

        public int Span { get; } = span;

        public List<Glyph> Glyphs { get; } = [];
    }
}
