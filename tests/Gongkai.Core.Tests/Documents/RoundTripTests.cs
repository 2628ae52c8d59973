using System.Text;
using CsCheck;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Tests.Documents;

/// <summary>Whatever a writer writes, its reader reads back to identical cells (values with their digits, and blanks).</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Writers => ["text", "html", "docx", "json", "pdf"];

    private static ParsedReport WriteAndRead(AnnualReport report, string writer) => writer switch
    {
        "text" => ReportFile.Read(Encoding.UTF8.GetBytes(TextReportWriter.Write(report)), "report.txt"),
        "html" => ReportFile.Read(Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report)), "report.html"),
        "docx" => ReportFile.Read(DocxReportWriter.Write(report), "report.docx"),
        "json" => ReportFile.Read(Encoding.UTF8.GetBytes(ReportJson.Write(new CheckedReport(report, []))), "report.json"),
        "pdf" => ReportFile.Read(PdfReportWriter.Write(report), "report.pdf"),
        _ => throw new ArgumentOutOfRangeException(nameof(writer)),
    };

    private static string Describe(AnnualReport report) => ReportText.Cells(report) + $"\n{report.Format} {report.Agency} {report.Year}";

    [Theory]
    [MemberData(nameof(Writers))]
    public void Seed_WrittenAndReadBack_IdenticalCells(string writer)
    {
        var seed = new SeedCopy().Parse().Report;

        var back = WriteAndRead(seed, writer);

        Assert.Equal(Describe(seed), Describe(back.Report));
        Assert.Empty(back.Findings);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Example2021_WrittenAndReadBack_IdenticalCellsAndTexts(string writer)
    {
        var example = ExampleReports.V2021Example();

        var back = WriteAndRead(example, writer);

        Assert.Equal(Describe(example), Describe(back.Report));
        Assert.Equal(example.Texts.OrderBy(t => t.Key), back.Report.Texts.OrderBy(t => t.Key));
        Assert.Empty(back.Findings);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void RandomConsistentReports_EveryWriter_ReadBackIdentical(string writer)
    {
        ExampleReports.Consistent.Sample(
            report =>
            {
                var back = WriteAndRead(report, writer);
                Assert.Equal(Describe(report), Describe(back.Report));
                Assert.DoesNotContain(back.Findings, f => f.Severity == Severity.Error);
            },
            // A PDF takes about 0.2 s to write and read; a dozen random reports cover both formats, blanks and sub-rows.
            iter: writer == "pdf" ? 12 : 60);
    }
}
