using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    letter_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    attachment_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    attachment = table.Column<byte[]>(type: "BLOB", nullable: false),
                    attachment_sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    server_reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
