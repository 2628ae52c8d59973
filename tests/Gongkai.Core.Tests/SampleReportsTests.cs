using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests;

/// <summary>
/// The reports in samples/reports written by our own writers are golden files: each must be exactly what the
/// writers produce today. To regenerate them after a deliberate change: GONGKAI_UPDATE_SAMPLES=1 dotnet test.
/// </summary>
public sealed class SampleReportsTests
{
    public static TheoryData<string> TextSamples => ["2019-seed.html", "2019-seed-with-errors.html", "2021-example.html", "2021-example.json", "2021-example.txt"];

    private static string Expected(string name) => name switch
    {
        "2019-seed.html" => HtmlReportWriter.Write(new SeedCopy().Parse().Report),
        "2019-seed-with-errors.html" => HtmlReportWriter.Write(SeedWithErrors()),
        "2021-example.html" => HtmlReportWriter.Write(ExampleReports.V2021Example()),
        "2021-example.json" => ReportJson.Write(new CheckedReport(ExampleReports.V2021Example(), [])) + "\n",
        "2021-example.txt" => TextReportWriter.Write(ExampleReports.V2021Example()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The seed with 本年新收 自然人 2 instead of 1 (R1, R3) and a blank cell (R5).</summary>
    public static AnnualReport SeedWithErrors() =>
        new SeedCopy().Cell(SeedCopy.ReceivedNaturalPerson, "2").Cell(SeedCopy.ReceivedCommercialEnterprise, "").Parse().Report;

    [Theory]
    [MemberData(nameof(TextSamples))]
    public void Sample_IsWhatTheWriterWrites(string name)
    {
        var expected = Expected(name);
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllText(Path.Combine(RepositorySamples(), name), expected, new UTF8Encoding(false));
        }

        Assert.Equal(expected, File.ReadAllText(Samples.Path(name), Encoding.UTF8));
    }

    [Fact]
    public void DocxSample_ReadsAsTheSeed()
    {
        const string name = "2019-seed.docx";
        var seed = new SeedCopy().Parse().Report;
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllBytes(Path.Combine(RepositorySamples(), name), DocxReportWriter.Write(seed));
        }

        var parsed = ReportFile.Read(Samples.Path(name));

        Assert.Equal(seed.Values.OrderBy(v => v.Key), parsed.Report.Values.OrderBy(v => v.Key));
        Assert.Equal(seed.Agency, parsed.Report.Agency);
        Assert.Empty(parsed.Findings);
    }

    private static string RepositorySamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return Path.Combine(dir.FullName, "samples", "reports");
            }
        }

        throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
    }
}
