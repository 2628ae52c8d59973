using System.Globalization;

namespace Gongkai.Domain.Common;

/// <summary>
/// The dates a record of this work can carry (issue 16, 5): from the founding of the People's Republic (the oldest
/// document a catalogue lists, still in force) to the end of the years the site's report pages take (2100). A date
/// outside — 0001-01-01 or 9999-12-31 from a form, a file or the API — is a mistake: refused with its field's name
/// before any rule or working-day count runs on it.
/// </summary>
public static class RecordDates
{
    public static readonly DateOnly Earliest = new(1949, 10, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Null for a date in range; else the refusal, naming the field (<paramref name="what"/>, e.g. "形成日期").</summary>
    public static Problem? Check(DateOnly date, string what) =>
        Contains(date)
            ? null
            : Problem.Invalid("date.outOfRange",
                $"{what}（{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）超出可记录的范围（{ChineseDate.Format(Earliest)}至{ChineseDate.Format(Latest)}）");
}
