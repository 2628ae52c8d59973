using System.Globalization;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests;

internal static class ReportText
{
    /// <summary>A report's cells as text, values with their digits (0.5950 is not 0.595) and blanks, for equality asserts.</summary>
    public static string Cells(AnnualReport report) =>
        string.Join('\n', report.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value.ToString(CultureInfo.InvariantCulture)))
        + "\nblank:" + string.Join(',', report.Blanks.Order(StringComparer.Ordinal));
}
