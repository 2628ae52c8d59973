using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The public online application (条例 Art 29: 数据电文): the form checked field by field, then the request lodged
/// through the domain with <see cref="Channel.Online"/>, a 申请编号 of the agency's year series (2026-000123) and a
/// random 查询码 kept only as its salted hash, with a 台账 entry that holds no personal data. Nothing is stored when
/// anything is wrong. Online, the receipt date is the day both sides confirm (Art 31(三)): the request waits in
/// <see cref="RequestState.Submitted"/> and the 20 working days (Art 33) start at that confirmation.
/// </summary>
public static class SubmitOnline
{
    /// <summary>Two submissions may take the same next number (the unique index refuses one): try again this often.</summary>
    public const int Attempts = 8;

    public const string ActorId = "applicant:online";

    /// <summary>
    /// One SQLite submission of this process at a time from numbering to commit. SQLite has one writer anyway; 32 at
    /// once would each read the same highest number, all but one be refused by the unique index and start over, and
    /// wait on the file lock in Microsoft.Data.Sqlite's busy loop (BENCHMARKS.md, issue 6: 271 → … submissions/s).
    /// Other processes on the same file are still kept apart by the unique index and the retry below.
    /// </summary>
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    public sealed record Request(Guid AgencyId, OnlineApplicationForm Form);

    /// <summary>What the applicant is given once: <see cref="QueryCode"/> is not kept anywhere.</summary>
    public sealed record Receipt(
        Guid AgencyId, string AgencyName, string TrackingNumber, string QueryCode, DateOnly SubmittedOn, RequestState State, DateOnly? ReceivedOn, DateOnly? ReplyDue);

    /// <summary>Either the receipt, or the problems by field (the page shows them at the fields).</summary>
    public sealed record Response(Receipt? Receipt, IReadOnlyDictionary<string, string> Errors);

    public static async Task<Result<Response>> HandleAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, cancellationToken);
        if (agency is null)
        {
            return new Problem("agency.notFound", "受理机关不存在");
        }

        var today = ChinaClock.Today(clock);
        var form = request.Form.Check(today);
        if (!form.IsValid)
        {
            return new Response(null, form.Errors);
        }

        var id = Guid.NewGuid();
        var code = QueryCode.New();
        var actor = new Actor(ActorId, "申请人（网上提交）", ActorRole.Applicant);
        // One connection from numbering to commit (EF Core would open and close one around each query), opened
        // before waiting for the writer's turn.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var serialize = db.Database.IsSqlite();
            if (serialize)
            {
                await SqliteWriter.WaitAsync(cancellationToken);
            }

            try
            {
                return await SaveAsync(db, clock, calendar, agency, today, form, id, code, actor, cancellationToken);
            }
            finally
            {
                if (serialize)
                {
                    SqliteWriter.Release();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Result<Response>> SaveAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Domain.Agencies.Agency agency, DateOnly today, OnlineApplicationForm.Checked form, Guid id, string code,
        Actor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = await NextNumberAsync(db, agency.Id, today.Year, cancellationToken);
            var submitted = DisclosureRequest.Submit(
                new Submit(actor, today, clock.GetUtcNow(), id, agency.Id, number, form.Applicant!, Channel.Online, form.Content!), calendar);
            if (!submitted.TryGetValue(out var disclosureRequest))
            {
                return new Response(null, new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(OnlineApplicationForm.Content)] = submitted.Problem.Message });
            }

            db.Requests.Add(disclosureRequest);
            db.Entry(disclosureRequest).Property(RequestMapping.QueryCodeHash).CurrentValue = QueryCode.Hash(id, code);
            AuditTrail.Record(db, clock, ActorId, "request.submittedOnline", nameof(DisclosureRequest), id.ToString("D"), agency.Id, null, ApplyStep.Snapshot(disclosureRequest));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Response(
                    new Receipt(agency.Id, agency.Name, number, code, today, disclosureRequest.State, disclosureRequest.ReceivedOn, disclosureRequest.CurrentDue),
                    new Dictionary<string, string>(StringComparer.Ordinal));
            }
            catch (DbUpdateException e) when (IsConflict(e) && attempt < Attempts)
            {
                // Another submission took the number (or the next 台账 sequence) first: forget ours and count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The next number of the agency's series for the year: the highest "YYYY-NNNNNN" plus one.</summary>
    public static async Task<string> NextNumberAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken = default)
    {
        var prefix = FormattableString.Invariant($"{year:D4}-");
        var length = prefix.Length + 6;

        // Same-length digit strings sort as numbers; a ledger's own numbers of that shape with letters sort among
        // them, so a few are read and the highest all-digit one is taken. A range, not StartsWith (LIKE, which cannot
        // use the (agency_id, tracking_number) index and read every request of the agency): the read stays a few rows.
        var lowest = prefix + "000000";
        var top = prefix + "999999";
        var highest = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.TrackingNumber.CompareTo(lowest) >= 0 && r.TrackingNumber.CompareTo(top) <= 0 && r.TrackingNumber.Length == length)
            .OrderByDescending(r => r.TrackingNumber)
            .Select(r => r.TrackingNumber)
            .Take(20)
            .ToListAsync(cancellationToken);
        var last = highest.Select(n => int.TryParse(n.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1)
            .DefaultIfEmpty(0).Max();
        return FormattableString.Invariant($"{prefix}{Math.Max(last, 0) + 1:D6}");
    }

    /// <summary>A unique index refused the row: SQLite's constraint error or PostgreSQL's unique_violation.</summary>
    private static bool IsConflict(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
