using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// One report's outcome, or why its file could not be read. A file holding several reports gives one per report:
/// <paramref name="Part"/> of <paramref name="Parts"/>, starting <paramref name="StartsAt"/> (“第120行起”).
/// <c>Sources</c> maps a cell key to the text it was read from (<c>check --explain</c>).
/// </summary>
public sealed record CheckedFile(string Path, CheckedReport? Report, string? ReadError, int Part = 1, int Parts = 1, string? StartsAt = null)
{
    public bool Unreadable => Report is null;

    public IReadOnlyDictionary<string, ReportToken> Sources { get; init; } = new Dictionary<string, ReportToken>();
}

/// <summary>
/// Checks published reports (the use case behind <c>gongkai check</c>): reads every file (folders searched for the
/// extensions of <see cref="ReportFileFormats.Readable"/>), checks every rule, and for cross-year rules R7/R9 uses the
/// given previous report, or else the same agency's report of the year before when it is among the files checked.
/// </summary>
public static class CheckReports
{
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => ReportFile.Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    public static IReadOnlyList<CheckedFile> Handle(IReadOnlyList<string> files, AnnualReport? previous, ReportFormat? format)
    {
        // Every report of every file: a file of several reports is checked report by report (ReportParts).
        var read = files.Select(path => Read(path, format)).SelectMany(ReportsOf).ToList();
        var byAgencyYear = read
            .Where(r => r.Parsed?.Report is { Agency: not null, Year: not null })
            .GroupBy(r => (r.Parsed!.Report.Agency, r.Parsed.Report.Year))
            .ToDictionary(g => g.Key, g => g.First().Parsed!.Report);

        return
        [
            .. read.Select(r =>
            {
                if (r.Parsed is null)
                {
                    return new CheckedFile(r.Path, null, r.Error);
                }

                var report = r.Parsed.Report;
                var before = previous
                    ?? (report is { Agency: { } agency, Year: { } year } && byAgencyYear.TryGetValue((agency, year - 1), out var found) ? found : null);
                return new CheckedFile(r.Path, ReportCheck.Of(r.Parsed, before), null, r.Part, r.Parts, r.Parsed.StartsAt) { Sources = r.Parsed.Sources };
            }),
        ];
    }

    private static IEnumerable<(string Path, ParsedReport? Parsed, string? Error, int Part, int Parts)> ReportsOf((string Path, ParsedReport? Parsed, string? Error) file)
    {
        if (file.Parsed is null)
        {
            yield return (file.Path, null, file.Error, 1, 1);
            yield break;
        }

        ParsedReport[] all = [file.Parsed, .. file.Parsed.Following];
        for (var n = 0; n < all.Length; n++)
        {
            yield return (file.Path, all[n], null, n + 1, all.Length);
        }
    }

    /// <summary>
    /// One file read in <paramref name="format"/> (null: as its labels say), or why it cannot be read. A file in which
    /// not one label of the statutory tables is found (empty text, a byte order mark, a page of something else) is not
    /// a report at all: it is unreadable (exit 2), not a report with errors.
    /// </summary>
    public static (string Path, ParsedReport? Parsed, string? Error) Read(string path, ReportFormat? format)
    {
        try
        {
            var parsed = ReportFile.Read(path, format);
            return parsed.HasTables ? (path, parsed, null) : (path, null, NotAReport);
        }
        catch (ReportReadException e)
        {
            return (path, null, e.Message);
        }
    }

    public const string NotAReport = "不是政府信息公开工作年度报告：未找到年度报告格式的任何表格（二、三、四）";
}
