using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// An annual report as data: its format, agency, year, and every cell it has by the keys of
/// spec/report-json.md. The same model comes out of the parser (a published report) and, later, out of the
/// builder (our own records), so one set of rules checks both.
/// </summary>
public sealed class AnnualReport
{
    public AnnualReport(
        ReportFormat format,
        string? agency,
        int? year,
        IReadOnlyDictionary<string, decimal> values,
        IReadOnlySet<string> blanks,
        IReadOnlyDictionary<string, string> texts)
    {
        Format = format;
        Agency = agency;
        Year = year;
        Values = values;
        Blanks = blanks;
        Texts = texts;
    }

    public ReportFormat Format { get; }

    /// <summary>The agency's name as the title gives it (e.g. 北京市东城区对外联络服务办公室), or null when unknown.</summary>
    public string? Agency { get; }

    /// <summary>The year reported on (not the year of publication), or null when unknown.</summary>
    public int? Year { get; }

    /// <summary>Numeric cells by key as report-json.md spells it (<see cref="CellKey.ToString"/>). Amounts keep their published digits (0.5950 has scale 4).</summary>
    public IReadOnlyDictionary<string, decimal> Values { get; }

    /// <summary>Cells printed empty (or "-"), which are not the same as 0.</summary>
    public IReadOnlySet<string> Blanks { get; }

    /// <summary>Narrative sections by key: <c>text.overview</c>, <c>text.problems</c>, <c>text.other</c>.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    public ReportLayout Layout => ReportLayout.For(Format);

    /// <summary>True when the report has the cell, as a number or as a blank.</summary>
    public bool Has(CellKey key) => Values.ContainsKey(key) || Blanks.Contains(key);

    public decimal? Value(CellKey key) => Values.TryGetValue(key, out var v) ? v : null;

    public string? Text(CellKey key) => Texts.TryGetValue(key, out var t) ? t : null;
}
