namespace Gongkai.Core.Features.Mail;

/// <summary>
/// Wakes the site's mail worker: rung after a commit that put mail into the outbox, so it is sent at once rather than
/// at the next tick. Rings while the worker is busy collapse into one; a missed ring only waits for the tick.
/// </summary>
public sealed class MailSignal : IDisposable
{
    private readonly SemaphoreSlim _rung = new(0, 1);

    public void Ring()
    {
        try
        {
            _rung.Release();
        }
        catch (SemaphoreFullException)
        {
            // Rung already and not yet heard: one wake-up serves both.
        }
    }

    /// <summary>True when rung before <paramref name="timeout"/>, false at the timeout.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _rung.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _rung.Dispose();
}
