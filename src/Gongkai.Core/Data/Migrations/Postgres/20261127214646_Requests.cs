using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tracking_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    written_down_by_staff = table.Column<bool>(type: "boolean", nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    reply_due = table.Column<DateOnly>(type: "date", nullable: true),
                    extended_due = table.Column<DateOnly>(type: "date", nullable: true),
                    extension_working_days = table.Column<int>(type: "integer", nullable: true),
                    delayed_reply_due = table.Column<DateOnly>(type: "date", nullable: true),
                    excluded_working_days = table.Column<int>(type: "integer", nullable: false),
                    supplement_notice_due = table.Column<DateOnly>(type: "date", nullable: true),
                    supplement_requested = table.Column<bool>(type: "boolean", nullable: false),
                    supplement_items = table.Column<string[]>(type: "text[]", nullable: false),
                    supplement_period_end = table.Column<DateOnly>(type: "date", nullable: true),
                    supplement_excuse = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    supplement_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    consultation_started_on = table.Column<DateOnly>(type: "date", nullable: true),
                    consultation_due = table.Column<DateOnly>(type: "date", nullable: true),
                    fee_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    fee_basis = table.Column<int>(type: "integer", nullable: true),
                    fee_due = table.Column<DateOnly>(type: "date", nullable: true),
                    fee_paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    replied_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    id_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    report_row_2019 = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    report_row_2021 = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    applicant_kind = table.Column<int>(type: "integer", nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    id_document_kind = table.Column<int>(type: "integer", nullable: true),
                    id_document_number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cannot_provide_ground = table.Column<int>(type: "integer", nullable: true),
                    not_processed_ground = table.Column<int>(type: "integer", nullable: true),
                    other_handling_ground = table.Column<int>(type: "integer", nullable: true),
                    outcome = table.Column<int>(type: "integer", nullable: true),
                    withholding_ground = table.Column<int>(type: "integer", nullable: true)
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
                name: "request_events",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    from_state = table.Column<int>(type: "integer", nullable: true),
                    to_state = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reply_due = table.Column<DateOnly>(type: "date", nullable: true),
                    extended_due = table.Column<DateOnly>(type: "date", nullable: true),
                    supplement_notice_due = table.Column<DateOnly>(type: "date", nullable: true),
                    delayed_reply_due = table.Column<DateOnly>(type: "date", nullable: true),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_role = table.Column<int>(type: "integer", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_first_received_on_closed_on",
                table: "requests",
                columns: new[] { "agency_id", "first_received_on", "closed_on" });

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

            // Covering indexes for section 三's grouped query (RequestsTable): one per report format, so the
            // database groups an agency's requests from a narrow index instead of the wide table.
            migrationBuilder.Sql("CREATE INDEX ix_requests_report_2019 ON requests (agency_id, applicant_kind, report_row_2019, first_received_on, closed_on);");
            migrationBuilder.Sql("CREATE INDEX ix_requests_report_2021 ON requests (agency_id, applicant_kind, report_row_2021, first_received_on, closed_on);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_requests_report_2019;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_requests_report_2021;");

            migrationBuilder.DropTable(
                name: "request_events");

            migrationBuilder.DropTable(
                name: "requests");
        }
    }
}
