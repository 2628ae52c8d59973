using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue13WorklistIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_channel",
                table: "requests",
                columns: new[] { "agency_id", "channel" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_agency_id_closed_on",
                table: "requests",
                columns: new[] { "agency_id", "closed_on" });

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
                name: "IX_requests_agency_id_channel",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_closed_on",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_received_on",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_applicant_kind",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_agency_id_outcome_state",
                table: "requests");
        }
    }
}
