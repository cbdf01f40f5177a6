using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conclave.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registration_invitations",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    max_uses = table.Column<int>(type: "INTEGER", nullable: false),
                    times_used = table.Column<int>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_invitations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registration_invitations_token_hash",
                table: "registration_invitations",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registration_invitations");
        }
    }
}
