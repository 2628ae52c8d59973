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

    /// <summary>The instant as China Standard Time (UTC+8), for showing a moment to people: 2020-09-23T16:00Z is 2020-09-24 00:00 in Beijing.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(ChinaStandardTime);

    /// <summary>The instant the day begins in China (00:00 UTC+8): a range of China dates as instants is [StartOf(from), StartOf(to + 1 day)).</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), ChinaStandardTime);
}
