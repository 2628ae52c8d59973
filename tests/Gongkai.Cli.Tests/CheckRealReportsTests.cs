using System.Text.Json;

namespace Gongkai.Cli.Tests;

/// <summary>
/// <c>gongkai check --json</c> on the five real published reports of samples/reports/real: the exit code and the
/// cells the hand reading expects (the whole comparison with findings is RealReportsTests in Gongkai.Core.Tests).
/// </summary>
public sealed class CheckRealReportsTests
{
    public static TheoryData<string> Names => [.. RealReportFiles.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void CheckJson_RealReport_ExitCodeAndCellsOfTheHandReading(string name)
    {
        var expected = RealReportFiles.Expected(name);

        var result = CliRunner.Run("check", "--json", RealReportFiles.PathOf(name));

        var problems = new List<string>();
        if (result.ExitCode != expected.WantExit)
        {
            problems.Add($"exit code {result.ExitCode}, expected {expected.WantExit}; stderr: {result.Stderr}");
        }

        if (result.ExitCode != 2)
        {
            using var json = JsonDocument.Parse(result.Stdout);
            var report = json.RootElement;
            // cells holds the narrative sections too (text.*), as strings.
            var values = report.GetProperty("cells").EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);
            var blanks = report.GetProperty("blank").EnumerateArray().Select(b => b.GetString()!).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(RealReportFiles.CellDifferences(values, blanks, expected));
        }

        Assert.True(problems.Count == 0, $"{name}: {problems.Count} differences from the hand reading:\n" + string.Join('\n', problems));
    }
}
