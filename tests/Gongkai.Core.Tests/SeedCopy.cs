using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Core.Tests;

/// <summary>
/// An editable copy of the seed report's text, line by line (1-based line numbers as in
/// samples/reports/000_4b732cc91709996f.txt), to break one thing and see the finding.
/// </summary>
internal sealed class SeedCopy
{
    // Line numbers of the seed, named once.
    public const int ReceivedNaturalPerson = 131;
    public const int ReceivedCommercialEnterprise = 132;
    public const int ReceivedTotal = 137;
    public const int DisclosedNaturalPerson = 150;
    public const int DisclosedTotal = 156;
    public const int PartlyDisclosedNaturalPerson = 160;
    public const int PartlyDisclosedTotal = 166;
    public const int CarriedOutNaturalPerson = 371;
    public const int ReconsiderationTotal = 416;
    public const int LicensingPrevious = 57;
    public const int LicensingChange = 58;
    public const int ProcurementAmount = 108;
    public const int Overview = 22;
    public const int Title = 6;

    private readonly List<string> _lines;

    public SeedCopy() => _lines = [.. Samples.SeedText.Split('\n')];

    public string Text => string.Join('\n', _lines);

    /// <summary>Replaces line <paramref name="line"/> (1-based) as a whole.</summary>
    public SeedCopy Set(int line, string text)
    {
        _lines[line - 1] = text;
        return this;
    }

    /// <summary>Sets a table cell line (a tab, then the text).</summary>
    public SeedCopy Cell(int line, string text) => Set(line, "\t" + text);

    public SeedCopy Replace(int line, string oldText, string newText)
    {
        Assert.Contains(oldText, _lines[line - 1], StringComparison.Ordinal);
        _lines[line - 1] = _lines[line - 1].Replace(oldText, newText, StringComparison.Ordinal);
        return this;
    }

    public SeedCopy RemoveLines(int from, int to)
    {
        _lines.RemoveRange(from - 1, to - from + 1);
        return this;
    }

    public SeedCopy InsertLines(int before, params string[] lines)
    {
        _lines.InsertRange(before - 1, lines);
        return this;
    }

    public ParsedReport Parse() => ReportParser.Parse(TextReportReader.Read(Text));

    public CheckedReport Check(AnnualReport? previous = null)
    {
        var parsed = Parse();
        return new CheckedReport(parsed.Report, [.. parsed.Findings, .. ConsistencyRules.Check(parsed.Report, previous)]);
    }
}
