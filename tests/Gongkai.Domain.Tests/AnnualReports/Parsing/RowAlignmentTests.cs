using System.Globalization;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Domain.Tests.AnnualReports.Parsing;

/// <summary>
/// Rows of table 三 known by their place as much as by their words (annual-report-format.md §9), on token streams
/// shaped as the real reports print them: a typo, a label split by a page break, a label wrapped around its numbers,
/// “1、” numbering, the 2019 single row （六）其他处理 in a 2021 report — and a row really missing or really unknown.
/// </summary>
public sealed class RowAlignmentTests
{
    [Fact]
    public void Parse_TypoInLabelInItsPlace_ReadAsThatRowWithP2NamingBoth()
    {
        var report = new TableThree().Relabel(Prohibited, "2.其他法律行政止公开");

        var parsed = report.Parse();

        Assert.Equal(1m, parsed.Report.Values["requests.withheld.prohibitedByLaw.naturalPerson"]);
        Assert.Equal(1m, parsed.Report.Values["requests.withheld.prohibitedByLaw.total"]);
        var p2 = Assert.Single(parsed.Findings);
        Assert.Equal((RuleIds.P2, Severity.Warning), (p2.Rule, p2.Severity));
        Assert.Contains("2.其他法律行政止公开", p2.Message, StringComparison.Ordinal);
        Assert.Contains("2.其他法律行政法规禁止公开", p2.Message, StringComparison.Ordinal);
        Assert.Empty(ConsistencyRules.Check(parsed.Report));
    }

    [Fact]
    public void Parse_GroupLabelSplitByAPageBreak_JoinedWithoutFindings()
    {
        // “（四）无” ends page 4 beside its first sub-row; “法提供” opens page 5 in the next table, after an empty cell.
        var report = new TableThree()
            .Replace(NotHeld, ["（四）无", "1.本机关不掌握相关政府信息", .. Values(1)])
            .Replace(NeedsCreation, ["", "法提供", "2.没有现成信息需要另行制作", .. Values(0)], newTable: true);

        var parsed = report.Parse();

        Assert.Empty(parsed.Findings);
        Assert.Equal(1m, parsed.Report.Values["requests.cannotProvide.notHeld.total"]);
        Assert.Equal(0m, parsed.Report.Values["requests.cannotProvide.needsCreation.naturalPerson"]);
    }

    [Fact]
    public void Parse_GroupLabelCutShortAndNeverCompleted_ReadByPlaceWithP2()
    {
        var parsed = new TableThree().Replace(NotHeld, ["（四）无", "1.本机关不掌握相关政府信息", .. Values(1)]).Parse();

        var p2 = Assert.Single(parsed.Findings);
        Assert.Equal(RuleIds.P2, p2.Rule);
        Assert.Contains("「（四）无」", p2.Message, StringComparison.Ordinal);
        Assert.Contains("（四）无法提供", p2.Message, StringComparison.Ordinal);
        Assert.Equal(1m, parsed.Report.Values["requests.cannotProvide.notHeld.total"]);
    }

    [Fact]
    public void Check_2019SingleOtherRowBlankIn2021Report_R5NamesIt()
    {
        var parsed = new TableThree().SingleOtherRow(1).Replace("（六）其他处理", ["（六）其他处理", "", "1", "0", "0", "0", "0", "", "1"]).Parse();

        var r5 = Assert.Single(ConsistencyRules.Check(parsed.Report), f => f.Rule == RuleIds.R5);
        Assert.Equal(["requests.other.otherOrganization"], r5.Cells);
    }

