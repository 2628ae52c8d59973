using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Benchmarks;

/// <summary>
/// Parse+check of the seed report, as text and as the HTML the writer makes of it, each against reading and
/// decoding the same bytes (the category's baseline). All inputs are byte arrays loaded in GlobalSetup, so disk
/// I/O is not measured. Each benchmark returns the finding count so nothing is eliminated as dead code.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SeedReportBenchmarks
{
    private byte[] _textBytes = [];
    private byte[] _htmlBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _textBytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed.txt"));
        var parsed = ReportParser.Parse(TextReportReader.Read(TextDecoding.Decode(_textBytes)));
        _htmlBytes = Encoding.UTF8.GetBytes(HtmlReportWriter.Write(parsed.Report));

        // Both forms must read to the same report, or the HTML benchmark would time a failing read.
        var text = ParseAndCheckSeedText();
        var html = ParseAndCheckSeedHtml();
        var fromHtml = ReportParser.Parse(HtmlReportReader.Read(TextDecoding.Decode(_htmlBytes))).Report;
        if (text != html || fromHtml.Values.Count != parsed.Report.Values.Count || parsed.Report.Values.Count == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Seed text and HTML read differently: {text} vs {html} findings, {parsed.Report.Values.Count} vs {fromHtml.Values.Count} values."));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Seed: {_textBytes.Length} text bytes, {_htmlBytes.Length} HTML bytes, {parsed.Report.Values.Count} values, {text} findings."));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("text")]
    public int DecodeSeedText() => TextDecoding.Decode(_textBytes).Length;

    [Benchmark]
    [BenchmarkCategory("text")]
    public int ParseAndCheckSeedText() => ParseAndCheck(TextReportReader.Read(TextDecoding.Decode(_textBytes)));

    [Benchmark]
    [BenchmarkCategory("text")]
    public int ReportFileSeedText() => Check(ReportFile.Read(_textBytes, "seed.txt"));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("html")]
    public int DecodeSeedHtml() => TextDecoding.Decode(_htmlBytes).Length;

    [Benchmark]
    [BenchmarkCategory("html")]
    public int ParseAndCheckSeedHtml() => ParseAndCheck(HtmlReportReader.Read(TextDecoding.Decode(_htmlBytes)));

    [Benchmark]
    [BenchmarkCategory("html")]
    public int ReportFileSeedHtml() => Check(ReportFile.Read(_htmlBytes, "seed.html"));

    private static int ParseAndCheck(List<ReportToken> tokens) => Check(ReportParser.Parse(tokens));

    private static int Check(ParsedReport parsed) => parsed.Findings.Count + ConsistencyRules.Check(parsed.Report).Count;
}
