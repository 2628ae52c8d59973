using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ItemsListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_items_agency_id_category_id_published_on",
                table: "items");

            migrationBuilder.DropIndex(
                name: "IX_items_agency_id_division_id_published_on",
                table: "items");

            migrationBuilder.DropIndex(
                name: "IX_items_agency_id_published_on",
                table: "items");

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_category_id_published_on_id",
                table: "items",
                columns: new[] { "agency_id", "category_id", "published_on", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_division_id_published_on_id",
                table: "items",
                columns: new[] { "agency_id", "division_id", "published_on", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_published_on_id",
                table: "items",
                columns: new[] { "agency_id", "published_on", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_items_agency_id_category_id_published_on_id",
                table: "items");

            migrationBuilder.DropIndex(
                name: "IX_items_agency_id_division_id_published_on_id",
                table: "items");

            migrationBuilder.DropIndex(
                name: "IX_items_agency_id_published_on_id",
                table: "items");

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_category_id_published_on",
                table: "items",
                columns: new[] { "agency_id", "category_id", "published_on" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_division_id_published_on",
                table: "items",
                columns: new[] { "agency_id", "division_id", "published_on" });

            migrationBuilder.CreateIndex(
                name: "IX_items_agency_id_published_on",
                table: "items",
                columns: new[] { "agency_id", "published_on" });
        }
    }
}
