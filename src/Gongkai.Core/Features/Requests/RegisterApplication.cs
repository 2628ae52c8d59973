using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// An application registered by staff (条例 Art 29¶1): a letter, a fax, an e-mail, the form handed in at the counter,
/// or an oral application staff wrote down. The applicant's part is checked as the online form checks it
/// (<see cref="OnlineApplicationForm"/>), the channel's facts by <see cref="IntakeFacts"/>; then the same
/// <see cref="DisclosureRequest.Submit"/> as online, numbered in the agency's one series, with the confirmation of
/// Art 31 at once when staff give its date. Before saving, applications of the same applicant (identity fingerprint or
/// name) with similar content submitted within <see cref="DuplicateWindowDays"/> days are returned as warnings; staff
/// may register anyway. Nothing is saved on any error; the 台账 entry holds no personal data.
/// </summary>
public static class RegisterApplication
{
    /// <summary>How far back the duplicate warning looks, in calendar days before the submission date (inclusive).</summary>
    public const int DuplicateWindowDays = 30;

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The staff-side facts as typed; <see cref="IntakeFacts.Create"/> checks them.</summary>
    public sealed record IntakeInput(
        Channel Channel, DateOnly? SubmittedOn, string? PostalNumber, DateTimeOffset? MailReceivedAt, DateOnly? ConfirmedOn, string? FilledInBy, bool ApplicantSigned);

    /// <summary>A scan of the paper form (seekable stream).</summary>
    public sealed record Scan(string FileName, Stream Content, long Length);

    public sealed record Request(Guid AgencyId, OnlineApplicationForm Form, IntakeInput Intake, Actor Actor, Scan? ScanFile = null, bool RegisterDespiteDuplicates = false);

    public sealed record Registered(Guid Id, string TrackingNumber, Channel Channel, DateOnly SubmittedOn, RequestState State, DateOnly? ReceivedOn, DateOnly? ReplyDue);

    public sealed record Duplicate(Guid Id, string TrackingNumber, DateOnly SubmittedOn, string Content);

    /// <summary>The registered application; or the problems by field; or (nothing saved) the similar applications found.</summary>
    public sealed record Response(Registered? Registered, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<Duplicate> Duplicates);

    public const string IntakeField = "Intake";
    public const string ScanField = "Scan";

    public static async Task<Result<Response>> HandleAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, AttachmentStore store, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ChinaClock.Today(clock);
        var form = request.Form.Check(today);
        var i = request.Intake;
        var facts = IntakeFacts.Create(i.Channel, i.SubmittedOn, i.PostalNumber, i.MailReceivedAt, i.ConfirmedOn, i.FilledInBy, i.ApplicantSigned, today);
        var errors = new Dictionary<string, string>(form.Errors, StringComparer.Ordinal);
        if (!facts.IsSuccess)
        {
            errors[IntakeField] = facts.Problem.Message;
        }

