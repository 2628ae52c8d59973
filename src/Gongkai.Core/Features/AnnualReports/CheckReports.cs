using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>One file's outcome: the checked report, or why the file could not be read.</summary>
public sealed record CheckedFile(string Path, CheckedReport? Report, string? ReadError)
{
    public bool Unreadable => Report is null;
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
        var read = files.Select(path => Read(path, format)).ToList();
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
                return new CheckedFile(r.Path, ReportCheck.Of(r.Parsed, before), null);
            }),
        ];
    }

    /// <summary>One file read in <paramref name="format"/> (null: as its labels say), or why it cannot be read.</summary>
    public static (string Path, Domain.AnnualReports.Parsing.ParsedReport? Parsed, string? Error) Read(string path, ReportFormat? format)
    {
        try
        {
            return (path, ReportFile.Read(path, format), null);
        }
        catch (ReportReadException e)
        {
            return (path, null, e.Message);
        }
    }
}
