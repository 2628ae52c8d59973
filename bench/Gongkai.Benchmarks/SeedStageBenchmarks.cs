using System.Text;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Benchmarks;

/// <summary>
/// Where the time of <see cref="SeedReportBenchmarks"/> goes: each stage alone (tokenize, parse tokens, check
/// report), with its input made once in GlobalSetup, against the same decode baseline per form. For HTML the
/// AngleSharp document parse is measured apart from the reader's walk over it.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SeedStageBenchmarks
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private byte[] _textBytes = [];
    private byte[] _htmlBytes = [];
    private string _text = "";
    private string _html = "";
    private List<ReportToken> _textTokens = [];
    private List<ReportToken> _htmlTokens = [];
    private AnnualReport? _report;

    [GlobalSetup]
    public void Setup()
    {
        _textBytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed.txt"));
        _text = TextDecoding.Decode(_textBytes);
        _textTokens = TextReportReader.Read(_text);
        _report = ReportParser.Parse(_textTokens).Report;
        _html = HtmlReportWriter.Write(_report);
        _htmlBytes = Encoding.UTF8.GetBytes(_html);
        _htmlTokens = HtmlReportReader.Read(_html);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("text-stages")]
    public int DecodeText() => TextDecoding.Decode(_textBytes).Length;

    [Benchmark]
    [BenchmarkCategory("text-stages")]
    public int TokenizeText() => TextReportReader.Read(_text).Count;

    [Benchmark]
    [BenchmarkCategory("text-stages")]
    public int ParseTextTokens() => ReportParser.Parse(_textTokens).Findings.Count;

    [Benchmark]
    [BenchmarkCategory("text-stages")]
    public int CheckReport() => ConsistencyRules.Check(_report!).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("html-stages")]
    public int DecodeHtml() => TextDecoding.Decode(_htmlBytes).Length;

    [Benchmark]
    [BenchmarkCategory("html-stages")]
    public int AngleSharpParseHtml() => Parser.ParseDocument(_html).DocumentElement.ChildElementCount;

    [Benchmark]
    [BenchmarkCategory("html-stages")]
    public int TokenizeHtml() => HtmlReportReader.Read(_html).Count;

    [Benchmark]
    [BenchmarkCategory("html-stages")]
    public int ParseHtmlTokens() => ReportParser.Parse(_htmlTokens).Findings.Count;
}
