using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// Issues a letter (spec/letters.md §2): in one transaction, takes the next serial of the agency's series for the kind
/// and the year of the issue date (China time), builds the 文号, has the document composed with it, stores the letter
/// with the SHA-256 of its JSON and writes the 台账 entry (kind, 文号, hash; no personal data). Gapless: the series
/// moves only in the transaction that stores the letter, so a refused or failed issue takes no number.
/// <para>
/// One issuer at a time per database: SQLite's BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the file's write
/// lock before the series is read; on PostgreSQL a transaction-scoped advisory lock does, so two issuers never read the
/// same last serial, and never chain their 台账 entries to the same last one. Another writer of the 台账 (a staff step)
/// may still take the next sequence first: then the whole transaction is repeated, up to <see cref="Attempts"/> times.
/// </para>
/// A correction (<see cref="Request.Replaces"/>) is a new letter with a new 文号, of the same request and kind, whose
/// document's mark names the 文号 it replaces; the replaced letter stays as it was.
/// </summary>
public static class IssueLetter
{
    public const string Action = "letter.issued";

    /// <summary>Tries of the transaction when another writer took the next 台账 sequence first.</summary>
    public const int Attempts = 8;

    /// <summary>The PostgreSQL advisory lock of the letter issuers (a key no other code uses).</summary>
    internal const string PostgresLock = "SELECT pg_advisory_xact_lock(4741202614)";

    /// <summary>
    /// The letter's document for the 文号 it was given and the date of issue (what the letter prints; the remedy clause
    /// depends on it). Called inside the issuing transaction, perhaps more than once: it only builds, it reads and
    /// writes nothing. A refusal (reasons missing …) stores nothing and takes no number.
    /// </summary>
    public delegate Result<LetterDocument> Compose(LetterNumber number, DateOnly issuedOn);

    /// <param name="IssuedBy">The user id (or process) issuing, as the 台账 names actors.</param>
    /// <param name="Replaces">The letter this one corrects: an issued letter of the same request and kind.</param>
    /// <param name="TemplateVersion">The template's version the document was composed from; else the document's own, if any.</param>
    /// <param name="AlongWith">What is saved with the letter, in its transaction (the e-mail that sends it): adds rows, saves nothing.</param>
    public sealed record Request(
        Guid AgencyId, Guid RequestId, LetterKind Kind, string IssuedBy, Compose Compose, Guid? Replaces = null, string? TemplateVersion = null,
        Action<GongkaiDbContext, Letter, LetterDocument>? AlongWith = null);

    public sealed record Issued(Guid Id, string Number, int Serial, DateOnly IssuedOn, string DocumentSha256, LetterDocument Document);

    public static Problem LetterNotFound { get; } = Problem.NotFound("letter.notFound", "未找到该文书");

