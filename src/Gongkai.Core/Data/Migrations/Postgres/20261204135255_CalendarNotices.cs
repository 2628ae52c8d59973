using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "consultation_letter_received_on",
                table: "requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fee_notice_received_on",
                table: "requests",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    json = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    loaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_notices", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_notices_year_version",
                table: "calendar_notices",
                columns: new[] { "year", "version" },
                unique: true);

            // A loaded notice is history (which calendar computed which deadline): never changed, never removed.
            migrationBuilder.Sql("CREATE FUNCTION calendar_notices_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'calendar_notices is append-only'; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER calendar_notices_no_change BEFORE UPDATE OR DELETE ON calendar_notices FOR EACH ROW EXECUTE FUNCTION calendar_notices_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS calendar_notices_no_change ON calendar_notices;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS calendar_notices_append_only();");
            migrationBuilder.DropTable(
                name: "calendar_notices");

            migrationBuilder.DropColumn(
                name: "consultation_letter_received_on",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "fee_notice_received_on",
                table: "requests");
        }
    }
}
