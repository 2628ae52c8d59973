namespace Gongkai.Domain.Calendar;

/// <summary>
/// Statutory dates are calendar days in China Standard Time (UTC+8, no daylight saving since 1991), whatever the
/// server's time zone. This is the one place that turns an instant into such a date; the clock is injected.
/// </summary>
public static class ChinaClock
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Today's date in China, by the given clock.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ToChinaDate(clock.GetUtcNow());
    }

    /// <summary>The date in China at <paramref name="instant"/>: 2020-09-23T16:00Z is already 2020-09-24 in Beijing.</summary>
    public static DateOnly ToChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaStandardTime).DateTime);
}