    /// <summary>
    /// The issuers of this process take turns per database here, waiting asynchronously and without a connection: on
    /// SQLite a BEGIN IMMEDIATE that finds the file locked retries on the thread that called it (a few hundred at once
    /// starve the thread pool); on PostgreSQL each waiter at the advisory lock holds a connection of the pool and of the
    /// server. Other processes still wait at BEGIN IMMEDIATE or the advisory lock.
    /// </summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>
    /// Issues the letter. A repeated transaction starts from a cleared change tracker: pass a context that tracks
    /// nothing the caller still needs.
    /// </summary>
    public static async Task<Result<Issued>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Kind))
        {
            return Problem.Invalid("letter.kind", "没有这种文书");
        }

        var turn = Turns.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await IssueOnceAsync(db, clock, request, cancellationToken);
                }
                catch (DbUpdateException e) when (SubmissionWriter.IsConflict(e) && attempt < Attempts)
                {
                    // Another writer took the next 台账 sequence first: everything is read again.
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private static async Task<Result<Issued>> IssueOnceAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(PostgresLock, cancellationToken);
        }

        // The date is taken under the lock: a letter issued later never has an earlier date than one before it.
        var issuedAt = clock.GetUtcNow();
        var issuedOn = ChinaClock.ToChinaDate(issuedAt);

        // Scoped to the agency: a request of another agency is as good as absent.
        var trackingNumber = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.Id == request.RequestId && r.AgencyId == request.AgencyId)
            .Select(r => r.TrackingNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (trackingNumber is null)
        {
            return ApplyStep.NotFound;
        }

        Letter? replaced = null;
        if (request.Replaces is { } replacesId)
        {
            replaced = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == replacesId && l.AgencyId == request.AgencyId, cancellationToken);
            if (replaced is null)
            {
                return LetterNotFound;
            }

            if (replaced.RequestId != request.RequestId || replaced.Kind != request.Kind)
            {
                return Problem.Invalid("letter.replacesOther", "更正的只能是同一申请的同一种文书");
            }

            if (await db.Letters.AnyAsync(l => l.ReplacesId == replacesId, cancellationToken))
            {
                return Problem.Conflict("letter.alreadyReplaced", $"文书{replaced.Number}已被更正，请对更正后的文书再作更正");
            }
        }

        var settings = await GetLetterSettings.InForceAsync(db, request.AgencyId, cancellationToken)
            ?? throw new InvalidOperationException("A request's agency exists.");
        var year = issuedOn.Year;
        var series = await db.LetterSeries.FirstOrDefaultAsync(s => s.AgencyId == request.AgencyId && s.Kind == request.Kind && s.Year == year, cancellationToken);
        var serial = (series?.LastSerial ?? 0) + 1;
        var numbered = LetterNumber.For(settings, request.Kind, year, serial);
        if (!numbered.TryGetValue(out var letterNumber))
        {
            return numbered.Problem;
        }

        var number = letterNumber.ToString();
        if (await db.Letters.AnyAsync(l => l.AgencyId == request.AgencyId && l.Number == number, cancellationToken))
        {
            // Only after the prefix or a kind code changed so that two series print alike.
            return Problem.Conflict("letter.numberTaken", $"文号{number}已被本机关的另一份文书使用（文号前缀或文书代字改动过），请调整文书设置后再发文");
        }

        var composed = request.Compose(letterNumber, issuedOn);
        if (!composed.TryGetValue(out var document))
        {
            return composed.Problem;
        }

        if (document.Number != number || document.IssuedOn != issuedOn)
        {
            throw new InvalidOperationException($"The composed letter carries {document.Number} of {document.IssuedOn:O}, not the {number} of {issuedOn:O} it was given.");
        }

        if (replaced is not null && document.Mark?.Contains(replaced.Number, StringComparison.Ordinal) != true)
        {
            document = document with { Mark = CorrectionMark(replaced.Number) };
        }

        var json = LetterJson.Serialize(document);
        var letter = new Letter
        {
            Id = Guid.NewGuid(),
            AgencyId = request.AgencyId,
            RequestId = request.RequestId,
            Kind = request.Kind,
            Year = year,
            Serial = serial,
            Number = number,
            ReplacesId = replaced?.Id,
            Document = json,
            DocumentSha256 = LetterJson.Sha256(json),
            TemplateVersion = request.TemplateVersion ?? (document.TemplateVersion > 0 ? document.TemplateVersion.ToString(CultureInfo.InvariantCulture) : null),
            IssuedBy = request.IssuedBy,
            IssuedAt = issuedAt,
            IssuedOn = issuedOn,
        };
        if (series is null)
        {
            db.LetterSeries.Add(new LetterSeries { AgencyId = request.AgencyId, Kind = request.Kind, Year = year, LastSerial = serial });
        }
        else
        {
            series.LastSerial = serial;
        }

        db.Letters.Add(letter);
        request.AlongWith?.Invoke(db, letter, document);
        var entry = JsonSerializer.Serialize(new
        {
            Kind = LetterKindNames.Title(request.Kind),
            letter.Number,
            letter.IssuedOn,
            letter.DocumentSha256,
            TrackingNumber = trackingNumber,
            Replaces = replaced?.Number,
            letter.TemplateVersion,
        }, AuditTrail.Json);
        AuditTrail.Record(db, clock, request.IssuedBy, Action, nameof(Letter), letter.Id.ToString("D"), request.AgencyId, null, entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Issued(letter.Id, number, serial, issuedOn, letter.DocumentSha256, document);
    }

    /// <summary>The line above the title of a correction.</summary>
    public static string CorrectionMark(string replacedNumber) => $"本文书更正并取代{replacedNumber}";
}
