CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "groups" (
    "id" BLOB NOT NULL CONSTRAINT "PK_groups" PRIMARY KEY,
    "group_name" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "mls_group_id" TEXT NOT NULL,
    "message_expiry_seconds" INTEGER NOT NULL,
    "visibility" INTEGER NOT NULL,
    "last_sequence" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "users" (
    "id" BLOB NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "signing_key_fingerprint" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "group_infos" (
    "group_id" BLOB NOT NULL CONSTRAINT "PK_group_infos" PRIMARY KEY,
    "group_info" BLOB NOT NULL,
    CONSTRAINT "FK_group_infos_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE
);

CREATE TABLE "messages" (
    "group_id" BLOB NOT NULL,
    "sequence_num" INTEGER NOT NULL,
    "sender_id" BLOB NOT NULL,
    "mls_message" BLOB NOT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "PK_messages" PRIMARY KEY ("group_id", "sequence_num"),
    CONSTRAINT "FK_messages_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE
);

CREATE TABLE "banned_users" (
    "user_id" BLOB NOT NULL,
    "group_id" BLOB NOT NULL,
    "banned_by" BLOB NOT NULL,
    "banned_at" INTEGER NOT NULL,
    CONSTRAINT "PK_banned_users" PRIMARY KEY ("group_id", "user_id"),
    CONSTRAINT "FK_banned_users_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_banned_users_users_banned_by" FOREIGN KEY ("banned_by") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_banned_users_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "group_members" (
    "user_id" BLOB NOT NULL,
    "group_id" BLOB NOT NULL,
    "role" INTEGER NOT NULL,
    "joined_at" INTEGER NOT NULL,
    CONSTRAINT "PK_group_members" PRIMARY KEY ("group_id", "user_id"),
    CONSTRAINT "FK_group_members_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_group_members_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "key_packages" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_key_packages" PRIMARY KEY AUTOINCREMENT,
    "user_id" BLOB NOT NULL,
    "data" BLOB NOT NULL,
    "is_last_resort" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "FK_key_packages_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "message_fetch_watermarks" (
    "group_id" BLOB NOT NULL,
    "user_id" BLOB NOT NULL,
    "last_fetched_seq" INTEGER NOT NULL,
    CONSTRAINT "PK_message_fetch_watermarks" PRIMARY KEY ("group_id", "user_id"),
    CONSTRAINT "FK_message_fetch_watermarks_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_message_fetch_watermarks_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "pending_external_joins" (
    "user_id" BLOB NOT NULL,
    "group_id" BLOB NOT NULL,
    CONSTRAINT "PK_pending_external_joins" PRIMARY KEY ("group_id", "user_id"),
    CONSTRAINT "FK_pending_external_joins_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_pending_external_joins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "pending_invites" (
    "id" BLOB NOT NULL CONSTRAINT "PK_pending_invites" PRIMARY KEY,
    "group_id" BLOB NOT NULL,
    "invitee_id" BLOB NOT NULL,
    "inviter_id" BLOB NOT NULL,
    "commit_message" BLOB NOT NULL,
    "welcome_message" BLOB NOT NULL,
    "group_info" BLOB NOT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "FK_pending_invites_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_pending_invites_users_invitee_id" FOREIGN KEY ("invitee_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_pending_invites_users_inviter_id" FOREIGN KEY ("inviter_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "pending_welcomes" (
    "id" BLOB NOT NULL CONSTRAINT "PK_pending_welcomes" PRIMARY KEY,
    "user_id" BLOB NOT NULL,
    "group_id" BLOB NOT NULL,
    "group_alias" TEXT NOT NULL,
    "welcome_message" BLOB NOT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "FK_pending_welcomes_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_pending_welcomes_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "sessions" (
    "token_hash" TEXT NOT NULL CONSTRAINT "PK_sessions" PRIMARY KEY,
    "user_id" BLOB NOT NULL,
    "expires_at" INTEGER NOT NULL,
    CONSTRAINT "FK_sessions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_banned_users_banned_by" ON "banned_users" ("banned_by");

CREATE INDEX "IX_banned_users_user_id" ON "banned_users" ("user_id");

CREATE INDEX "IX_group_members_user_id" ON "group_members" ("user_id");

CREATE UNIQUE INDEX "IX_groups_group_name" ON "groups" ("group_name");

CREATE INDEX "IX_key_packages_user_id_is_last_resort_created_at_id" ON "key_packages" ("user_id", "is_last_resort", "created_at", "id");

CREATE INDEX "IX_message_fetch_watermarks_user_id" ON "message_fetch_watermarks" ("user_id");

CREATE INDEX "IX_messages_created_at" ON "messages" ("created_at");

CREATE INDEX "IX_messages_sender_id" ON "messages" ("sender_id");

CREATE INDEX "IX_pending_external_joins_user_id" ON "pending_external_joins" ("user_id");

CREATE INDEX "IX_pending_invites_created_at" ON "pending_invites" ("created_at");

CREATE UNIQUE INDEX "IX_pending_invites_group_id_invitee_id" ON "pending_invites" ("group_id", "invitee_id");

CREATE INDEX "IX_pending_invites_invitee_id" ON "pending_invites" ("invitee_id");

CREATE INDEX "IX_pending_invites_inviter_id" ON "pending_invites" ("inviter_id");

CREATE INDEX "IX_pending_welcomes_group_id" ON "pending_welcomes" ("group_id");

CREATE INDEX "IX_pending_welcomes_user_id" ON "pending_welcomes" ("user_id");

CREATE INDEX "IX_sessions_expires_at" ON "sessions" ("expires_at");

CREATE INDEX "IX_sessions_user_id" ON "sessions" ("user_id");

CREATE UNIQUE INDEX "IX_users_username" ON "users" ("username");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125234745_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "registration_invitations" (
    "id" BLOB NOT NULL CONSTRAINT "PK_registration_invitations" PRIMARY KEY,
    "token_hash" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "max_uses" INTEGER NOT NULL,
    "times_used" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "revoked_at" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_registration_invitations_token_hash" ON "registration_invitations" ("token_hash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207225521_RegistrationInvitations', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "sessions" ADD "created_at" INTEGER NOT NULL DEFAULT 0;

UPDATE sessions SET created_at = CAST(strftime('%s', 'now') AS INTEGER);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261208004134_SessionCreationTimes', '10.0.15');

COMMIT;

