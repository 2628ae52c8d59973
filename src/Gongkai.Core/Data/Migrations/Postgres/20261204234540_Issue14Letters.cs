using System;
using Gongkai.Core.Data.Letters;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue14Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "letter_series",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_serial = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_series", x => new { x.agency_id, x.kind, x.year });
                    table.ForeignKey(
                        name: "FK_letter_series_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "letter_settings",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    settings = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_settings", x => x.agency_id);
                    table.ForeignKey(
                        name: "FK_letter_settings_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    serial = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document = table.Column<string>(type: "text", nullable: false),
                    document_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    template_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    delivery_method = table.Column<int>(type: "integer", nullable: true),
                    posted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ems_number = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    emailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letters", x => x.id);
                    table.ForeignKey(
                        name: "FK_letters_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_letters_letters_replaces_id",
                        column: x => x.replaces_id,
                        principalTable: "letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_letters_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_letters_agency_id_kind_year_serial",
                table: "letters",
                columns: new[] { "agency_id", "kind", "year", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letters_agency_id_number",
                table: "letters",
                columns: new[] { "agency_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letters_replaces_id",
                table: "letters",
                column: "replaces_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letters_request_id",
                table: "letters",
                column: "request_id");

            // Hand-written: an issued letter changes only in its delivery and is never deleted.
            migrationBuilder.Sql(LetterMapping.PostgresImmutableTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LetterMapping.PostgresDropImmutableTriggers);

            migrationBuilder.DropTable(
                name: "letter_series");

            migrationBuilder.DropTable(
                name: "letter_settings");

            migrationBuilder.DropTable(
                name: "letters");
        }
    }
}
