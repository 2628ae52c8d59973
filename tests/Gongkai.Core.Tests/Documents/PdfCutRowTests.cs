using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Tests.Documents;

/// <summary>
/// A table row cut by a page break (Word and WPS let rows break across pages): PDFs drawn here with the writer's own
/// page flow, a ruled table at the foot of page 1 going on at the head of page 2, and read back. The reader joins the
/// row by the positions of its cells, not by the order of the lines; a new row at the head of the page stays a row.
/// </summary>
public sealed class PdfCutRowTests
{
    private const float RowHeight = 24;
    private static readonly float[] LabelAndSeven = [150, 40, 40, 40, 40, 40, 40, 40];
    private static readonly float[] GroupLabelAndSix = [50, 150, 40, 40, 40, 40, 40, 40];
    private static readonly string[] Numbers = ["1", "2", "3", "4", "5", "6", "7"];

    /// <summary>A cell of the test grid: column 0 is the label, 1–7 the numbers.</summary>
    private sealed record Slot(int Row, int Column, string Text, int RowSpan = 1, int ColumnSpan = 1);

    [Fact]
    public void Read_LabelCutByPageBreak_OneRowWithItsNumbersAndPages()
    {
        var pdf = TwoPages(
            [.. Row(0, "（三）不予公开", Numbers), .. Row(1, "（四）无", Blank())],
            [.. Row(0, "法提供", ["11", "12", "13", "14", "15", "16", "17"]), .. Row(1, "（五）不予处理", Numbers)]);

        var rows = Rows(PdfReportReader.Read(pdf));

        Assert.Equal(["（三）不予公开", "（四）无法提供", "（五）不予处理"], rows.Select(r => r[0].Text));
        var cut = rows[1];
        Assert.Equal(["11", "12", "13", "14", "15", "16", "17"], cut.Skip(1).Select(t => t.Text));
        Assert.Equal(1, cut[0].Page);
        Assert.All(cut.Skip(1), t => Assert.Equal(2, t.Page));
        // One table over both pages, its rows numbered on.
        Assert.All(rows.SelectMany(r => r), t => Assert.Equal(1, t.Table));
        Assert.Equal([1, 2, 3], rows.Select(r => r[0].Row));
    }

