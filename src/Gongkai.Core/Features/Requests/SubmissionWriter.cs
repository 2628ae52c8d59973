using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// Group commit of online applications: one writer per database in a process (the site keeps one for its lifetime).
/// Applications whose forms are checked wait in a queue; each batch takes up to <see cref="MaxBatch"/> of them,
/// numbers them (each agency's year series read once per batch, then counted on in memory), chains their 台账 entries
/// (the last entry read once) and commits them in ONE transaction. With <c>synchronous = FULL</c> that is one fsync of
/// the WAL per batch instead of one per application (BENCHMARKS.md, issue 6). Every caller is answered only after the
/// commit of its batch returned, so every 申请编号 and 查询码 handed out is on disk.
/// <para>
/// A batch that fails is rolled back whole (nothing of it is stored, no number is used) and its members are then
/// committed one by one, each in its own transaction, numbered again from what is stored: a submission the database
/// refuses fails alone, with its exception, and the others are stored without a gap in the series. A unique index
/// refusing a number or a 台账 sequence means another process wrote first (SQLite: a second process on the file;
/// PostgreSQL: another node, or a staff step's 台账 entry): that transaction is simply repeated, up to
/// <see cref="Attempts"/> times, after reading the numbers again.
/// </para>
/// </summary>
public sealed partial class SubmissionWriter : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many applications in one transaction (with 32 clients at once a batch holds up to 32).</summary>
    public const int MaxBatch = 128;

    /// <summary>Tries of one transaction when another writer took a number or a 台账 sequence first.</summary>
    public const int Attempts = 8;

    /// <summary>SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: not a foreign key, check or trigger refusal.</summary>
    private const int SqliteUnique = 2067;

    private const int SqlitePrimaryKey = 1555;

    /// <summary>The PostgreSQL advisory lock of the online applications' writers (a key no other code uses).</summary>
    internal const string PostgresLock = "SELECT pg_advisory_xact_lock(4741202606)";

    /// <summary>Who lodges an online application in the 台账 and its first step: the applicant, through the site.</summary>
    public const string ActorId = "applicant:online";

    private static readonly Actor OnlineApplicant = new(ActorId, "申请人（网上提交）", ActorRole.Applicant);

    private readonly Func<GongkaiDbContext> _open;
    private readonly ILogger _logger;
    private readonly System.Threading.Channels.Channel<Pending> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<Pending>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly Func<WorkCalendar> _calendar;
    private long _batches;
    private long _applications;

    /// <param name="open">A new context on the database, one per transaction (the writer outlives any request scope).</param>
    public SubmissionWriter(Func<GongkaiDbContext> open, TimeProvider clock, WorkCalendar calendar, ILogger<SubmissionWriter>? logger = null)
        : this(open, clock, () => calendar, logger)
    {
    }

    /// <param name="calendar">The calendar in force when a batch is written (a notice may be loaded while the site runs).</param>
    public SubmissionWriter(Func<GongkaiDbContext> open, TimeProvider clock, Func<WorkCalendar> calendar, ILogger<SubmissionWriter>? logger = null)
    {
        _open = open;
        Clock = clock;
        _calendar = calendar;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _loop = Task.Run(RunAsync);
    }

    public TimeProvider Clock { get; }

    public WorkCalendar Calendar => _calendar();

    /// <summary>Transactions committed with at least one application; fewer than <see cref="ApplicationsCommitted"/> when submissions were grouped.</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    public long ApplicationsCommitted => Interlocked.Read(ref _applications);

    /// <summary>A checked application: what a batch needs to lodge it, with its idempotency key if it came with one (<see cref="SubmissionKeys"/>).</summary>
    internal sealed record Submission(Guid AgencyId, DateOnly Today, Applicant Applicant, string Content, string? IdempotencyKey = null);

    /// <summary>
    /// A submission committed: the application as stored, its agency's name and its 查询码 (kept only as a hash).
    /// <paramref name="Repeated"/>: a retry with the key of an application stored before, which is what it gets back.
    /// </summary>
    internal sealed record Lodged(DisclosureRequest Request, string AgencyName, string QueryCode, bool Repeated = false);

    /// <summary>
    /// A submission waiting for its batch. Its id and 查询码 stay the same through retries, so a commit that went
    /// through although it reported a failure is not stored a second time by the retry (the primary key refuses it).
    /// </summary>
    internal sealed class Pending(Submission submission, CancellationToken cancellationToken)
    {
        public Submission Submission { get; } = submission;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public Guid Id { get; } = Guid.NewGuid();

        /// <summary>Random, or for a keyed submission derived from the key and the content (<see cref="SubmissionKeys.QueryCodeFor"/>).</summary>
        public string Code { get; set; } = QueryCode.New();

        /// <summary>Completed off the writer's loop, so a caller's continuation never holds up the next batch.</summary>
        public TaskCompletionSource<Result<Lodged>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Queues the submission; the task ends when its batch is committed (or it failed for good).</summary>
    internal Task<Result<Lodged>> SubmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        var pending = new Pending(submission, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SubmissionWriter), "The writer is stopped: no more applications are taken.");
        }

        return pending.Answer.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                // A caller gone before its batch started (the client left) is not lodged; once in a batch, it is
                // written whatever happens to the caller, as a single transaction would have been.
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Answer.TrySetCanceled(pending.CancellationToken);
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
                batch.Clear();
            }
        }
    }

    /// <summary>Commits the batch and answers every member; never throws (a member's failure is its answer).</summary>
    internal async Task WriteAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            var answers = await CommitAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(answers[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1 && !DatabaseBusy.Is(e))
        {
            // The exception's type only: a database error's message may quote a value of the application.
            LogBatchFailed(_logger, batch.Count, e.GetType().Name);
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            // One member, or a lock someone else held past the timeout (issue 16, 11): one by one, each would wait as
            // long again, so every member is answered now (the site says busy, retry).
            foreach (var pending in batch)
            {
                pending.Answer.TrySetException(e);
            }
        }
    }

    private async Task<Result<Lodged>[]> CommitAsync(IReadOnlyList<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitOnceAsync(batch);
            }
            catch (DbUpdateException e) when (IsConflict(e) && attempt < Attempts)
            {
                // Another writer took a number or the next 台账 sequence first: everything is read again.
            }
        }
    }

    private async Task<Result<Lodged>[]> CommitOnceAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = _open();

        // Only additions, never changed after Add: EF Core's scan of every tracked entity before saving is skipped.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // One batch at a time per database, also across processes, so no two writers read the same last number.
        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the file's write lock before the reads below.
        // PostgreSQL: a lock of the transaction, released by its commit or rollback; the reads below come after it
        // and, in READ COMMITTED, see what the previous holder committed.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(PostgresLock);
        }

        var agencyIds = batch.Select(p => p.Submission.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync();
        var next = new Dictionary<(Guid Agency, int Year), int>();
        var earlier = await KeyedAsync(db, batch, agencyIds);
        var at = Clock.GetUtcNow();
        var answers = new Result<Lodged>[batch.Count];
        var stored = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var (pending, submission) = (batch[i], batch[i].Submission);
            if (!agencies.TryGetValue(submission.AgencyId, out var agencyName))
            {
                answers[i] = AgencyProblems.NotFound();
                continue;
            }

            // A key seen before (stored, or earlier in this batch): the first application is the answer, read under this
            // batch's lock, so two submissions with one key, at once or one after the other, store one application.
            string? fingerprint = null;
            if (submission.IdempotencyKey is { } key)
            {
                var canonical = SubmissionKeys.Canonical(submission.Applicant, submission.Content);
                fingerprint = SubmissionKeys.Fingerprint(db.Protector, submission.AgencyId, key, canonical);
                pending.Code = SubmissionKeys.QueryCodeFor(db.Protector, submission.AgencyId, key, canonical);
                if (earlier.TryGetValue((submission.AgencyId, key), out var first))
                {
                    answers[i] = first.Fingerprint == fingerprint ? new Lodged(first.Request, agencyName, pending.Code, Repeated: true) : SubmissionKeys.Reused;
                    continue;
                }
            }

            var series = (submission.AgencyId, submission.Today.Year);
            if (!next.TryGetValue(series, out var number))
            {
                number = await TrackingNumberSeries.LastSerialAsync(db, submission.AgencyId, submission.Today.Year) + 1;
            }

            var trackingNumber = TrackingNumber.Online(submission.Today.Year, number).Value;
            var submitted = DisclosureRequest.Submit(
                new Submit(OnlineApplicant, submission.Today, at, pending.Id, submission.AgencyId, trackingNumber, submission.Applicant, Channel.Online, submission.Content),
                Calendar);
            if (!submitted.TryGetValue(out var request))
            {
                // Refused by the procedure: the number stays free for the next one.
                next[series] = number;
                answers[i] = submitted.Problem;
                continue;
            }

            next[series] = number + 1;
            stored++;
            db.Requests.Add(request);
            db.Entry(request).Property(RequestMapping.QueryCodeHash).CurrentValue = QueryCode.Hash(pending.Id, pending.Code);
            if (submission.IdempotencyKey is { } newKey)
            {
                db.Entry(request).Property(RequestMapping.IdempotencyKey).CurrentValue = newKey;
                db.Entry(request).Property(RequestMapping.SubmissionFingerprint).CurrentValue = fingerprint;
                earlier[(submission.AgencyId, newKey)] = (request, fingerprint);
            }

            last = AuditTrail.Append(
                db, last, Clock, ActorId, "request.submittedOnline", nameof(DisclosureRequest), pending.Id.ToString("D"), submission.AgencyId, null, ApplyStep.Snapshot(request));
            answers[i] = new Lodged(request, agencyName, pending.Code);
        }

        if (stored > 0)
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _applications, stored);
        }

        return answers;
    }

    /// <summary>The applications already stored with the keys of the batch's keyed submissions, with their fingerprints.</summary>
    private static async Task<Dictionary<(Guid Agency, string Key), (DisclosureRequest Request, string? Fingerprint)>> KeyedAsync(
        GongkaiDbContext db, IReadOnlyList<Pending> batch, List<Guid> agencyIds)
    {
        var found = new Dictionary<(Guid Agency, string Key), (DisclosureRequest Request, string? Fingerprint)>();
        var keys = batch.Select(p => p.Submission.IdempotencyKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return found;
        }

        var rows = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => agencyIds.Contains(r.AgencyId) && keys.Contains(EF.Property<string>(r, RequestMapping.IdempotencyKey)))
            .Select(r => new { r.Id, r.AgencyId, Key = EF.Property<string>(r, RequestMapping.IdempotencyKey), Fingerprint = EF.Property<string?>(r, RequestMapping.SubmissionFingerprint) })
            .ToListAsync();
        if (rows.Count == 0)
        {
            return found;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        foreach (var row in rows)
        {
            found[(row.AgencyId, row.Key)] = (requests[row.Id], row.Fingerprint);
        }

        return found;
    }

    /// <summary>A unique index refused the row: SQLite's unique or primary key constraint, or PostgreSQL's unique_violation.</summary>
    internal static bool IsConflict(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} online applications failed ({Error}); committing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error);

    /// <summary>Takes no more applications and returns once every one already taken is committed and answered.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    /// <summary>For a host disposed synchronously: the same as <see cref="DisposeAsync"/>, waited for.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
