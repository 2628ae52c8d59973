using Gongkai.Core.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// The one way a report is checked: every rule, and the cross-year rules R7/R9 against the report of the year before
/// when there is one. For an agency's report that is its newest locked (or published) version of the year before: a
/// draft is not a fact yet. Whatever shows, locks or exports a report checks it here, so all of them list the same
/// findings and the counts a lock records are the ones staff saw.
/// </summary>
public static class ReportCheck
{
    /// <summary>The report checked against <paramref name="previous"/> (null: the cross-year rules are skipped).</summary>
    public static CheckedReport Of(AnnualReport report, AnnualReport? previous) => new(report, ConsistencyRules.Check(report, previous));

    /// <summary>A report read from a file: what reading it found, then the rules (as <c>gongkai check --previous</c>).</summary>
    public static CheckedReport Of(ParsedReport parsed, AnnualReport? previous) =>
        new(parsed.Report, [.. parsed.Findings, .. Of(parsed.Report, previous).Findings]);

    /// <summary>
    /// An agency's report checked against the agency's locked report of the year before, when one is recorded (a
    /// report without a year has no year before).
    /// </summary>
    public static async Task<CheckedReport> WithPreviousYearAsync(GongkaiDbContext db, Guid agencyId, AnnualReport report, CancellationToken cancellationToken = default)
    {
        var previous = report.Year is { } year
            ? (await LockedReports.LatestAsync(db, [agencyId], year - 1, cancellationToken)).GetValueOrDefault(agencyId)?.Report
            : null;
        return Of(report, previous);
    }
}
