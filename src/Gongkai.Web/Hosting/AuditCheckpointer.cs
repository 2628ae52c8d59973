using Gongkai.Core.Data.Audit;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Signs the 台账's head into its checkpoint file (<see cref="AuditCheckpoints"/>) a minute after the site starts and
/// then daily, so that a rewrite or a truncation of the chain is found even where nobody runs <c>audit verify</c>: what
/// the chain holds up to the last checkpoint cannot be changed unseen. Not at once on start: a site that starts and
/// stops (a test host, a restart loop) does not walk the chain each time. Logs counts only, never a record.
/// </summary>
internal sealed partial class AuditCheckpointer(SiteDatabase database, TimeProvider clock, ILogger<AuditCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = AuditCheckpoints.FileFor(database.Target);
        var wait = FirstAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, clock, stoppingToken);
            wait = Interval;
            try
            {
                await using var db = database.Open();
                var verification = await AuditCheckpoints.WriteAsync(db, file, clock, stoppingToken);
                if (!verification.IsIntact)
                {
                    Broken(logger, verification.BrokenAt ?? 0, verification.Findings.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database or the file is unreachable: tomorrow's pass tries again; the chain is unchanged.
                Failed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit trail does not verify (broken at entry {BrokenAt}, {Findings} other findings): no checkpoint written; run gongkai audit verify")]
    private static partial void Broken(ILogger logger, long brokenAt, int findings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the audit checkpoint failed ({Error}); the next pass tries again")]
    private static partial void Failed(ILogger logger, string error);
}
