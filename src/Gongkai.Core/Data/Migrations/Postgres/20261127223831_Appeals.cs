using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appeal_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    case_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    result = table.Column<int>(type: "integer", nullable: false),
                    result_on = table.Column<DateOnly>(type: "date", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeal_cases");
        }
    }
}
