using Gongkai.Core.Data.Protection;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Core.Data;

/// <summary>
/// How a <see cref="DisclosureRequest"/> is stored: one row in <c>requests</c> (the applicant, the outcome and the
/// clocks as columns, the identity number encrypted), one row per step in <c>request_events</c>, and columns
/// derived for the annual report's grouped queries (first receipt date, report row in each format).
/// </summary>
internal static class RequestMapping
{
    public const string FirstReceivedOn = "FirstReceivedOn";
    public const string ReportRow2019 = "ReportRow2019";
    public const string ReportRow2021 = "ReportRow2021";
    public const string IdentityFingerprint = "IdentityFingerprint";

    /// <summary>
    /// SHA-256 (hex) of the 查询码 an applicant was given on lodging online, salted with the request's id; the code
    /// itself is never stored. Null for applications taken over from a ledger or lodged otherwise.
    /// </summary>
    public const string QueryCodeHash = "QueryCodeHash";

    /// <summary>
    /// A contact part of <see cref="ContactDetails.MaxPartLength"/> characters sealed: up to 3 UTF-8 bytes a character, a
    /// 28-byte nonce and tag, base64 and the version prefix.
    /// </summary>
    public const int EncryptedContactLength = 1000;

    /// <summary>
    /// The idempotency key an online submission carried (the form's hidden field, the API's <c>Idempotency-Key</c>),
    /// unique per agency: a retry with it finds the application instead of filing it again. Null otherwise.
    /// </summary>
    public const string IdempotencyKey = "IdempotencyKey";

    public const int IdempotencyKeyMaxLength = 100;

    /// <summary>A keyed hash (the data key's HMAC) of what was submitted with <see cref="IdempotencyKey"/>: the same key with other content is refused.</summary>
    public const string SubmissionFingerprint = "SubmissionFingerprint";

    /// <summary>
    /// The indexes the model cannot declare (columns of complex types), as (name, columns): created by the migration
    /// Issue13WorklistIndexes on both providers, checked by the worklist's query-plan tests.
    /// </summary>
    public static IReadOnlyList<(string Name, string[] Columns)> WorklistIndexes { get; } =
    [
        ("IX_requests_agency_id_applicant_kind", ["agency_id", "applicant_kind"]),
        ("IX_requests_agency_id_outcome_state", ["agency_id", "outcome", "state"]),
    ];

