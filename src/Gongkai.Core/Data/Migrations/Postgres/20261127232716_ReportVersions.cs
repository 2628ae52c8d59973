using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "agency_id",
                table: "item_versions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.Sql(ProactiveMapping.BackfillItemVersionAgency);

            migrationBuilder.CreateTable(
                name: "report_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    built_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    warning_count = table.Column<int>(type: "integer", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledgement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "ix_item_versions_summary",
                table: "item_versions",
                columns: new[] { "agency_id", "number", "published_on", "category_id", "full_text_electronic", "formed_on" });

            migrationBuilder.CreateIndex(
                name: "IX_report_versions_agency_id_year_number",
                table: "report_versions",
                columns: new[] { "agency_id", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_versions_year_agency_id",
                table: "report_versions",
                columns: new[] { "year", "agency_id" });

            migrationBuilder.Sql(ReportMapping.PostgresLockTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReportMapping.PostgresDropLockTriggers);

            migrationBuilder.DropTable(
                name: "report_versions");

            migrationBuilder.DropIndex(
                name: "ix_item_versions_summary",
                table: "item_versions");

            migrationBuilder.DropColumn(
                name: "agency_id",
                table: "item_versions");
        }
    }
}
