using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Proactive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    article20_item = table.Column<int>(type: "INTEGER", nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_categories", x => x.id);
                    table.ForeignKey(
                        name: "FK_categories_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_categories_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "divisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_divisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_divisions_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "topics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topics", x => x.id);
                    table.ForeignKey(
                        name: "FK_topics_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    topic_ids = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    formed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    full_text_electronic = table.Column<bool>(type: "INTEGER", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    proposal_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    repealed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    author_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    first_published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawn_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    review_content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    review_imported = table.Column<bool>(type: "INTEGER", nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reviewer_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    review_version = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_items_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_items_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_items_divisions_division_id",
                        column: x => x.division_id,
                        principalTable: "divisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "item_events",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    from_state = table.Column<int>(type: "INTEGER", nullable: true),
                    to_state = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_role = table.Column<int>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_events", x => new { x.item_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_item_events_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "item_versions",
                columns: table => new
                {
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    topic_ids = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    formed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    full_text_electronic = table.Column<bool>(type: "INTEGER", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    proposal_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    repealed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    review_content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    review_imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reviewer_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reviewer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    review_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_versions", x => new { x.item_id, x.number });
                    table.ForeignKey(
                        name: "FK_item_versions_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_categories_agency_id_parent_id_name",
                table: "categories",
                columns: new[] { "agency_id", "parent_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_categories_parent_id",
                table: "categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_divisions_agency_id_name",
                table: "divisions",
                columns: new[] { "agency_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_category_id_published_on",
                table: "items",
                columns: new[] { "agency_id", "category_id", "published_on" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_published_on",
                table: "items",
                columns: new[] { "agency_id", "published_on" });

            migrationBuilder.CreateIndex(
                name: "IX_items_category_id",
                table: "items",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "IX_items_division_id",
                table: "items",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "IX_topics_agency_id_name",
                table: "topics",
                columns: new[] { "agency_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "item_events");

            migrationBuilder.DropTable(
                name: "item_versions");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "items");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "divisions");
        }
    }
}
