using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;

namespace Gongkai.Core.Features.Calendar;

/// <summary>
/// The calendar a long-running host (the site) computes with, replaced when a notice is loaded: by this process at
/// once (<see cref="Replace"/>), by another process (the CLI, a second site instance) at the next
/// <see cref="RefreshAsync"/>. Reads are a field read; the calendar itself is immutable.
/// </summary>
public sealed class CalendarInForce(WorkCalendar initial)
{
    private volatile Holder _holder = new(initial, -1);

    public WorkCalendar Current => _holder.Calendar;

    public void Replace(WorkCalendar calendar, int stamp) => _holder = new Holder(calendar, stamp);

    /// <summary>Reloads from the database when its notices changed since the last look; a broken one keeps the current calendar.</summary>
    public async Task RefreshAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        var stamp = await CalendarSource.StampAsync(db, cancellationToken);
        if (stamp == _holder.Stamp)
        {
            return;
        }

        var loaded = await CalendarSource.LoadAsync(db, cancellationToken);
        if (loaded.TryGetValue(out var calendar))
        {
            Replace(calendar, stamp);
        }
    }

    private sealed record Holder(WorkCalendar Calendar, int Stamp);
}
