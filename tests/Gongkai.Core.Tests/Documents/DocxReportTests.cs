using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Tests.Documents;

public sealed class DocxReportTests
{
    private static AnnualReport Seed()
    {
        var parsed = ReportParser.Parse(TextReportReader.Read(Samples.SeedText));
        Assert.Empty(parsed.Findings);
        return parsed.Report;
    }

    private static ParsedReport RoundTrip(AnnualReport report)
    {
        var bytes = DocxReportWriter.Write(report);
        using var stream = new MemoryStream(bytes);
        return ReportParser.Parse(DocxReportReader.Read(stream));
    }

    /// <summary>Keys with their published digits, so 0.5950 and 0.595 differ.</summary>
    private static SortedDictionary<string, string> Printed(IReadOnlyDictionary<string, decimal> values) =>
        new(values.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    private static string Errors(ParsedReport parsed) =>
        string.Join("\n", parsed.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule + " " + f.Message));

    [Fact]
    public void WriteThenRead_Seed_GivesSameReport()
    {
        var seed = Seed();

        var parsed = RoundTrip(seed);

        var report = parsed.Report;
        Assert.Equal(Printed(seed.Values), Printed(report.Values));
        Assert.Equal("0.5950", report.Values["article20.procurement.amount"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(seed.Blanks.Order(StringComparer.Ordinal), report.Blanks.Order(StringComparer.Ordinal));
        Assert.Equal("北京市东城区对外联络服务办公室", report.Agency);
        Assert.Equal(2020, report.Year);
        Assert.Equal(ReportFormat.V2019, report.Format);
        Assert.True(Errors(parsed).Length == 0, Errors(parsed));
    }

    [Fact]
    public void WriteThenRead_Seed_KeepsNarrativeTexts()
    {
        var seed = Seed();

        var report = RoundTrip(seed).Report;

        Assert.Equal(seed.Texts.OrderBy(kv => kv.Key, StringComparer.Ordinal), report.Texts.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void WriteThenRead_BlanksAndNegativeChange_SurviveRoundTrip()
    {
        var seed = Seed();
        string[] blanked =
        [
            "article20.rules.made",
            "article20.otherServices.confirmation.decisions",
            "article20.procurement.amount",
            "requests.received.commercialEnterprise",
            "requests.withheld.stateSecret.naturalPerson",
            "requests.carriedOut.total",
            "appeals.reconsideration.upheld",
            "appeals.litigationAfterReconsideration.total",
        ];
        var values = seed.Values.Where(kv => !blanked.Contains(kv.Key)).ToDictionary(StringComparer.Ordinal);
        Assert.Equal(seed.Values.Count - blanked.Length, values.Count);
        values["article20.licensing.change"] = -3m;
        values["article20.penalty.change"] = -12m;
        var report = new AnnualReport(seed.Format, seed.Agency, seed.Year, values, blanked.ToHashSet(StringComparer.Ordinal), seed.Texts);

        var parsed = RoundTrip(report);

        Assert.Equal(Printed(values), Printed(parsed.Report.Values));
        Assert.Equal(blanked.Order(StringComparer.Ordinal), parsed.Report.Blanks.Order(StringComparer.Ordinal));
        Assert.Equal(-3m, parsed.Report.Values["article20.licensing.change"]);
        Assert.True(Errors(parsed).Length == 0, Errors(parsed));
    }

    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void WriteThenRead_EveryCellDistinct_ReadsEachCellBack(ReportFormat format)
    {
        // Every cell with its own value: a cell read into the wrong key shows. 2019's local sub-rows stand in
        // for their parent row as in the seed (ReportParser wants the sub-rows even when the parent is printed).
        var layout = ReportLayout.For(format);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var n = 0;
        foreach (var cell in layout.Cells.Where(c => !c.Row.Row.Children.Any(child => child.IsLocalVariant)))
        {
            n++;
            values[cell.Key] = cell.Kind == CellKind.Amount ? new decimal(n * 1250, 0, 0, false, 4) : n;
        }

        var report = new AnnualReport(format, "某某市某某区某某局", 2022, values, new HashSet<string>(), new Dictionary<string, string>());

        var parsed = RoundTrip(report);

        Assert.Equal(Printed(values), Printed(parsed.Report.Values));
        Assert.Empty(parsed.Report.Blanks);
        Assert.Equal(format, parsed.Report.Format);
        Assert.Equal("某某市某某区某某局", parsed.Report.Agency);
        Assert.Equal(2022, parsed.Report.Year);
        Assert.True(Errors(parsed).Length == 0, Errors(parsed));
    }

    [Fact]
    public void Read_LabelSplitOverParagraphsAndMergedLabelCell_ReadsValues()
    {
        var bytes = HandBuiltDocx();
        using var stream = new MemoryStream(bytes);

        var tokens = DocxReportReader.Read(stream);
        var parsed = ReportParser.Parse(tokens, ReportFormat.V2019);

        // The split label is one cell; a merged continuation is an empty cell.
        Assert.Contains(tokens, t => t is { Kind: TokenKind.Cell, Text: "（三）不予公开", Table: 2, Row: 2, Column: 2 });
        Assert.Contains(tokens, t => t is { Kind: TokenKind.Cell, Text: "", StartsRow: true, Table: 1, Row: 5, Column: 1 });
        var values = parsed.Report.Values;
        Assert.Equal(11m, values["article20.licensing.previous"]);
        Assert.Equal(-2m, values["article20.licensing.change"]);
        Assert.Equal(21m, values["article20.otherServices.inspection.previous"]);
        Assert.Equal(23m, values["article20.otherServices.inspection.decisions"]);
        Assert.Equal(31m, values["article20.otherServices.confirmation.previous"]);
        Assert.Equal(33m, values["article20.otherServices.confirmation.decisions"]);
        for (var c = 0; c < ReportLayouts.ApplicantColumns.Count; c++)
        {
            var column = ReportLayouts.ApplicantColumns[c].Key;
            Assert.Equal(100 + c, values["requests.disclosed." + column]);
            Assert.Equal(200 + c, values["requests.withheld.stateSecret." + column]);
            Assert.Equal(300 + c, values["requests.withheld.prohibitedByLaw." + column]);
        }
    }

    [Fact]
    public void Read_ContentControlsRevisionsAndLayoutTable_ReadsPrintedText()
    {
        var body = new Body(
            new SdtBlock(new SdtContentBlock(Para("标题在内容控件中"))),
            new Paragraph(
                new Run(new Text("保留")),
                new DeletedRun(new Run(new DeletedText("删除"))),
                new InsertedRun(new Run(new Text("插入"))),
                new Hyperlink(new Run(new Text("链接"))) { Anchor = "x" },
                new Run(new TabChar(), new Text("末尾"), new Break())),
            new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                new TableGrid(new GridColumn { Width = "9000" }),
                new TableRow(new TableCell(
                    Para("外层文字"),
                    new Table(
                        new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                        new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "4000" }),
                        new TableRow(TextCell("甲"), TextCell("乙"))),
                    Para("")))),
            new SectionProperties());

        using var stream = new MemoryStream(Docx(body));
        var tokens = DocxReportReader.Read(stream);

        Assert.Equal(
            [
                ReportToken.Paragraph("标题在内容控件中"),
                ReportToken.Paragraph("保留插入链接 末尾"),
                ReportToken.Paragraph("外层文字"),
                new ReportToken("甲", TokenKind.Cell, true, Table: 2, Row: 1, Column: 1),
                new ReportToken("乙", TokenKind.Cell, false, Table: 2, Row: 1, Column: 2),
            ],
            tokens);
    }

    public static TheoryData<string> CorruptInputs => ["random", "empty", "truncated-10", "truncated-half", "truncated-last", "zip-without-document", "bad-xml"];

    [Theory]
    [MemberData(nameof(CorruptInputs))]
    public void Read_CorruptInput_ThrowsReportReadException(string kind)
    {
        var bytes = CorruptBytes(kind);
        using var stream = new MemoryStream(bytes);

        var ex = Record.Exception(() => DocxReportReader.Read(stream));

        var readException = Assert.IsType<ReportReadException>(ex);
        Assert.StartsWith("无法读取DOCX文件", readException.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Write_Report_IsValidOpenXml(ReportFormat format)
    {
        var report = format == ReportFormat.V2019
            ? Seed()
            : new AnnualReport(format, "某某局", 2022, new Dictionary<string, decimal>(), new HashSet<string>(), new Dictionary<string, string> { ["text.overview"] = "第一段\n第二段" });

        var bytes = DocxReportWriter.Write(report);

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{report.Agency}{report.Year}年政府信息公开工作年度报告"), document.PackageProperties.Title);
    }

    [Fact]
    public void Write_Seed_HasTitleHeadingsAndPageSetup()
    {
        var bytes = DocxReportWriter.Write(Seed());

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        Assert.Equal("北京市东城区对外联络服务办公室2020年政府信息公开工作年度报告", paragraphs[0].InnerText);
        Assert.Equal(["方正小标宋简体"], paragraphs[0].Descendants<RunFonts>().Select(f => f.EastAsia?.Value).Distinct());
        Assert.Equal(["44"], paragraphs[0].Descendants<FontSize>().Select(s => s.Val?.Value).Distinct());

        // Too long for one 二号 line: broken after the agency, not inside its name.
        Assert.Equal(["北京市东城区对外联络服务办公室", "2020年政府信息公开工作年度报告"], paragraphs[0].Elements<Run>().Select(r => r.InnerText));
        foreach (var title in ReportLayouts.V2019.Sections.Select(s => s.Title))
        {
            var heading = Assert.Single(paragraphs, p => p.InnerText == title);
            Assert.Equal("黑体", heading.Descendants<RunFonts>().Single().EastAsia?.Value);
            Assert.NotNull(heading.ParagraphProperties?.KeepNext);
        }

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(7, tables.Count);
        Assert.All(tables.SelectMany(t => t.Descendants<TableCell>()), cell => Assert.NotEmpty(cell.Elements<Paragraph>()));
        Assert.All(tables.SelectMany(t => t.Elements<TableRow>()), row => Assert.NotNull(row.TableRowProperties?.GetFirstChild<CantSplit>()));
        var section = body.GetFirstChild<SectionProperties>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1984, 1588u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var footer = (FooterPart)document.MainDocumentPart.GetPartById(section.GetFirstChild<FooterReference>()!.Id!.Value!);
        Assert.Equal("— 1 —", footer.Footer!.InnerText);
        Assert.Equal(" PAGE ", footer.Footer.Descendants<SimpleField>().Single().Instruction?.Value);
    }

    private static byte[] CorruptBytes(string kind)
    {
        var valid = DocxReportWriter.Write(Seed());
        switch (kind)
        {
            case "random":
                var random = new byte[4096];
                new Random(20201231).NextBytes(random);
                return random;
            case "empty":
                return [];
            case "truncated-10":
                return valid[..10];
            case "truncated-half":
                return valid[..(valid.Length / 2)];
            case "truncated-last":
                return valid[..^1];
            case "zip-without-document":
                return Zip(("readme.txt", "不是Word文档"));
            case "bad-xml":
                // A well-formed package whose main part is not XML.
                using (var stream = new MemoryStream())
                {
                    stream.Write(valid);
                    using (var document = WordprocessingDocument.Open(stream, isEditable: true))
                    {
                        using var part = document.MainDocumentPart!.GetStream(FileMode.Create);
                        part.Write("<w:document 这不是XML"u8);
                    }

                    return stream.ToArray();
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A report as another program might write it: the 第二十条第（五）项 table with 其他对外管理服务事项 merged
    /// over two rows, and part of table 三 with （三）不予公开 split over two paragraphs in a merged cell.
    /// </summary>
    private static byte[] HandBuiltDocx()
    {
        var article20 = SimpleTable(
            6,
            [Cell("第二十条第（五）项", span: 5)],
            [Cell("信息内容", span: 2), Cell("上一年项目数量"), Cell("本年增/减"), Cell("处理决定数量")],
            [Cell("行政许可", span: 2), Cell("11"), Cell("-2"), Cell("13")],
            [Cell("其他对外管理服务事项", merge: MergedCellValues.Restart), Cell("行政检查"), Cell("21"), Cell("22"), Cell("23")],
            [Cell("", merge: MergedCellValues.Continue), Cell("行政确认"), Cell("31"), Cell("32"), Cell("33")]);

        static TableCell[] Numbers(int start) => [.. Enumerable.Range(start, 7).Select(n => Cell(n.ToString(CultureInfo.InvariantCulture)))];
        var requests = SimpleTable(
            10,
            [Cell("三、本年度办理结果", merge: MergedCellValues.Restart), Cell("（一）予以公开", span: 2), .. Numbers(100)],
            [Cell("", merge: MergedCellValues.Continue), MergedSplitLabel(), Cell("1.属于国家秘密"), .. Numbers(200)],
            [Cell("", merge: MergedCellValues.Continue), new TableCell(new TableCellProperties(new VerticalMerge()), Para("")), Cell("2.其他法律行政法规禁止公开"), .. Numbers(300)]);

        var body = new Body(
            Para("某某市某某区某某局2020年政府信息公开工作年度报告"),
            Para("二、主动公开政府信息情况"),
            article20,
            Para(""),
            Para("三、收到和处理政府信息公开申请情况"),
            requests,
            Para("五、存在的主要问题及改进情况"),
            new SectionProperties());
        return Docx(body);
    }

    private static TableCell MergedSplitLabel() => new(
        new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }),
        Para("（三）不予"),
        Para("公开"));

    private static Table SimpleTable(int columns, params TableCell[][] rows)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "900" })));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row));
        }

        return table;
    }

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(new VerticalMerge { Val = value });
        }

        return new TableCell(properties, Para(text));
    }

    private static TableCell TextCell(string text) => new(Para(text));

    private static Paragraph Para(string text) => text.Length == 0 ? new Paragraph() : new Paragraph(new Run(new Text(text)));

    private static byte[] Docx(Body body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}
