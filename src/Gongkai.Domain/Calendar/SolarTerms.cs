namespace Gongkai.Domain.Calendar;

/// <summary>
/// The 清明 solar term: the day, in China Standard Time, on which the sun's apparent ecliptic longitude reaches 15°
/// (《全国年节及纪念日放假办法》 Art 2: 清明节放假1天（农历清明当日）). Computed with the low-precision solar
/// coordinates of Meeus, <i>Astronomical Algorithms</i> ch. 25 (about 0.01°, a quarter of an hour of the sun's
/// motion), which is enough for a date: the term falls within a quarter of an hour of midnight in no year 2000–2100
/// (checked against the 寿星 formula in the tests).
/// </summary>
public static class SolarTerms
{
    private const double J2000 = 2451545.0;
    private const double DaysPerCentury = 36525.0;
    private const double BeijingOffsetDays = 8.0 / 24.0;

    /// <summary>The day of 清明 in <paramref name="year"/> (early April).</summary>
    public static DateOnly Qingming(int year) => DayOfLongitude(year, 4, 15.0);

    /// <summary>The Beijing date on which the apparent solar longitude reaches <paramref name="degrees"/>, searched in the given month.</summary>
    private static DateOnly DayOfLongitude(int year, int month, double degrees)
    {
        // Bisection over the month: the longitude grows by about 0.986° a day, so it is monotonic there.
        var low = JulianDay(new DateOnly(year, month, 1)) - 5;
        var high = low + 40;
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (Normalize(ApparentLongitude(middle) - degrees) < 180)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        // Julian days start at noon UT: +0.5 gives the UT civil day, +8 h the Beijing one.
        var dayNumber = (int)Math.Floor(high + 0.5 + BeijingOffsetDays) - 1721426;
        return DateOnly.FromDayNumber(dayNumber);
    }

    /// <summary>Julian day at 0h UT of a date (DateOnly.DayNumber 0 is 0001-01-01 = JD 1721425.5).</summary>
    private static double JulianDay(DateOnly date) => date.DayNumber + 1721425.5;

    private static double ApparentLongitude(double julianDay)
    {
        var t = (julianDay - J2000) / DaysPerCentury;
        var meanLongitude = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        var meanAnomaly = Radians(357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        var centre = ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * meanAnomaly))
            + (0.000289 * Math.Sin(3 * meanAnomaly));
        var node = Radians(125.04 - (1934.136 * t));
        return Normalize(meanLongitude + centre - 0.00569 - (0.00478 * Math.Sin(node)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Normalize(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }
}
