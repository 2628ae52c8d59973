using System.Diagnostics;
using CsCheck;
using Gongkai.Core.Documents;

namespace Gongkai.Fuzz;

/// <summary>What one run of a target found: executions, their rate, the slowest, the refusals, and the failure if any.</summary>
public sealed record FuzzResult(string Target, long Executions, double Seconds, double SlowestSeconds, long Refused, string? Failure)
{
    public double PerSecond => Executions / Math.Max(Seconds, 0.001);
}

/// <summary>
/// One reader under fuzzing: its seeds (corpus/&lt;name&gt;/), its tokens, and the file name it is read under. A run
/// gives every mutated input to <see cref="ReportFile.Read(byte[], string, Domain.AnnualReports.ReportFormat?)"/>; the
/// readers may refuse (<see cref="ReportReadException"/>), anything else thrown is a failure, shrunk and reported by
/// CsCheck with the seed that repeats it.
/// </summary>
public sealed class FuzzTarget(string name, string fileName, bool zipped, byte[][] tokens)
{
    public string Name => name;

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("text", "report.txt", false, Mutator.Tokens("\t", "\n\n", "|", "  ", "\uFFFE", "\uFEFF", "①", "（三）不予公开", "二、主动公开政府信息情况", "总计", "-", "0.5950")),
        new("html", "report.html", false, Mutator.Tokens("<div>", "</div>", "<table>", "<tr>", "<td>", "</td>", "<td rowspan=\"99999\">", "<br>", "<!--", "<script>", "&nbsp;", "<title>")),
        new("docx", "report.docx", true,
            Mutator.Tokens("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", "<w:p>", "<w:t>", "<!DOCTYPE x>", "&amp;")),
        new("pdf", "report.pdf", false, Mutator.Tokens("(", ")", " Tj ", " TJ ", "[", "]", "<<", ">>", " 0 R ", "/FlateDecode", "stream\n", "endstream", " re f ", "BT ", " ET")),
        new("json", "report.json", false, Mutator.Tokens("{", "}", "[", "]", "\"cells\":", "\"format\":\"2019\"", "1e999", "\"\\uD800\"", "null", ",")),
    ];

    public static FuzzTarget Named(string name) => All.First(t => t.Name == name);

    /// <summary>The seed files, from the corpus folder next to the program.</summary>
    public byte[][] Seeds() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus", name)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    /// <summary>Runs for <paramref name="seconds"/> on one thread; <paramref name="seed"/> (CsCheck's) repeats a run.</summary>
    public FuzzResult Run(int seconds, string? seed = null)
    {
        var seeds = Seeds();
        long executions = 0;
        long refused = 0;
        var slowest = 0.0;
        var input = Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, seeds.Length - 1], Gen.Int)
            .Select((s, o, r) => (Seed: s, Other: o, Random: r));
        var clock = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            input.Sample(
                i =>
                {
                    var bytes = Mutator.Mutate(seeds[i.Seed], seeds[i.Other], tokens, new Random(i.Random), zipped);
                    var started = clock.Elapsed;
                    try
                    {
                        ReportFile.Read(bytes, fileName);
                    }
                    catch (ReportReadException)
                    {
                        refused++;
                    }
                    finally
                    {
                        executions++;
                        slowest = Math.Max(slowest, (clock.Elapsed - started).TotalSeconds);
                    }
                },
                seed: seed,
                iter: long.MaxValue,
                time: seconds,
                threads: 1,
                print: i => $"corpus/{name} seed {i.Seed}, other {i.Other}, mutation {i.Random}");
        }
        catch (CsCheckException e)
        {
            failure = e.Message;
        }

        return new FuzzResult(name, executions, clock.Elapsed.TotalSeconds, slowest, refused, failure);
    }
}
