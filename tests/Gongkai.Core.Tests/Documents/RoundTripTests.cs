using CsCheck;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Tests.Documents;

/// <summary>Whatever a writer writes, its reader reads back to identical cells (values with their digits, and blanks).</summary>
public sealed class RoundTripTests
{
    /// <summary>Every form the registry reads back.</summary>
    public static TheoryData<string> Writers => [.. ReportFileFormats.Readable.Select(f => f.Name)];

    private static ParsedReport WriteAndRead(AnnualReport report, string writer)
    {
        var format = ReportFileFormats.Named(writer, ReportFileFormats.Readable) ?? throw new ArgumentOutOfRangeException(nameof(writer));
        return ReportFile.Read(format.Write(new CheckedReport(report, [])), "report" + format.Extensions[0]);
    }

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
