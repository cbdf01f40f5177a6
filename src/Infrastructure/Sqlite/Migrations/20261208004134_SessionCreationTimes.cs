using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conclave.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionCreationTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "created_at",
                table: "sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // No login time was recorded before this migration, and the TTL the expiries were computed with is not
            // known to SQL: sessions that exist already count as created at the upgrade, a recognisable upper bound.
            migrationBuilder.Sql("UPDATE sessions SET created_at = CAST(strftime('%s', 'now') AS INTEGER);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "created_at",
                table: "sessions");
        }
    }
}