    [Fact]
    public void Parse_LabelWrappedAroundItsNumbers_ReadWhole()
    {
        // The label's cell breaks after 重新出具; its last line comes below the row's numbers.
        var report = new TableThree().Replace(ConfirmOrReissue, ["5.要求行政机关确认或重新出具", .. Values(1)]).InsertAfter("5.要求行政机关确认或重新出具", ["已获取信息"]);

        var parsed = report.Parse();

        Assert.Empty(parsed.Findings);
        Assert.Equal(1m, parsed.Report.Values["requests.notProcessed.confirmOrReissue.total"]);
        Assert.Equal(1m, parsed.Report.Values["requests.other.noSupplement.naturalPerson"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Parse_RowBrokenByAPageBreak_NumbersOfTheNextPageJoined(int numbersBefore)
    {
        // The label and the first numbers end page 4 with empty cells after them; the rest opens page 5 under an empty label cell.
        string[] values = Values(1);
        var report = new TableThree()
            .Replace(Prohibited, [Prohibited, .. values[..numbersBefore], .. Enumerable.Repeat("", 7 - numbersBefore)])
            .InsertAfter(Prohibited, ["", .. values[numbersBefore..]], newTable: true);

        var parsed = report.Parse();

        Assert.Empty(parsed.Findings);
        Assert.Empty(parsed.Report.Blanks);
        Assert.Equal(1m, parsed.Report.Values["requests.withheld.prohibitedByLaw.naturalPerson"]);
        Assert.Equal(1m, parsed.Report.Values["requests.withheld.prohibitedByLaw.total"]);
        Assert.Empty(ConsistencyRules.Check(parsed.Report));
    }

    [Fact]
    public void Parse_LabelAndNumbersBrokenByAPageBreak_JoinedWhole()
    {
        var report = new TableThree()
            .Replace(ConfirmOrReissue, ["5.要求行政机关确认或重新出具", .. Enumerable.Repeat("", 7)])
            .InsertAfter("5.要求行政机关确认或重新出具", ["已获取信息", .. Values(1)], newTable: true);

        var parsed = report.Parse();

        Assert.Empty(parsed.Findings);
        Assert.Equal(1m, parsed.Report.Values["requests.notProcessed.confirmOrReissue.naturalPerson"]);
    }

    [Fact]
    public void Parse_RowShortInOneTable_StillP3()
    {
        var parsed = new TableThree().Replace(Prohibited, [Prohibited, "1", "0", "0", "0", "0"]).Parse();

        var p3 = Assert.Single(parsed.Findings);
        Assert.Equal((RuleIds.P3, Severity.Error), (p3.Rule, p3.Severity));
        Assert.Equal(["requests.withheld.prohibitedByLaw.otherOrganization", "requests.withheld.prohibitedByLaw.total"], p3.Cells);
    }

    [Theory]
    [InlineData("1、", "2、", "3、")]
    [InlineData("（1）", "（2）", "（3）")]
    [InlineData("1）", "2）", "3）")]
    [InlineData("1. ", "2. ", "3. ")]
    public void Parse_SubRowNumberingVariants_Equivalent(string first, string second, string third)
    {
        var report = new TableThree()
            .Relabel(NoSupplement, first + "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
            .Relabel(FeeNotPaid, second + "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
            .Relabel(OtherOther, third + "其他");

        var parsed = report.Parse();

        Assert.Empty(parsed.Findings);
        Assert.Equal(1m, parsed.Report.Values["requests.other.noSupplement.naturalPerson"]);
        Assert.Equal(0m, parsed.Report.Values["requests.other.other.total"]);
    }

    [Fact]
    public void Parse_2019SingleOtherRowIn2021Report_ReadUnder2019KeysWithP1Warning()
    {
        var parsed = new TableThree().SingleOtherRow(1).Parse();

        Assert.Equal(ReportFormat.V2021, parsed.Report.Format);
        Assert.Equal(1m, parsed.Report.Values["requests.other.naturalPerson"]);
        Assert.Equal(1m, parsed.Report.Values["requests.other.total"]);
        Assert.DoesNotContain(parsed.Report.Values.Keys, k => k.StartsWith("requests.other.noSupplement", StringComparison.Ordinal));
        var p1 = Assert.Single(parsed.Findings);
        Assert.Equal((RuleIds.P1, Severity.Warning), (p1.Rule, p1.Severity));
        Assert.Contains("其他处理", p1.Message, StringComparison.Ordinal);
        // The numbers of the row are its own: nothing stray after the row before it, and R1–R3 hold with it.
        Assert.Equal(1m, parsed.Report.Values["requests.notProcessed.confirmOrReissue.total"]);
        Assert.Empty(ConsistencyRules.Check(parsed.Report));
    }

    [Fact]
    public void Parse_2019SingleOtherRowWithATypo_ReadUnder2019KeysWithBothWarnings()
    {
        var parsed = new TableThree().SingleOtherRow(1, label: "（六）其它处理").Parse();

        Assert.Equal(1m, parsed.Report.Values["requests.other.total"]);
        Assert.Equal([RuleIds.P1, RuleIds.P2], parsed.Findings.Select(f => f.Rule).Order());
        Assert.Empty(ConsistencyRules.Check(parsed.Report));
    }

    [Fact]
    public void Check_2019SingleOtherRowIn2021Report_CountedInR2AndCheckedByR3()
    {
        // 其他处理 printed as 0 although （七）总计 counts one application there: R2 must see the row.
        var parsed = new TableThree().SingleOtherRow(0).Parse();
        var wrongTotal = new TableThree().SingleOtherRow(1, total: 2).Parse();

        var r2 = Assert.Single(ConsistencyRules.Check(parsed.Report), f => f.Rule == RuleIds.R2 && f.Message.StartsWith("自然人", StringComparison.Ordinal));
        Assert.Contains("requests.other.naturalPerson", r2.Cells);
        var r3 = Assert.Single(ConsistencyRules.Check(wrongTotal.Report), f => f.Rule == RuleIds.R3);
        Assert.Contains("requests.other.total", r3.Cells);
    }

    [Fact]
    public void Parse_RowReallyMissing_StillP1Error()
    {
        var parsed = new TableThree().Remove(Prohibited).Parse();

        var p1 = Assert.Single(parsed.Findings);
        Assert.Equal((RuleIds.P1, Severity.Error), (p1.Rule, p1.Severity));
        Assert.Contains("2.其他法律行政法规禁止公开", p1.Message, StringComparison.Ordinal);
        Assert.Contains("requests.withheld.prohibitedByLaw.naturalPerson", p1.Cells);
    }

    [Theory]
    [InlineData("9.其他原因")]
    [InlineData("其余情形")]
    [InlineData("1.不予公开的其他情形")]
    public void Parse_LabelReallyUnknown_StillP2AndItsValuesNotRead(string label)
    {
        var parsed = new TableThree().InsertAfter(AdministrativeQuery, [label, .. Values(7)]).Parse();

        var p2 = Assert.Single(parsed.Findings);
        Assert.Equal(RuleIds.P2, p2.Rule);
        Assert.Contains(label, p2.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(7m, parsed.Report.Values.Values);
        Assert.Equal(1m, parsed.Report.Values["requests.cannotProvide.notHeld.naturalPerson"]);
    }

    [Fact]
    public void Parse_TypoOfAnotherSiblingsNumber_NotTakenForTheExpectedRow()
    {
        // “3.其他法律行政法规禁止公开” where 2. is expected: the number says it is not that row.
        var parsed = new TableThree().Relabel(Prohibited, "3.其他法律行政止公开").Parse();

        Assert.Contains(parsed.Findings, f => f.Rule == RuleIds.P1 && f.Severity == Severity.Error && f.Message.Contains("2.其他法律行政法规禁止公开", StringComparison.Ordinal));
        Assert.False(parsed.Report.Values.ContainsKey("requests.withheld.prohibitedByLaw.naturalPerson"));
    }

    [Theory]
    [InlineData("其他法律行政止公开", "其他法律行政法规禁止公开", true)]
    [InlineData("要求行政机关确认或重新出具已获取", "要求行政机关确认或重新出具已获取信息", true)]
    [InlineData("信访举报投诉类申请", "重复申请", false)]
    [InlineData("其他主动公开文件", "规范性文件", false)]
    public void Similarity_TyposCloseDifferentRowsFar(string printed, string label, bool close) =>
        Assert.Equal(close, RowAlignment.Similarity(printed, label) >= 0.75);

    private const string Prohibited = "2.其他法律行政法规禁止公开";
    private const string AdministrativeQuery = "8.属于行政查询事项";
    private const string NotHeld = "1.本机关不掌握相关政府信息";
    private const string NeedsCreation = "2.没有现成信息需要另行制作";
    private const string ConfirmOrReissue = "5.要求行政机关确认或重新出具已获取信息";
    private const string NoSupplement = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
    private const string FeeNotPaid = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
    private const string OtherOther = "3.其他";

    /// <summary>The seven cells of a row of 三 whose applicants are all 自然人.</summary>
    private static string[] Values(int naturalPerson, int? total = null)
    {
        var n = naturalPerson.ToString(CultureInfo.InvariantCulture);
        return [n, "0", "0", "0", "0", "0", (total ?? naturalPerson).ToString(CultureInfo.InvariantCulture)];
    }

    /// <summary>
    /// A whole 2021 report as tokens, its tables 二 and 四 all zeros and its table 三 one row per list entry (the first
    /// cell starts the row; a group's label shares the row of its first sub-row, as in the published tables), every
    /// rule holding: 5 received = 予以公开 1 + 禁止公开 1 + 不掌握 1 + 确认或重新出具 1 + 逾期不补正 1.
    /// </summary>
    private sealed class TableThree
    {
        private readonly List<(string[] Cells, bool NewTable)> _rows;

        public TableThree()
        {
            var leaves = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["received"] = 5,
                ["disclosed"] = 1,
                ["withheld.prohibitedByLaw"] = 1,
                ["cannotProvide.notHeld"] = 1,
                ["notProcessed.confirmOrReissue"] = 1,
                ["other.noSupplement"] = 1,
                ["total"] = 5,
            };
            var table = ReportLayouts.V2021.Requests;
            _rows = [];
            string? group = null;
            foreach (var row in table.DataRows)
            {
                if (!row.Row.HasCells)
                {
                    group = row.Row.Label;
                    continue;
                }

                var key = row.Path[(CellKey.RequestsPrefix.Length + 1)..];
                string[] labels = group is null ? [row.Row.Label] : [group, row.Row.Label];
                group = null;
                _rows.Add(([.. labels, .. Values(leaves.GetValueOrDefault(key))], false));
            }
        }

        public TableThree Replace(string label, string[] cells, bool newTable = false)
        {
            _rows[IndexOf(label)] = (cells, newTable);
            return this;
        }

        /// <summary>The row's own label printed otherwise (its group's label, if it shares the row, kept).</summary>
        public TableThree Relabel(string label, string printed)
        {
            var (cells, newTable) = _rows[IndexOf(label)];
            _rows[IndexOf(label)] = ([.. cells.Select(c => c == label ? printed : c)], newTable);
            return this;
        }

        public TableThree Remove(string label)
        {
            _rows.RemoveAt(IndexOf(label));
            return this;
        }

        public TableThree InsertAfter(string label, string[] cells, bool newTable = false)
        {
            _rows.Insert(IndexOf(label) + 1, (cells, newTable));
            return this;
        }

        /// <summary>（六）其他处理 as the 2019 format prints it: one row, an empty sub-row cell, then its numbers.</summary>
        public TableThree SingleOtherRow(int naturalPerson, int? total = null, string label = "（六）其他处理")
        {
            var first = IndexOf(NoSupplement);
            _rows.RemoveRange(first, 3);
            _rows.Insert(first, ([label, "", .. Values(naturalPerson, total)], false));
            return this;
        }

        public ParsedReport Parse() => ReportParser.Parse(Tokens());

        private int IndexOf(string label)
        {
            var index = _rows.FindIndex(r => r.Cells.Contains(label));
            Assert.True(index >= 0, label + " not in the table");
            return index;
        }

        private List<ReportToken> Tokens()
        {
            var tokens = new List<ReportToken>
            {
                ReportToken.Paragraph("某某区人民政府2024年政府信息公开工作年度报告"),
                ReportToken.Paragraph("一、总体情况"),
                ReportToken.Paragraph("本年度共收到政府信息公开申请5件。"),
                ReportToken.Paragraph("二、主动公开政府信息情况"),
            };
            var table = 1;
            foreach (var block in ReportLayouts.V2021.Article20)
            {
                Cells(tokens, table, [block.Title!]);
                Cells(tokens, table, ["信息内容", .. block.Columns.Select(c => c.Label)]);
                foreach (var row in block.DataRows)
                {
                    Cells(tokens, table, [row.Row.Label, .. block.Columns.Select(_ => "0")]);
                }
            }

            tokens.Add(ReportToken.Paragraph("三、收到和处理政府信息公开申请情况"));
            table++;
            Cells(tokens, table, [ReportLayouts.RequestsStatedRule, "申请人情况"]);
            Cells(tokens, table, ["自然人", "法人或其他组织", "总计"]);
            Cells(tokens, table, ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
            foreach (var (cells, newTable) in _rows)
            {
                table += newTable ? 1 : 0;
                Cells(tokens, table, cells);
            }

            tokens.Add(ReportToken.Paragraph("四、政府信息公开行政复议、行政诉讼情况"));
            table++;
            var appeals = ReportLayouts.V2021.Appeals;
            Cells(tokens, table, ["行政复议", "行政诉讼"]);
            Cells(tokens, table, [.. appeals.Columns.Select(c => c.Label), "未经复议直接起诉", "复议后起诉"]);
            Cells(tokens, table, [.. Enumerable.Repeat(appeals.Columns.Select(c => c.Label), 2).SelectMany(l => l)]);
            Cells(tokens, table, [.. Enumerable.Repeat("0", 15)]);
            tokens.Add(ReportToken.Paragraph("五、存在的主要问题及改进情况"));
            tokens.Add(ReportToken.Paragraph("无。"));
            tokens.Add(ReportToken.Paragraph("六、其他需要报告的事项"));
            tokens.Add(ReportToken.Paragraph("无。"));
            return tokens;
        }

        private static void Cells(List<ReportToken> tokens, int table, string[] cells)
        {
            var row = tokens.Count;
            for (var c = 0; c < cells.Length; c++)
            {
                tokens.Add(new ReportToken(cells[c], TokenKind.Cell, c == 0, Table: table, Row: row, Column: c + 1));
            }
        }
    }
}
