using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue14MailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mail_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recipient = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    attachment_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attachment = table.Column<byte[]>(type: "bytea", nullable: false),
                    attachment_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<long>(type: "bigint", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    server_reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    message_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_outbox", x => x.id);
                    table.ForeignKey(
                        name: "FK_mail_outbox_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_agency_id_created_at",
                table: "mail_outbox",
                columns: new[] { "agency_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_letter_id",
                table: "mail_outbox",
                column: "letter_id");

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_state_next_attempt_at",
                table: "mail_outbox",
                columns: new[] { "state", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mail_outbox");
        }
    }
}
