using System.Collections.Concurrent;

namespace Gongkai.Web.Accounts;

/// <summary>
/// Slows password guessing without letting a stranger lock an account out (issue 16, 1; OWASP's "device cookies"
/// scheme). Failed sign-ins are counted per user name as typed (normalised), whether or not the account exists, so
/// the answers for a real and an unknown name are the same. Three counters, each blocking for a delay that doubles with
/// every further block (<see cref="FirstDelay"/> up to <see cref="MaxDelay"/>):
/// <list type="bullet">
/// <item>a browser the account signed in from before (<see cref="TrustedDevice"/>): its own counter — a stranger's
/// failures never touch it, so the account's owner can always sign in from their own computer;</item>
/// <item>any other browser: per user name and client address, <see cref="FailuresPerAddress"/> failures;</item>
/// <item>and per user name over all untrusted browsers, <see cref="FailuresPerName"/> failures, against guessing from
/// many addresses; while this blocks, the owner signs in from a trusted browser or waits out the delay.</item>
/// </list>
/// Counters live in this process's memory: a restart forgets them (a guesser gains another round, at the per-address
/// rate limit of <see cref="Hosting.PublicRateLimits"/>); idle counters are dropped after <see cref="Forgotten"/>.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FailuresPerAddress = 5;
    public const int FailuresPerName = 20;
    public const int FailuresPerDevice = 5;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(24);

    /// <summary>A counter without failure for this long starts again from zero.</summary>
    public static readonly TimeSpan Forgotten = TimeSpan.FromHours(24);

    /// <summary>Above this many counters, the idle ones are swept (a flood of made-up names cannot grow memory forever).</summary>
    private const int SweepAbove = 50_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Who is signing in, and from where: the counters that apply.</summary>
    public readonly record struct Attempt(string NormalizedName, string Address, string? DeviceId)
    {
        internal IEnumerable<(string Key, int Limit)> Counters() => DeviceId is { } device
            ? [("d\n" + NormalizedName + "\n" + device, FailuresPerDevice)]
            : [("a\n" + NormalizedName + "\n" + Address, FailuresPerAddress), ("n\n" + NormalizedName, FailuresPerName)];
    }

    /// <summary>How long this attempt must wait before its password is even looked at; zero when it may try now.</summary>
    public TimeSpan Wait(Attempt attempt)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var (key, _) in attempt.Counters())
        {
            if (_counters.TryGetValue(key, out var counter) && counter.BlockedUntil(now) is { } until && until - now > wait)
            {
                wait = until - now;
            }
        }

        return wait;
    }

    public void Failed(Attempt attempt)
    {
        var now = clock.GetUtcNow();
        if (_counters.Count > SweepAbove)
        {
            Sweep(now);
        }

        foreach (var (key, limit) in attempt.Counters())
        {
            _counters.GetOrAdd(key, _ => new Counter()).Fail(now, limit);
        }
    }

    /// <summary>A correct password: the counters of this attempt start again.</summary>
    public void Succeeded(Attempt attempt)
    {
        foreach (var (key, _) in attempt.Counters())
        {
            _counters.TryRemove(key, out _);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
        {
            if (counter.IsIdle(now))
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private sealed class Counter
    {
        private readonly Lock _lock = new();
        private int _failures;
        private int _blocks;
        private DateTimeOffset _last;
        private DateTimeOffset _blockedUntil;

        public DateTimeOffset? BlockedUntil(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _blockedUntil > now ? _blockedUntil : null;
            }
        }

        public bool IsIdle(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _blockedUntil <= now && now - _last > Forgotten;
            }
        }

        public void Fail(DateTimeOffset now, int limit)
        {
            lock (_lock)
            {
                if (now - _last > Forgotten)
                {
                    (_failures, _blocks) = (0, 0);
                }

                _last = now;
                if (++_failures < limit)
                {
                    return;
                }

                // Blocked: 15 minutes, then 30, 60 … up to a day for every further round of failures.
                var delay = FirstDelay * Math.Pow(2, Math.Min(_blocks, 10));
                _blockedUntil = now + (delay < MaxDelay ? delay : MaxDelay);
                _blocks++;
                _failures = 0;
            }
        }
    }
}
