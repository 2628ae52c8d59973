using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13DeskIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_intakes");
        }
    }
}