    public static void Configure(ModelBuilder modelBuilder, IdentityProtector protector)
    {
        var encrypted = new ValueConverter<string, string>(plain => protector.Protect(plain), stored => protector.Unprotect(stored));

        // Nulls never reach a converter (EF Core passes them through): a contact part left blank stays NULL.
        var encryptedOptional = new ValueConverter<string?, string>(plain => protector.Protect(plain!), stored => protector.Unprotect(stored));
        ConfigureEvents(modelBuilder);
        ConfigureIntakes(modelBuilder);
        modelBuilder.Entity<DisclosureRequest>(r =>
        {
            r.ToTable("requests");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            r.Property(x => x.AgencyId).HasColumnName("agency_id");
            r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            r.Property(x => x.TrackingNumber).HasColumnName("tracking_number").HasMaxLength(TrackingNumber.MaxLength);
            r.HasIndex(x => new { x.AgencyId, x.TrackingNumber }).IsUnique();

            // The worklist reads an agency's open applications (state before Replied) without visiting its closed ones.
            r.HasIndex(x => new { x.AgencyId, x.State });

            // The worklist's filters (Worklist.Find), each read as a range of the agency's entries of its own index.
            r.HasIndex(x => new { x.AgencyId, x.Channel });
            r.HasIndex(x => new { x.AgencyId, x.ReceivedOn });
            r.HasIndex(x => new { x.AgencyId, x.ClosedOn });
            r.Property(x => x.Channel).HasColumnName("channel");
            r.Property(x => x.WrittenDownByStaff).HasColumnName("written_down_by_staff");
            r.Property(x => x.Content).HasColumnName("content").HasMaxLength(DisclosureRequest.MaxContentLength);
            r.Property(x => x.SubmittedOn).HasColumnName("submitted_on");
            r.Property(x => x.ReceivedOn).HasColumnName("received_on");
            r.Property(x => x.State).HasColumnName("state");
            r.Property(x => x.ReplyDue).HasColumnName("reply_due");
            r.Property(x => x.ExtendedDue).HasColumnName("extended_due");
            r.Property(x => x.ExtensionWorkingDays).HasColumnName("extension_working_days");

            // The extension a handler asked for, until the head decides (条例 Art 33¶2); all null when none is pending.
            r.Ignore(x => x.PendingExtension);
            r.Property(x => x.ExtensionRequestedOn).HasColumnName("extension_requested_on");
            r.Property(x => x.ExtensionRequestedById).HasColumnName("extension_requested_by_id").HasMaxLength(100);
            r.Property(x => x.ExtensionRequestedByName).HasColumnName("extension_requested_by_name").HasMaxLength(200);
            r.Property(x => x.ExtensionRequestedDays).HasColumnName("extension_requested_days");
            r.Property(x => x.ExtensionRequestReason).HasColumnName("extension_request_reason").HasMaxLength(1000);
            r.Property(x => x.DelayedReplyDue).HasColumnName("delayed_reply_due");
            r.Property(x => x.ExcludedWorkingDays).HasColumnName("excluded_working_days");
            r.Property(x => x.SupplementNoticeDue).HasColumnName("supplement_notice_due");
            r.Property(x => x.SupplementRequested).HasColumnName("supplement_requested");
            r.Property(x => x.SupplementPeriodEnd).HasColumnName("supplement_period_end");
            r.Property(x => x.SupplementExcuse).HasColumnName("supplement_excuse").HasMaxLength(1000);
            r.Property(x => x.SupplementReceivedOn).HasColumnName("supplement_received_on");
            r.PrimitiveCollection(x => x.SupplementItems).HasField("_supplementItems").UsePropertyAccessMode(PropertyAccessMode.Field).HasColumnName("supplement_items");
            r.Property(x => x.ConsultationStartedOn).HasColumnName("consultation_started_on");
            r.Property(x => x.ConsultationDue).HasColumnName("consultation_due");
            r.Property(x => x.ConsultationLetterReceivedOn).HasColumnName("consultation_letter_received_on");
            r.Property(x => x.FeeAmount).HasColumnName("fee_amount").HasPrecision(12, 2);
            r.Property(x => x.FeeBasis).HasColumnName("fee_basis");
            r.Property(x => x.FeeDue).HasColumnName("fee_due");
            r.Property(x => x.FeeNoticeReceivedOn).HasColumnName("fee_notice_received_on");
            r.Property(x => x.FeePaidOn).HasColumnName("fee_paid_on");
            r.Property(x => x.RepliedOn).HasColumnName("replied_on");
            r.Property(x => x.ClosedOn).HasColumnName("closed_on");

            // Issue 14: what the reply told the applicant (reasons, withheld parts, responsible agency, earlier reply), as
            // one JSON text; '{}' (none) before a reply and on the rows stored before the column existed.
            r.Property(x => x.Particulars).HasColumnName("reply_particulars")
                .HasConversion(ReplyParticularsJson.Converter, ReplyParticularsJson.Comparer).HasDefaultValueSql("'" + ReplyParticularsJson.Empty + "'");
            r.Property(x => x.ReasonsRequested).HasColumnName("reasons_requested").HasMaxLength(ReplyParticularsRule.MaxExplainLength);
            r.Ignore(x => x.CurrentDue);

            // Complex types (columns of the request row, not entities of their own): cheaper to track in bulk
            // imports, and a value may be shared by several requests.
            r.ComplexProperty(x => x.Applicant, a =>
            {
                a.Property(p => p.Kind).HasColumnName("applicant_kind");
                a.Property(p => p.Name).HasColumnName("applicant_name").HasMaxLength(Applicant.MaxNameLength);
                a.ComplexProperty(p => p.Document, d =>
                {
                    d.Property(p => p.Kind).HasColumnName("id_document_kind");

                    // Encrypted at rest (DESIGN.md); the fingerprint column finds a number without decrypting.
                    d.Property(p => p.Number).HasColumnName("id_document_number").HasConversion(encrypted).HasMaxLength(200);
                });
                a.ComplexProperty(p => p.CreditCode, c => c.Property(p => p.Value).HasColumnName("credit_code").HasMaxLength(18));
                // Encrypted at rest like the identity number (issue 13); the name stays clear, the worklist searches it.
                a.ComplexProperty(p => p.Contact, c =>
                {
                    c.Property(p => p.Phone).HasColumnName("contact_phone").HasConversion(encryptedOptional).HasMaxLength(EncryptedContactLength);
                    c.Property(p => p.Email).HasColumnName("contact_email").HasConversion(encryptedOptional).HasMaxLength(EncryptedContactLength);
                    c.Property(p => p.PostalAddress).HasColumnName("contact_address").HasConversion(encryptedOptional).HasMaxLength(EncryptedContactLength);
                });
            });

            // A complex type, not an owned entity: one ReplyOutcome instance may be shared by many requests.
            r.ComplexProperty(x => x.Outcome, o =>
            {
                o.Property(p => p.Outcome).HasColumnName("outcome");
                o.Property(p => p.WithholdingGround).HasColumnName("withholding_ground");
                o.Property(p => p.CannotProvideGround).HasColumnName("cannot_provide_ground");
                o.Property(p => p.NotProcessedGround).HasColumnName("not_processed_ground");
                o.Property(p => p.OtherHandlingGround).HasColumnName("other_handling_ground");
            });

            // EF Core 10 cannot index a complex type's column, so the worklist's filters by applicant kind and by
            // outcome have their indexes (agency_id, applicant_kind) and (agency_id, outcome, state) created in the migration
            // Issue13WorklistIndexes itself (WorklistIndexes below names them), outside this model.

            r.HasMany(x => x.Events).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
            // The steps are part of the request: always loaded with it.
            r.Navigation(x => x.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

            // Derived for the annual report: grouped in SQL (issue: year boundaries), never by loading rows.
            r.Property<DateOnly?>(FirstReceivedOn).HasColumnName("first_received_on");
            r.Property<string?>(ReportRow2019).HasColumnName("report_row_2019").HasMaxLength(60);
            r.Property<string?>(ReportRow2021).HasColumnName("report_row_2021").HasMaxLength(60);
            r.Property<string?>(IdentityFingerprint).HasColumnName("id_fingerprint").HasMaxLength(64);
            r.HasIndex(FirstReceivedOn);
            r.HasIndex(nameof(DisclosureRequest.AgencyId), FirstReceivedOn, nameof(DisclosureRequest.ClosedOn));
            r.HasIndex(IdentityFingerprint);
            r.Property<string?>(QueryCodeHash).HasColumnName("query_code_hash").HasMaxLength(64);
            r.Property<string?>(IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(IdempotencyKeyMaxLength);
            r.Property<string?>(SubmissionFingerprint).HasColumnName("submission_fingerprint").HasMaxLength(64);

            // Unique per agency, in the same transaction as the application: two submissions with one key store one
            // application (several NULLs are allowed by both SQLite and PostgreSQL).
            r.HasIndex(nameof(DisclosureRequest.AgencyId), IdempotencyKey).IsUnique();
        });
    }

    private static void ConfigureIntakes(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<RequestIntake>(i =>
        {
            i.ToTable("request_intakes");
            i.HasKey(x => x.RequestId);
            i.Property(x => x.RequestId).HasColumnName("request_id").ValueGeneratedNever();
            i.HasOne<DisclosureRequest>().WithOne().HasForeignKey<RequestIntake>(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
            i.Property(x => x.Channel).HasColumnName("channel");
            i.Property(x => x.SubmittedOn).HasColumnName("submitted_on");
            i.Property(x => x.PostalNumber).HasColumnName("postal_number").HasMaxLength(IntakeFacts.MaxPostalNumberLength);
            i.Property(x => x.MailReceivedAt).HasColumnName("mail_received_at");
            i.Property(x => x.ConfirmedOn).HasColumnName("confirmed_on");
            i.Property(x => x.FilledInBy).HasColumnName("filled_in_by").HasMaxLength(IntakeFacts.MaxNameLength);
            i.Property(x => x.ReceiptRule).HasColumnName("receipt_rule").HasMaxLength(200);
            i.Property(x => x.RegisteredBy).HasColumnName("registered_by").HasMaxLength(100);
            i.Property(x => x.RegisteredByName).HasColumnName("registered_by_name").HasMaxLength(200);
            i.Property(x => x.RegisteredAt).HasColumnName("registered_at");
            i.Property(x => x.ScanSha256).HasColumnName("scan_sha256").HasMaxLength(64);
            i.Property(x => x.ScanFileName).HasColumnName("scan_file_name").HasMaxLength(260);
            i.Property(x => x.ScanMediaType).HasColumnName("scan_media_type").HasMaxLength(100);
            i.Property(x => x.ScanSize).HasColumnName("scan_size");
        });

    private static void ConfigureEvents(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<RequestEvent>(e =>
        {
            e.ToTable("request_events");
            e.Property<Guid>("RequestId").HasColumnName("request_id");
            e.HasKey("RequestId", nameof(RequestEvent.Sequence));
            e.Property(p => p.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            e.Property(p => p.Trigger).HasColumnName("trigger");
            e.Property(p => p.FromState).HasColumnName("from_state");
            e.Property(p => p.ToState).HasColumnName("to_state");
            e.Property(p => p.Date).HasColumnName("date");
            e.Property(p => p.At).HasColumnName("at");
            e.Property(p => p.ReplyDue).HasColumnName("reply_due");
            e.Property(p => p.ExtendedDue).HasColumnName("extended_due");
            e.Property(p => p.SupplementNoticeDue).HasColumnName("supplement_notice_due");
            e.Property(p => p.DelayedReplyDue).HasColumnName("delayed_reply_due");
            e.Property(p => p.Description).HasColumnName("description").HasMaxLength(2000);

            // A complex type, not an owned entity: one Actor instance may act in many events.
            e.ComplexProperty(p => p.Actor, a =>
            {
                a.Property(p => p.UserId).HasColumnName("actor_id").HasMaxLength(100);
                a.Property(p => p.DisplayName).HasColumnName("actor_name").HasMaxLength(200);
                a.Property(p => p.Role).HasColumnName("actor_role");
            });
        });

    /// <summary>Sets the derived columns of every request about to be saved.</summary>
    public static void UpdateDerivedColumns(GongkaiDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<DisclosureRequest>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var name in DerivedColumns)
            {
                entry.Property(name).CurrentValue = DerivedValue(db, entry.Entity, name);
            }
        }
    }

    public static IReadOnlyList<string> DerivedColumns { get; } = [FirstReceivedOn, ReportRow2019, ReportRow2021, IdentityFingerprint];

    /// <summary>The value of one derived (shadow) column for a request.</summary>
    public static object? DerivedValue(GongkaiDbContext db, DisclosureRequest request, string column) => column switch
    {
        FirstReceivedOn => FirstReceipt(request),
        ReportRow2019 => RequestReportRows.For(request, ReportFormat.V2019),
        ReportRow2021 => RequestReportRows.For(request, ReportFormat.V2021),
        IdentityFingerprint => request.Applicant.Document is { Kind: IdentityDocumentKind.ResidentIdentityCard } document
            ? db.Protector.Fingerprint(document.Number)
            : null,

        // Not derived: set by the online intake when it creates the request; a bulk import has none.
        QueryCodeHash or IdempotencyKey or SubmissionFingerprint => null,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a derived column of requests."),
    };

    /// <summary>
    /// 本年新收 counts an application in the year it was first received (条例 Art 31), not the year of a corrected
    /// application's receipt after a 补正 (Art 30 restarts the clock, not the count).
    /// </summary>
    private static DateOnly? FirstReceipt(DisclosureRequest request) =>
        request.Events
            .FirstOrDefault(e => e.Trigger is RequestTrigger.Submit or RequestTrigger.ConfirmReceipt or RequestTrigger.Import && e.ToState != RequestState.Submitted)
            ?.Date;
}
