using Gongkai.Core.Features.Calendar;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Looks for notices loaded by another process (the CLI's <c>calendar load</c>, a second site instance) once a minute,
/// so every instance computes with the same calendar within a minute of a load; this instance's own loads apply at once.
/// </summary>
internal sealed partial class CalendarRefresher(SiteDatabase database, CalendarInForce calendar, TimeProvider clock, ILogger<CalendarRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = database.Open();
                await calendar.RefreshAsync(db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The calendar in force stays; the next tick tries again. No personal data is involved.
                RefreshFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar refresh failed; the calendar in force stays")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