        if (errors.Count > 0)
        {
            return new Response(null, errors, []);
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == request.AgencyId, cancellationToken))
        {
            return Domain.Agencies.AgencyProblems.NotFound();
        }

        var intake = facts.Value;
        if (!request.RegisterDespiteDuplicates)
        {
            var duplicates = await FindDuplicatesAsync(db, request.AgencyId, form.Applicant!, form.Content!, intake.SubmittedOn, cancellationToken);
            if (duplicates.Count > 0)
            {
                return new Response(null, NoErrors, duplicates);
            }
        }

        Domain.Proactive.Attachment? scan = null;
        if (request.ScanFile is { } file)
        {
            var stored = await StoreAttachment.HandleAsync(store, file.FileName, file.Content, file.Length, cancellationToken);
            if (!stored.TryGetValue(out scan))
            {
                return new Response(null, new Dictionary<string, string>(StringComparer.Ordinal) { [ScanField] = stored.Problem.Message }, []);
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var saved = await SaveAsync(db, clock, calendar, request, form.Applicant!, form.Content!, intake, scan, cancellationToken);
                return saved.TryGetValue(out var registered) ? new Response(registered, NoErrors, []) : saved.Problem;
            }
            catch (DbUpdateException e) when (SubmissionWriter.IsConflict(e) && attempt < SubmissionWriter.Attempts)
            {
                // Another writer took the number or the 台账 sequence first: numbered and chained again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Result<Registered>> SaveAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Request request, Applicant applicant, string content, IntakeFacts intake,
        Domain.Proactive.Attachment? scan, CancellationToken cancellationToken)
    {
        // The online writer's lock (PostgreSQL) or the file's write lock (SQLite: BEGIN IMMEDIATE): one series, one writer at a time.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(SubmissionWriter.PostgresLock, cancellationToken);
        }

        var year = intake.SubmittedOn.Year;
        var number = await TrackingNumberSeries.NextAsync(db, request.AgencyId, year, cancellationToken);
        var at = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var submitted = DisclosureRequest.Submit(
            new Submit(request.Actor, intake.SubmittedOn, at, id, request.AgencyId, number.Value, applicant, intake.Channel, content, intake.Channel == Channel.Oral),
            calendar);
        if (!submitted.TryGetValue(out var application))
        {
            return submitted.Problem;
        }

        if (intake.ConfirmedOn is { } confirmed)
        {
            var step = application.Apply(new ConfirmReceipt(request.Actor, confirmed, at), calendar);
            if (!step.IsSuccess)
            {
                return step.Problem;
            }
        }

        db.Requests.Add(application);
        db.Intakes.Add(new RequestIntake
        {
            RequestId = id,
            Channel = intake.Channel,
            SubmittedOn = intake.SubmittedOn,
            PostalNumber = intake.PostalNumber,
            MailReceivedAt = intake.MailReceivedAt,
            ConfirmedOn = intake.ConfirmedOn,
            FilledInBy = intake.FilledInBy,
            ReceiptRule = intake.Channel.ReceiptRule(),
            RegisteredBy = request.Actor.UserId,
            RegisteredByName = request.Actor.DisplayName,
            RegisteredAt = at,
            ScanSha256 = scan?.Sha256,
            ScanFileName = scan?.FileName,
            ScanMediaType = scan?.MediaType,
            ScanSize = scan?.Size,
        });
        AuditTrail.Record(db, clock, request.Actor.UserId, "request.registered", nameof(DisclosureRequest), id.ToString("D"), request.AgencyId, null,
            ApplyStep.Snapshot(application));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Registered(id, application.TrackingNumber, application.Channel, application.SubmittedOn, application.State, application.ReceivedOn, application.CurrentDue);
    }

    /// <summary>
    /// The agency's applications of the same applicant — same identity number (by its fingerprint) or same name —
    /// submitted from <see cref="DuplicateWindowDays"/> days before <paramref name="submittedOn"/> on, whose content
    /// is similar (<see cref="IsSimilar"/>).
    /// </summary>
    internal static async Task<IReadOnlyList<Duplicate>> FindDuplicatesAsync(
        GongkaiDbContext db, Guid agencyId, Applicant applicant, string content, DateOnly submittedOn, CancellationToken cancellationToken)
    {
        var from = submittedOn.AddDays(-DuplicateWindowDays);
        var fingerprint = applicant.Document is { Kind: IdentityDocumentKind.ResidentIdentityCard } d ? db.Protector.Fingerprint(d.Number) : null;
        var candidates = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.SubmittedOn >= from
                && (r.Applicant.Name == applicant.Name || (fingerprint != null && EF.Property<string?>(r, RequestMapping.IdentityFingerprint) == fingerprint)))
            .OrderByDescending(r => r.SubmittedOn)
            .Select(r => new Duplicate(r.Id, r.TrackingNumber, r.SubmittedOn, r.Content))
            .Take(50)
            .ToListAsync(cancellationToken);
        return [.. candidates.Where(c => IsSimilar(c.Content, content))];
    }

    /// <summary>
    /// Similar content: after dropping spaces and punctuation, one text holds the other, or at least half of the
    /// character pairs (bigrams) of the shorter text occur in the longer one. Crude on purpose: a warning, not a refusal.
    /// </summary>
    public static bool IsSimilar(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))
        {
            return true;
        }

        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        if (shorter.Length < 2)
        {
            return false;
        }

        var pairs = Enumerable.Range(0, longer.Length - 1).Select(k => longer.Substring(k, 2)).ToHashSet(StringComparer.Ordinal);
        var shared = Enumerable.Range(0, shorter.Length - 1).Count(k => pairs.Contains(shorter.Substring(k, 2)));
        return shared * 2 >= shorter.Length - 1;
    }

    // The delivery line the form appends is not part of what is asked for.
    private static string Normalize(string text) =>
        new([.. OnlineApplicationForm.Description(text).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
