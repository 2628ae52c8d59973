using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13DeskSteps : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_idempotency_key",
                table: "requests",
                columns: new[] { "agency_id", "idempotency_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_idempotency_key",
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
        }
    }
}
