using System.Globalization;

namespace Gongkai.Domain.AnnualReports.Rules;

/// <summary>
/// An arithmetic consistency rule (勾稽关系) over cell keys: the sum of <see cref="Left"/> equals the sum of
/// <see cref="Right"/>. <see cref="Template"/> is the Chinese sentence when it does not, with {0} the left sum and
/// {1} the right sum.
/// </summary>
public sealed record SumRule(string Id, IReadOnlyList<CellKey> Left, IReadOnlyList<CellKey> Right, string Template)
{
    /// <summary>
    /// Checks the rule on a report. A blank (or “-”) cell counts as 0, as the format wants it written (§5 “Blanks in
    /// the arithmetic rules”; R5 names the blank): a 总计 left blank beside numbers is a broken sum, not an unchecked
    /// one. A cell the report lacks leaves the rule unchecked: a reading finding (P1–P3) already says why.
    /// </summary>
    public Finding? Check(AnnualReport report)
    {
        if (!TrySum(report, Left, out var left) || !TrySum(report, Right, out var right) || left == right)
        {
            return null;
        }

        var message = string.Format(CultureInfo.InvariantCulture, Template, Format(left), Format(right));
        return Finding.Error(Id, message, [.. Left.Select(k => k.ToString()), .. Right.Select(k => k.ToString())]);
    }

    private static bool TrySum(AnnualReport report, IReadOnlyList<CellKey> keys, out decimal sum)
    {
        sum = 0;
        foreach (var key in keys)
        {
            if (report.Values.TryGetValue(key, out var value))
            {
                sum += value;
            }
            else if (!report.Blanks.Contains(key))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
