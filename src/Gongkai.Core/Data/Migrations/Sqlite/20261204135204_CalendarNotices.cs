using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fee_notice_received_on",
                table: "requests",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_calendar_notices_year_version",
                table: "calendar_notices",
                columns: new[] { "year", "version" },
                unique: true);

            // A loaded notice is history (which calendar computed which deadline): never changed, never removed.
            migrationBuilder.Sql("CREATE TRIGGER calendar_notices_no_update BEFORE UPDATE ON calendar_notices BEGIN SELECT RAISE(ABORT, 'calendar_notices is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER calendar_notices_no_delete BEFORE DELETE ON calendar_notices BEGIN SELECT RAISE(ABORT, 'calendar_notices is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