    [Fact]
    public void Read_NumbersCutByPageBreak_JoinedUnderTheirColumns()
    {
        var pdf = TwoPages(
            [.. Row(0, "（四）无法提供", ["1", "2", "3", "", "", "", ""])],
            [.. Row(0, "", ["", "", "", "4", "5", "6", "7"]), .. Row(1, "（五）不予处理", Numbers)]);

        var rows = Rows(PdfReportReader.Read(pdf));

        Assert.Equal(2, rows.Count);
        Assert.Equal(["（四）无法提供", "1", "2", "3", "4", "5", "6", "7"], rows[0].Select(t => t.Text));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2], rows[0].Select(t => t.Page));
    }

    [Fact]
    public void Read_MergedGroupCellCarriedOverTheBreak_LeftOut()
    {
        // The group's cell (rows merged down column 0) goes on empty at the head of page 2, beside the rest of the row.
        Slot[] page1 = [new(0, 0, "不予公开", RowSpan: 2), .. Row(0, "1.属于国家秘密", Numbers[..6], from: 1), .. Row(1, "2.其他法律", Blank(6), from: 1)];
        Slot[] page2 =
        [
            new(0, 0, "", RowSpan: 2),
            .. Row(0, "行政法规禁止公开", ["21", "22", "23", "24", "25", "26"], from: 1),
            .. Row(1, "3.危及“三安全一稳定”", Numbers[..6], from: 1),
        ];

        var rows = Rows(PdfReportReader.Read(TwoPages(page1, page2, GroupLabelAndSix, GroupLabelAndSix)));

        Assert.Equal(3, rows.Count);
        Assert.Equal(["2.其他法律行政法规禁止公开", "21", "22", "23", "24", "25", "26"], rows[1].Select(t => t.Text));
        Assert.Equal("3.危及“三安全一稳定”", rows[2][0].Text);
    }

    [Fact]
    public void Read_GroupLabelCutAboveRowsOfTheirOwn_LabelJoinedRowsKept()
    {
        // 淮安市 2024: the group's merged label “（四）无法提供” breaks after “（四）无”; its next sub-row starts page 2.
        Slot[] page1 = [.. Row(0, "（四）无", ["1.本机关不掌握", "1", "2", "3", "4", "5", "6"])];
        Slot[] page2 = [new(0, 0, "法提供", RowSpan: 2), .. Row(0, "2.没有现成信息", Numbers[..6], from: 1), .. Row(1, "3.补正后不明确", Numbers[..6], from: 1)];

        var tokens = PdfReportReader.Read(TwoPages(page1, page2, GroupLabelAndSix, GroupLabelAndSix));
        var rows = Rows(tokens);

        Assert.Equal(["（四）无法提供", "1.本机关不掌握"], rows[0].Take(2).Select(t => t.Text));
        Assert.Equal(["", "2.没有现成信息", "1"], rows[1].Take(3).Select(t => t.Text));
        Assert.Equal("3.补正后不明确", rows[2][0].Text);
        Assert.DoesNotContain(tokens, t => t.Text.Contains("法提供", StringComparison.Ordinal) && t.Text != "（四）无法提供");
        Assert.Equal([1, 2, 3], rows.Select(r => r[0].Row));
    }

    [Fact]
    public void Read_NewRowAtHeadOfPage_NotJoinedToTheHeaderRowBefore()
    {
        // A group's header row with empty cells ends page 1; page 2 starts with a numbered row of its own.
        var pdf = TwoPages([.. Row(0, "（三）不予公开", Blank())], [.. Row(0, "1.属于国家秘密", Numbers)]);

        var rows = Rows(PdfReportReader.Read(pdf));

        Assert.Equal(["（三）不予公开", "1.属于国家秘密"], rows.Select(r => r[0].Text));
        Assert.Equal(["", "", "", "", "", "", ""], rows[0].Skip(1).Select(t => t.Text));
        Assert.Equal([1, 2], rows.Select(r => r[0].Row));
    }

    [Fact]
    public void Read_FullRowThenFullRow_BothKept()
    {
        var pdf = TwoPages([.. Row(0, "（一）予以公开", Numbers)], [.. Row(0, "（二）部分公开", ["8", "9", "10", "11", "12", "13", "14"])]);

        var rows = Rows(PdfReportReader.Read(pdf));

        Assert.Equal(["（一）予以公开", "（二）部分公开"], rows.Select(r => r[0].Text));
        Assert.Equal("14", rows[1][^1].Text);
    }

    [Fact]
    public void Read_OtherColumnsOnNextPage_AnotherTable()
    {
        var pdf = TwoPages([.. Row(0, "（四）无", Blank())], [.. Row(0, "法提供", Numbers)], second: [120, 40, 40, 40, 40, 40, 40, 40]);

        var tokens = PdfReportReader.Read(pdf);

        Assert.Equal([1, 2], tokens.Where(t => t.Kind == TokenKind.Cell).Select(t => t.Table).Distinct());
        Assert.Contains(tokens, t => t.Text == "（四）无");
    }

    [Fact]
    public void Read_TextBetweenTheTables_TwoTables()
    {
        var pdf = TwoPages([.. Row(0, "（四）无", Blank())], [.. Row(0, "法提供", Numbers)], headOfPage2: "四、政府信息公开行政复议、行政诉讼情况");

        var tokens = PdfReportReader.Read(pdf);

        Assert.Contains(tokens, t => t.Text == "法提供" && t.Table == 2 && t.Page == 2);
        var heading = Assert.Single(tokens, t => t.Kind == TokenKind.Paragraph && t.Text.StartsWith("四、", StringComparison.Ordinal));
        Assert.Equal(2, heading.Page);
    }

    private static string[] Blank(int count = 7) => [.. Enumerable.Repeat("", count)];

    private static Slot[] Row(int row, string label, string[] values, int from = 0) =>
        [new(row, from, label), .. values.Select((v, n) => new Slot(row, from + 1 + n, v))];

    /// <summary>The cell tokens by row, each row its cells left to right.</summary>
    private static List<List<ReportToken>> Rows(List<ReportToken> tokens)
    {
        var rows = new List<List<ReportToken>>();
        foreach (var token in tokens.Where(t => t.Kind == TokenKind.Cell))
        {
            if (token.StartsRow || rows.Count == 0)
            {
                rows.Add([]);
            }

            rows[^1].Add(token);
        }

        return rows;
    }

    /// <summary>Page 1: a heading and a table whose last row stands at the foot of the page; page 2: a table at the head.</summary>
    private static byte[] TwoPages(Slot[] page1, Slot[] page2, float[]? first = null, float[]? second = null, string? headOfPage2 = null)
    {
        var flow = new PdfPageFlow();
        var faces = PdfFaces.Get();
        using var font = new PdfFont(faces, faces.Serif, 10.5f, flow.Characters);
        Text(flow.Pages[0], font, PdfPageFlow.Left, PdfPageFlow.Top + 16, "三、收到和处理政府信息公开申请情况");
        var rows1 = page1.Max(s => s.Row + s.RowSpan);
        Table(flow.Pages[0], font, PdfPageFlow.Bottom - (rows1 * RowHeight), first ?? LabelAndSeven, page1);

        flow.Pages.Add([]);
        var top = PdfPageFlow.Top;
        if (headOfPage2 is not null)
        {
            Text(flow.Pages[1], font, PdfPageFlow.Left, top + 16, headOfPage2);
            top += 40;
        }

        Table(flow.Pages[1], font, top, second ?? first ?? LabelAndSeven, page2);
        flow.NumberPages(font);
        return flow.Render("cut row");
    }

    private static void Table(List<PdfOp> page, PdfFont font, float top, float[] widths, Slot[] slots)
    {
        float X(int column) => PdfPageFlow.Left + widths.Take(column).Sum();
        foreach (var slot in slots)
        {
            var left = X(slot.Column);
            var width = X(slot.Column + slot.ColumnSpan) - left;
            var y = top + (slot.Row * RowHeight);
            page.Add(new PdfOp(left, y, Width: width, Height: slot.RowSpan * RowHeight));
            if (slot.Text.Length > 0)
            {
                Text(page, font, left + 3, y + 16, slot.Text);
            }
        }
    }

    private static void Text(List<PdfOp> page, PdfFont font, float x, float baseline, string text)
    {
        font.Measure(text);
        page.Add(new PdfOp(x, baseline, text, font));
    }
}
