using System.Globalization;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.RealReports;

/// <summary>
/// Issue 15's acceptance: the five real published reports of samples/reports/real, read and checked as
/// <c>gongkai check</c> reads and checks them, give what the spec authors read from them by hand — every expected cell
/// with its value, every expected blank blank, no cell more, the listed rules found, no error the expected file does
/// not list, and the expected exit code. A failure lists everything wrong at once.
/// </summary>
public sealed class RealReportsTests
{
    public static TheoryData<string> Names => [.. RealReportFiles.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Check_RealReport_GivesTheHandReading(string name)
    {
        var expected = RealReportFiles.Expected(name);
        var file = Assert.Single(CheckReports.Handle([RealReportFiles.PathOf(name)], null, null));

        Assert.False(file.Unreadable, $"{name}: 无法读取：{file.ReadError}");
        var problems = Differences(file.Report!, expected);
        var exit = file.Report!.HasErrors ? 1 : 0;
        if (exit != expected.WantExit)
        {
            problems.Add($"exit code {exit}, expected {expected.WantExit}");
        }

        Assert.True(problems.Count == 0, $"{name}: {problems.Count} differences from the hand reading:\n" + string.Join('\n', problems));
    }

    /// <summary>Every way the checked report differs from the hand reading, one line each.</summary>
    internal static List<string> Differences(CheckedReport checkedReport, ExpectedReading expected)
    {
        var report = checkedReport.Report;
        var problems = new List<string>();
        if (report.Format.Code() != expected.Format)
        {
            problems.Add($"format {report.Format.Code()}, expected {expected.Format}");
        }

        if (report.Year != expected.Year)
        {
            problems.Add($"year {report.Year?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, expected {expected.Year}");
        }

        if (report.Agency != expected.Agency)
        {
            problems.Add($"agency {report.Agency ?? "(none)"}, expected {expected.Agency}");
        }

        problems.AddRange(RealReportFiles.CellDifferences(report.Values, report.Blanks, expected));

        var found = checkedReport.Findings.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(expected.Rules.Where(r => !found.Contains(r)).Select(r => $"rule {r} not reported"));
        problems.AddRange(checkedReport.Findings
            .Where(f => f.Severity == Severity.Error && !expected.Rules.Contains(f.Rule))
            .Select(f => $"unexpected error {f.Rule}: {f.Message}"));
        return problems;
    }
}
