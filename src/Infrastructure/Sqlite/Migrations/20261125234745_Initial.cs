using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conclave.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_name = table.Column<string>(type: "TEXT", nullable: false),
                    alias = table.Column<string>(type: "TEXT", nullable: false),
                    mls_group_id = table.Column<string>(type: "TEXT", nullable: false),
                    message_expiry_seconds = table.Column<long>(type: "INTEGER", nullable: false),
                    visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    username = table.Column<string>(type: "TEXT", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: false),
                    alias = table.Column<string>(type: "TEXT", nullable: false),
                    signing_key_fingerprint = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "group_infos",
                columns: table => new
                {
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_info = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_infos", x => x.group_id);
                    table.ForeignKey(
                        name: "FK_group_infos_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sequence_num = table.Column<long>(type: "INTEGER", nullable: false),
                    sender_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    mls_message = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => new { x.group_id, x.sequence_num });
                    table.ForeignKey(
                        name: "FK_messages_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "banned_users",
                columns: table => new
                {
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    banned_by = table.Column<byte[]>(type: "BLOB", nullable: false),
                    banned_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banned_users", x => new { x.group_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_banned_users_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_banned_users_users_banned_by",
                        column: x => x.banned_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_banned_users_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    role = table.Column<int>(type: "INTEGER", nullable: false),
                    joined_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => new { x.group_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_group_members_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_group_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "key_packages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    is_last_resort = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_key_packages", x => x.id);
                    table.ForeignKey(
                        name: "FK_key_packages_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_fetch_watermarks",
                columns: table => new
                {
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    last_fetched_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_fetch_watermarks", x => new { x.group_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_message_fetch_watermarks_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_message_fetch_watermarks_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pending_external_joins",
                columns: table => new
                {
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_external_joins", x => new { x.group_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_pending_external_joins_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_pending_external_joins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pending_invites",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    invitee_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    inviter_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    commit_message = table.Column<byte[]>(type: "BLOB", nullable: false),
                    welcome_message = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_info = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_invites", x => x.id);
                    table.ForeignKey(
                        name: "FK_pending_invites_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_pending_invites_users_invitee_id",
                        column: x => x.invitee_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_pending_invites_users_inviter_id",
                        column: x => x.inviter_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pending_welcomes",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_alias = table.Column<string>(type: "TEXT", nullable: false),
                    welcome_message = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_welcomes", x => x.id);
                    table.ForeignKey(
                        name: "FK_pending_welcomes_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_pending_welcomes_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "TEXT", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.token_hash);
                    table.ForeignKey(
                        name: "FK_sessions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_banned_users_banned_by",
                table: "banned_users",
                column: "banned_by");

            migrationBuilder.CreateIndex(
                name: "IX_banned_users_user_id",
                table: "banned_users",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_group_members_user_id",
                table: "group_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_groups_group_name",
                table: "groups",
                column: "group_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_key_packages_user_id_is_last_resort_created_at_id",
                table: "key_packages",
                columns: new[] { "user_id", "is_last_resort", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_message_fetch_watermarks_user_id",
                table: "message_fetch_watermarks",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_messages_created_at",
                table: "messages",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_messages_sender_id",
                table: "messages",
                column: "sender_id");

            migrationBuilder.CreateIndex(
                name: "IX_pending_external_joins_user_id",
                table: "pending_external_joins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_pending_invites_created_at",
                table: "pending_invites",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_pending_invites_group_id_invitee_id",
                table: "pending_invites",
                columns: new[] { "group_id", "invitee_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pending_invites_invitee_id",
                table: "pending_invites",
                column: "invitee_id");

            migrationBuilder.CreateIndex(
                name: "IX_pending_invites_inviter_id",
                table: "pending_invites",
                column: "inviter_id");

            migrationBuilder.CreateIndex(
                name: "IX_pending_welcomes_group_id",
                table: "pending_welcomes",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "IX_pending_welcomes_user_id",
                table: "pending_welcomes",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_expires_at",
                table: "sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_user_id",
                table: "sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_users_username",
                table: "users",
                column: "username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "banned_users");

            migrationBuilder.DropTable(
                name: "group_infos");

            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "key_packages");

            migrationBuilder.DropTable(
                name: "message_fetch_watermarks");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "pending_external_joins");

            migrationBuilder.DropTable(
                name: "pending_invites");

            migrationBuilder.DropTable(
                name: "pending_welcomes");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
