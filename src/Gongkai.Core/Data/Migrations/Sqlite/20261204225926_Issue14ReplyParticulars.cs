using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue14ReplyParticulars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reasons_requested",
                table: "requests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reply_particulars",
                table: "requests",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Written by hand: ALTER TABLE … DROP COLUMN (SQLite 3.35+) instead of EF Core's table rebuild, which keeps only
            // the model's indexes and would lose the worklist's on complex-type columns (Issue13Desk, RequestMapping.WorklistIndexes).
            migrationBuilder.Sql("ALTER TABLE requests DROP COLUMN reasons_requested;");
            migrationBuilder.Sql("ALTER TABLE requests DROP COLUMN reply_particulars;");
        }
    }
}
