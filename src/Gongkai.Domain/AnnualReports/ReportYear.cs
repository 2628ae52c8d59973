using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// A year an annual report is for. The first is 2019: the revised 条例 took effect on 2019-05-15 and the report formats
/// (国办公开办函〔2019〕60号) apply to reports on 2019 onward. The last is the year after today's (inclusive): a draft may
/// be started ahead, a report on a year further away has no records to be built from.
/// </summary>
public readonly record struct ReportYear
{
    public const int First = 2019;

    public const string InvalidCode = "report.year";

    private ReportYear(int value) => Value = value;

    public int Value { get; }

    /// <summary>
    /// <paramref name="year"/> as a report year, on <paramref name="today"/> (China Standard Time): refused with
    /// <see cref="InvalidCode"/> before 2019 or after next year.
    /// </summary>
    public static Result<ReportYear> Create(int year, DateOnly today)
    {
        if (year < First)
        {
            return Problem.Invalid(InvalidCode, "年度报告从2019年度起（条例2019年修订施行）");
        }

        var last = today.Year + 1;
        return year > last
            ? Problem.Invalid(InvalidCode, $"年度不能晚于{last.ToString(CultureInfo.InvariantCulture)}年")
            : new ReportYear(year);
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
