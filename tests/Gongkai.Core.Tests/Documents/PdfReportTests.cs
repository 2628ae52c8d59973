using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Gongkai.Core.Tests.Documents;

/// <summary>The PDF writer's page, and the PDF reader on our PDFs, LibreOffice's PDFs and bad files.</summary>
public sealed class PdfReportTests
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    [Fact]
    public void Seed_WrittenAsPdf_ReadsBackCellsAndTexts()
    {
        var seed = new SeedCopy().Parse().Report;

        var back = ReportFile.Read(PdfReportWriter.Write(seed), "seed.pdf");

        Assert.Equal(ReportText.Cells(seed), ReportText.Cells(back.Report));
        Assert.Equal(seed.Texts.OrderBy(t => t.Key), back.Report.Texts.OrderBy(t => t.Key));
        Assert.Equal((seed.Agency, seed.Year, seed.Format), (back.Report.Agency, back.Report.Year, back.Report.Format));
        Assert.Empty(back.Findings);
    }

    [Fact]
    public void Write_Seed_A4PagesWithPageNumbersAndNothingOutsideTheMargins()
    {
        var bytes = PdfReportWriter.Write(new SeedCopy().Parse().Report);

        using var document = PdfDocument.Open(bytes);
        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        foreach (var page in document.GetPages())
        {
            Assert.Equal(A4Width, page.Width, 0.5);
            Assert.Equal(A4Height, page.Height, 0.5);
            var text = PdfReportReader.Normalize(page.Text);
            Assert.Contains($"— {page.Number} —", text, StringComparison.Ordinal);

            // Top margin 37 mm, bottom 35 mm: rules and text (but the page number) stay inside.
            var top = A4Height - (37 * 72 / 25.4);
            var bottom = 35 * 72 / 25.4;
            Assert.All(page.Paths.Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>(), r =>
                Assert.InRange(r.Bottom, bottom - 1, top + 1));
            Assert.All(page.Letters.Where(l => l.StartBaseLine.Y > bottom), l => Assert.InRange(l.StartBaseLine.Y, bottom, top));
        }
    }

    /// <summary>Each row label of table 三 stands whole on one page: a row broken by a page would split its label.</summary>
    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Write_LongNarrative_TableRowsNeverSplitOverPages(ReportFormat format)
    {
        // Narrative of varying length moves table 三 over every possible page break.
        for (var sentences = 0; sentences < 40; sentences += 7)
        {
            var example = ExampleReports.V2021Example();
            var report = new AnnualReport(format, example.Agency, example.Year, example.Values, example.Blanks, new Dictionary<string, string>(example.Texts)
            {
                ["text.overview"] = string.Concat(Enumerable.Repeat("本机关依法做好政府信息公开工作，及时回应社会关切。", sentences)),
            });

            var cells = PdfReportReader.Read(PdfReportWriter.Write(report)).Select(t => Compact(t.Text)).ToHashSet();
            foreach (var row in report.Layout.Requests.DataRows.Where(r => r.Depth > 1))
            {
                var label = Compact(row.Row.Label);
                Assert.True(cells.Contains(label), $"「{label}」 is not one cell on one page ({sentences} sentences)");
            }
        }
    }

    [Fact]
    public void LibreOfficePdfOfOurDocx_ReadsBackIdentical()
    {
        ExternalTools.RequireLibreOffice();

        var example = ExampleReports.V2021Example();

        var pdf = LibreOfficePdf.Convert(DocxReportWriter.Write(example));
        var back = ReportFile.Read(pdf, "example.pdf");

        Assert.Equal(ReportText.Cells(example), ReportText.Cells(back.Report));
        Assert.Equal(example.Texts.OrderBy(t => t.Key), back.Report.Texts.OrderBy(t => t.Key));
        Assert.Equal(example.Agency, back.Report.Agency);
        Assert.Empty(back.Findings);
    }

    [Fact]
    public void Read_TruncatedPdf_ReadExceptionInChinese()
    {
        var bytes = PdfReportWriter.Write(ExampleReports.V2021Example());

        var e = Assert.Throws<ReportReadException>(() => ReportFile.Read(bytes[..(bytes.Length / 3)], "cut.pdf"));
        Assert.Contains("PDF", e.Message, StringComparison.Ordinal);
        Assert.Contains("无法读取", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PdfHeaderThenGarbage_ReadException()
    {
        var e = Assert.Throws<ReportReadException>(() => ReportFile.Read("%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), "report.pdf"));
        Assert.Contains("PDF", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PdfWithoutText_ReadExceptionSaysScanned()
    {
        var e = Assert.Throws<ReportReadException>(() => ReportFile.Read(PdfWithoutText(), "scan.pdf"));
        Assert.Contains("没有可提取的文字", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EncryptedPdf_ReadExceptionSaysEncrypted()
    {
        var e = Assert.Throws<ReportReadException>(() => ReportFile.Read(EncryptedPdf(), "secret.pdf"));
        Assert.Contains("加密", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("⼯作", "工作")]
    [InlineData("⼀、总体情况", "一、总体情况")]
    [InlineData("（一）予以公开，共1件：", "（一）予以公开，共1件：")]
    [InlineData("０.５９５０", "０.５９５０")]
    public void Normalize_KangxiRadicalsOnly(string letters, string expected) =>
        Assert.Equal(expected, PdfReportReader.Normalize(letters));

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A PDF page with a drawn box and no text, as a scan is to a text reader.</summary>
    private static byte[] PdfWithoutText()
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        using (var paint = new SKPaint { Color = SKColors.Black })
        {
            document.BeginPage(595, 842).DrawRect(100, 100, 200, 50, paint);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A minimal PDF whose trailer names a standard security handler with a user password (RC4, 40 bit): a reader
    /// cannot open it without the password. Offsets in the xref table are computed, so the file is well formed.
    /// </summary>
    private static byte[] EncryptedPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Filter /Standard /V 1 /R 2 /O <" + new string('1', 64) + "> /U <" + new string('2', 64) + "> /P -44 >>",
        ];
        var text = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{new string('a', 32)}> <{new string('a', 32)}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }
}
