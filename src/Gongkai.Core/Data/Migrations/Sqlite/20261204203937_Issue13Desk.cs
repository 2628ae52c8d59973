using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13Desk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "extension_request_reason",
                table: "requests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_requested_by_id",
                table: "requests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_requested_by_name",
                table: "requests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "extension_requested_days",
                table: "requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "extension_requested_on",
                table: "requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "requests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "submission_fingerprint",
                table: "requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "started_at",
                table: "report_versions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_attachment_hashes",
                table: "items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_attachment_hashes",
                table: "item_versions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "request_intakes",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    postal_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    mail_received_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filled_in_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    receipt_rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    registered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    registered_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    scan_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    scan_file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    scan_media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    scan_size = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_intakes", x => x.request_id);
                    table.ForeignKey(
                        name: "FK_request_intakes_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_channel",
                table: "requests",
                columns: new[] { "agency_id", "channel" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_closed_on",
                table: "requests",
                columns: new[] { "agency_id", "closed_on" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_idempotency_key",
                table: "requests",
                columns: new[] { "agency_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_received_on",
                table: "requests",
                columns: new[] { "agency_id", "received_on" });

            // Written by hand: EF Core 10 cannot declare an index on a complex type's column (RequestMapping.WorklistIndexes).
            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_applicant_kind",
                table: "requests",
                columns: new[] { "agency_id", "applicant_kind" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_outcome_state",
                table: "requests",
                columns: new[] { "agency_id", "outcome", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_applicant_kind",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_outcome_state",
                table: "requests");

            migrationBuilder.DropTable(
                name: "request_intakes");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_channel",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_closed_on",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_idempotency_key",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_received_on",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "extension_request_reason",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "extension_requested_by_id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "extension_requested_by_name",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "extension_requested_days",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "extension_requested_on",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "submission_fingerprint",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "started_at",
                table: "report_versions");

            migrationBuilder.DropColumn(
                name: "review_attachment_hashes",
                table: "items");

            migrationBuilder.DropColumn(
                name: "review_attachment_hashes",
                table: "item_versions");
        }
    }
}
