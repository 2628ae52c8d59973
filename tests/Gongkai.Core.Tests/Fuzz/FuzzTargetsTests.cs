using Gongkai.Core.Documents;
using Gongkai.Fuzz;

namespace Gongkai.Core.Tests.Fuzz;

/// <summary>
/// The fuzz targets of issue 16, 10 run in CI for a bounded short time: each reader takes mutated files for a few
/// seconds without an exception other than its refusal (long runs: BENCHMARKS.md, “Fuzzing (issue 16, 10)”).
/// </summary>
public sealed class FuzzTargetsTests
{
    /// <summary>Seconds a target runs here: enough for a few dozen to a few hundred inputs, short enough for every CI run.</summary>
    private const int Seconds = 4;

    public static TheoryData<string> Targets => [.. FuzzTarget.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_FewSeconds_NoUnexpectedException(string target)
    {
        var result = FuzzTarget.Named(target).Run(Seconds);

        Assert.Null(result.Failure);
        Assert.True(result.Executions > 0, $"{target}: no input was read");
        TestContext.Current.TestOutputHelper?.WriteLine($"{target}: {result.Executions} executions, {result.PerSecond:F1}/s, slowest {result.SlowestSeconds:F2} s, {result.Refused} refused");
    }

    /// <summary>The seeds themselves read: a target whose seeds were refused would only fuzz the refusal.</summary>
    [Theory]
    [MemberData(nameof(Targets))]
    public void Seeds_AllRead(string target)
    {
        var name = target == "text" ? "report.txt" : "report." + target;
        foreach (var seed in FuzzTarget.Named(target).Seeds())
        {
            Assert.NotNull(ReportFile.Read(seed, name));
        }
    }

    /// <summary>A DOCX seed zipped again with its own main part reads: mutations inside the package reach the reader.</summary>
    [Fact]
    public void Rezip_DocxSeedUnchanged_Reads()
    {
        var seed = FuzzTarget.Named("docx").Seeds()[0];

        var again = Mutator.Rezip(seed, Mutator.Inner(seed)!);

        Assert.NotNull(ReportFile.Read(again, "report.docx"));
    }
}
