using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies", x => x.id);
                    table.ForeignKey(
                        name: "FK_agencies_agencies_parent_id",
                        column: x => x.parent_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "calendar_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    loaded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    last_used_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "FK_api_keys_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "article20_statistics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    format = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_article20_statistics", x => x.id);
                    table.ForeignKey(
                        name: "FK_article20_statistics_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    article20_item = table.Column<int>(type: "INTEGER", nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_categories", x => x.id);
                    table.ForeignKey(
                        name: "FK_categories_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_categories_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "divisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_divisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_divisions_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "guides",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    author_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guides", x => x.id);
                    table.ForeignKey(
                        name: "FK_guides_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    format = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    built_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    error_count = table.Column<int>(type: "INTEGER", nullable: false),
                    warning_count = table.Column<int>(type: "INTEGER", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    acknowledgement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    locked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    locked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_report_versions_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tracking_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    written_down_by_staff = table.Column<bool>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    reply_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extended_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extension_working_days = table.Column<int>(type: "INTEGER", nullable: true),
                    delayed_reply_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    excluded_working_days = table.Column<int>(type: "INTEGER", nullable: false),
                    supplement_notice_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    supplement_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    supplement_items = table.Column<string>(type: "TEXT", nullable: false),
                    supplement_period_end = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    supplement_excuse = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    supplement_received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    consultation_started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    consultation_letter_received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    consultation_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    fee_amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    fee_basis = table.Column<int>(type: "INTEGER", nullable: true),
                    fee_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    fee_notice_received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    fee_paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    replied_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    first_received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    id_fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    query_code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    report_row_2019 = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    report_row_2021 = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    applicant_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    contact_email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    id_document_kind = table.Column<int>(type: "INTEGER", nullable: true),
                    id_document_number = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    cannot_provide_ground = table.Column<int>(type: "INTEGER", nullable: true),
                    not_processed_ground = table.Column<int>(type: "INTEGER", nullable: true),
                    other_handling_ground = table.Column<int>(type: "INTEGER", nullable: true),
                    outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    withholding_ground = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests", x => x.id);
                    table.ForeignKey(
                        name: "FK_requests_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_users", x => x.id);
                    table.ForeignKey(
                        name: "FK_staff_users_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "topics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topics", x => x.id);
                    table.ForeignKey(
                        name: "FK_topics_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_staff_role_claims_staff_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "staff_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "article20_figure_changes",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    statistics_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    previous_value = table.Column<string>(type: "TEXT", nullable: true),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    provenance = table.Column<int>(type: "INTEGER", nullable: false),
                    row = table.Column<int>(type: "INTEGER", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_article20_figure_changes", x => new { x.statistics_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_article20_figure_changes_article20_statistics_statistics_id",
                        column: x => x.statistics_id,
                        principalTable: "article20_statistics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "article20_figures",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    statistics_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    provenance = table.Column<int>(type: "INTEGER", nullable: false),
                    row = table.Column<int>(type: "INTEGER", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_article20_figures", x => new { x.statistics_id, x.key });
                    table.ForeignKey(
                        name: "FK_article20_figures_article20_statistics_statistics_id",
                        column: x => x.statistics_id,
                        principalTable: "article20_statistics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    topic_ids = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    formed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    full_text_electronic = table.Column<bool>(type: "INTEGER", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    proposal_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    repealed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    author_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    first_published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawn_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    review_content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    review_imported = table.Column<bool>(type: "INTEGER", nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reviewer_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    review_version = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_items_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_items_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_items_divisions_division_id",
                        column: x => x.division_id,
                        principalTable: "divisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appeal_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    result = table.Column<int>(type: "INTEGER", nullable: false),
                    result_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeal_cases", x => x.id);
                    table.ForeignKey(
                        name: "FK_appeal_cases_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_appeal_cases_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_events",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    from_state = table.Column<int>(type: "INTEGER", nullable: true),
                    to_state = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    reply_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extended_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    supplement_notice_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    delayed_reply_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_role = table.Column<int>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_events", x => new { x.request_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_request_events_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_staff_user_claims_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "FK_staff_user_logins_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "FK_staff_user_roles_staff_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "staff_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_staff_user_roles_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "FK_staff_user_tokens_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "item_events",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    from_state = table.Column<int>(type: "INTEGER", nullable: true),
                    to_state = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_role = table.Column<int>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_events", x => new { x.item_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_item_events_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "item_versions",
                columns: table => new
                {
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    topic_ids = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    formed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    full_text_electronic = table.Column<bool>(type: "INTEGER", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    proposal_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    repealed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    review_content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    review_imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reviewer_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reviewer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    review_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_versions", x => new { x.item_id, x.number });
                    table.ForeignKey(
                        name: "FK_item_versions_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agencies_name",
                table: "agencies",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agencies_parent_id",
                table: "agencies",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_agency_id",
                table: "api_keys",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appeal_cases_agency_id_case_number",
                table: "appeal_cases",
                columns: new[] { "agency_id", "case_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appeal_cases_agency_id_filed_on_result_on_kind_result",
                table: "appeal_cases",
                columns: new[] { "agency_id", "filed_on", "result_on", "kind", "result" });

            migrationBuilder.CreateIndex(
                name: "IX_appeal_cases_request_id",
                table: "appeal_cases",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "IX_article20_statistics_agency_id_year",
                table: "article20_statistics",
                columns: new[] { "agency_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_entity_type_entity_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_notices_year_version",
                table: "calendar_notices",
                columns: new[] { "year", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_categories_agency_id_parent_id_name",
                table: "categories",
                columns: new[] { "agency_id", "parent_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_categories_parent_id",
                table: "categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_divisions_agency_id_name",
                table: "divisions",
                columns: new[] { "agency_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_guides_agency_id_version",
                table: "guides",
                columns: new[] { "agency_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_item_versions_summary",
                table: "item_versions",
                columns: new[] { "agency_id", "number", "published_on", "category_id", "full_text_electronic", "formed_on" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_category_id_published_on_id",
                table: "items",
                columns: new[] { "agency_id", "category_id", "published_on", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_division_id_published_on_id",
                table: "items",
                columns: new[] { "agency_id", "division_id", "published_on", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_published_on_id",
                table: "items",
                columns: new[] { "agency_id", "published_on", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_items_category_id",
                table: "items",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "IX_items_division_id",
                table: "items",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "IX_report_versions_agency_id_year_number",
                table: "report_versions",
                columns: new[] { "agency_id", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_versions_year_agency_id",
                table: "report_versions",
                columns: new[] { "year", "agency_id" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_first_received_on_closed_on",
                table: "requests",
                columns: new[] { "agency_id", "first_received_on", "closed_on" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_state",
                table: "requests",
                columns: new[] { "agency_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_tracking_number",
                table: "requests",
                columns: new[] { "agency_id", "tracking_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requests_first_received_on",
                table: "requests",
                column: "first_received_on");

            migrationBuilder.CreateIndex(
                name: "IX_requests_id_fingerprint",
                table: "requests",
                column: "id_fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_staff_role_claims_role_id",
                table: "staff_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "staff_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_claims_user_id",
                table: "staff_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_logins_user_id",
                table: "staff_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_roles_role_id",
                table: "staff_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "staff_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "IX_staff_users_agency_id",
                table: "staff_users",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "staff_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_topics_agency_id_name",
                table: "topics",
                columns: new[] { "agency_id", "name" },
                unique: true);

            // Hand-written SQL that EF Core's model does not express (carried over from the migrations squashed into this one).
            // The 台账 is append-only in the database too, not only in the model.
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
            // Covering indexes for section 三's grouped query (RequestsTable): one per report format, so the
            // database groups an agency's requests from a narrow index instead of the wide table.
            migrationBuilder.Sql("CREATE INDEX ix_requests_report_2019 ON requests (agency_id, applicant_kind, report_row_2019, first_received_on, closed_on);");
            migrationBuilder.Sql("CREATE INDEX ix_requests_report_2021 ON requests (agency_id, applicant_kind, report_row_2021, first_received_on, closed_on);");

            migrationBuilder.Sql(ProactiveCountsCache.SqliteCreate);
            migrationBuilder.Sql(ReportMapping.SqliteLockTriggers);

            // A loaded notice is history (which calendar computed which deadline): never changed, never removed.
            migrationBuilder.Sql("CREATE TRIGGER calendar_notices_no_update BEFORE UPDATE ON calendar_notices BEGIN SELECT RAISE(ABORT, 'calendar_notices is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER calendar_notices_no_delete BEFORE DELETE ON calendar_notices BEGIN SELECT RAISE(ABORT, 'calendar_notices is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReportMapping.SqliteDropLockTriggers);
            migrationBuilder.Sql(ProactiveCountsCache.SqliteDrop);
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_requests_report_2019;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_requests_report_2021;");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "appeal_cases");

            migrationBuilder.DropTable(
                name: "article20_figure_changes");

            migrationBuilder.DropTable(
                name: "article20_figures");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "calendar_notices");

            migrationBuilder.DropTable(
                name: "guides");

            migrationBuilder.DropTable(
                name: "item_events");

            migrationBuilder.DropTable(
                name: "item_versions");

            migrationBuilder.DropTable(
                name: "report_versions");

            migrationBuilder.DropTable(
                name: "request_events");

            migrationBuilder.DropTable(
                name: "staff_role_claims");

            migrationBuilder.DropTable(
                name: "staff_user_claims");

            migrationBuilder.DropTable(
                name: "staff_user_logins");

            migrationBuilder.DropTable(
                name: "staff_user_roles");

            migrationBuilder.DropTable(
                name: "staff_user_tokens");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "article20_statistics");

            migrationBuilder.DropTable(
                name: "items");

            migrationBuilder.DropTable(
                name: "requests");

            migrationBuilder.DropTable(
                name: "staff_roles");

            migrationBuilder.DropTable(
                name: "staff_users");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "divisions");

            migrationBuilder.DropTable(
                name: "agencies");
        }
    }
}
