using Gongkai.Web.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Web.Tests.Accounts;

/// <summary>The sign-in counters of issue 16 (1): per address, per name over all addresses, per trusted browser.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Wait_FailuresFromManyAddresses_NameBlockedForStrangersNotForTheOwnersBrowser()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.FailuresPerName; i++)
        {
            throttle.Failed(new LoginThrottle.Attempt("ADMIN", "10.0.0." + i, null));
        }

        Assert.Equal(LoginThrottle.FirstDelay, throttle.Wait(new LoginThrottle.Attempt("ADMIN", "192.168.1.1", null)));
        Assert.Equal(TimeSpan.Zero, throttle.Wait(new LoginThrottle.Attempt("ADMIN", "192.168.1.1", "owners-device")));
        Assert.Equal(TimeSpan.Zero, throttle.Wait(new LoginThrottle.Attempt("OTHER", "10.0.0.1", null)));
    }

    [Fact]
    public void Wait_BelowTheLimit_NoWait()
    {
        var throttle = new LoginThrottle(_clock);
        var attempt = new LoginThrottle.Attempt("ADMIN", "10.0.0.1", null);
        for (var i = 1; i < LoginThrottle.FailuresPerAddress; i++)
        {
            throttle.Failed(attempt);
        }

        Assert.Equal(TimeSpan.Zero, throttle.Wait(attempt));
        throttle.Failed(attempt);
        Assert.Equal(LoginThrottle.FirstDelay, throttle.Wait(attempt));
    }

    [Fact]
    public void Wait_EveryFurtherRound_DelayDoublesUpToADay()
    {
        var throttle = new LoginThrottle(_clock);
        var attempt = new LoginThrottle.Attempt("ADMIN", "10.0.0.1", null);
        var delays = new List<TimeSpan>();
        for (var round = 0; round < 8; round++)
        {
            for (var i = 0; i < LoginThrottle.FailuresPerAddress; i++)
            {
                throttle.Failed(attempt);
            }

            var wait = throttle.Wait(attempt);
            delays.Add(wait);
            _clock.Advance(wait);
        }

        Assert.Equal([15, 30, 60, 120, 240, 480, 960, 1440], delays.Select(d => (int)d.TotalMinutes));
        Assert.Equal(TimeSpan.Zero, throttle.Wait(attempt));
    }

    [Fact]
    public void Succeeded_ClearsTheAttemptsCounters()
    {
        var throttle = new LoginThrottle(_clock);
        var attempt = new LoginThrottle.Attempt("ADMIN", "10.0.0.1", null);
        for (var i = 1; i < LoginThrottle.FailuresPerAddress; i++)
        {
            throttle.Failed(attempt);
        }

        throttle.Succeeded(attempt);
        throttle.Failed(attempt);

        Assert.Equal(TimeSpan.Zero, throttle.Wait(attempt));
    }

    [Fact]
    public void Failed_ADayAfterTheLastFailure_CountsFromZero()
    {
        var throttle = new LoginThrottle(_clock);
        var attempt = new LoginThrottle.Attempt("ADMIN", "10.0.0.1", null);
        for (var i = 1; i < LoginThrottle.FailuresPerAddress; i++)
        {
            throttle.Failed(attempt);
        }

        _clock.Advance(LoginThrottle.Forgotten + TimeSpan.FromMinutes(1));
        throttle.Failed(attempt);

        Assert.Equal(TimeSpan.Zero, throttle.Wait(attempt));
    }
}
