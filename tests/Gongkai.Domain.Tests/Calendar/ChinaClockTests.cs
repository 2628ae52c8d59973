using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class ChinaClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    public static TheoryData<DateTimeOffset, DateOnly> Instants => new()
    {
        { new DateTimeOffset(2020, 9, 23, 15, 59, 59, TimeSpan.Zero), new DateOnly(2020, 9, 23) },
        { new DateTimeOffset(2020, 9, 23, 16, 0, 0, TimeSpan.Zero), new DateOnly(2020, 9, 24) },   // midnight in Beijing
        { new DateTimeOffset(2020, 9, 24, 0, 30, 0, TimeSpan.FromHours(8)), new DateOnly(2020, 9, 24) },
        { new DateTimeOffset(2020, 9, 23, 12, 0, 0, TimeSpan.FromHours(-4)), new DateOnly(2020, 9, 24) }, // 16:00Z
        { new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), new DateOnly(2027, 1, 1) },
        { new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.Zero), new DateOnly(2024, 7, 1) },     // summer: still +8, no DST
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void ToChinaDate_Instant_DateAtUtcPlus8(DateTimeOffset instant, DateOnly expected) =>
        Assert.Equal(expected, ChinaClock.ToChinaDate(instant));

    [Theory]
    [MemberData(nameof(Instants))]
    public void Today_InjectedClock_DateInChina(DateTimeOffset instant, DateOnly expected) =>
        Assert.Equal(expected, ChinaClock.Today(new FixedClock(instant)));
}
