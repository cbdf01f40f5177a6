using System.Globalization;
using Conclave.Infrastructure.Persistence;

namespace Conclave.Infrastructure.Sqlite.ReferenceImport;

/// <summary>
/// The SQL that carries each kind of row from the attached reference database (<c>ref</c>) into ours, for the
/// tables and columns the source has (<see cref="ReferenceSchema"/>), parents before children.
/// </summary>
internal sealed class ImportStatements
{
    private readonly ReferenceSchema _schema;

    public ImportStatements(ReferenceSchema schema, long now)
    {
        _schema = schema;
        var at = now.ToString(CultureInfo.InvariantCulture);
        string Or(string table, string row, string column, string fallback) => schema.ColumnOr(table, row, column, fallback);

        var largestWatermark = schema.HasTable("message_fetch_watermarks")
            ? "coalesce((SELECT max(w.last_fetched_seq) FROM ref.message_fetch_watermarks w WHERE w.group_id = g.id), 0)"
            : "0";
        BeforeMessages = Present(
            ("users", "users", $"""
                INSERT INTO main.users (id, username, password_hash, alias, signing_key_fingerprint, created_at)
                SELECT {Id("u.id")}, u.username, u.password_hash, coalesce(u.alias, ''), {Or("users", "u", "signing_key_fingerprint", "''")}, {at}
                FROM ref.users u
                """),
            // The reference stores the same lower-case hex SHA-256 of the token as we do; expired sessions stay behind.
            // Their creation time kept where the reference has one; otherwise the import's time.
            ("sessions", "sessions", $"""
                INSERT INTO main.sessions (token_hash, user_id, created_at, expires_at)
                SELECT lower(s.token), {Id("s.user_id")}, {Or("sessions", "s", "created_at", at)}, s.expires_at
                FROM ref.sessions s WHERE s.expires_at > {at}
                """),
            // Numbering continues above every number a client may have seen: stored, or fetched and since deleted.
            ("groups", "groups", $"""
                INSERT INTO main.groups (id, group_name, alias, mls_group_id, message_expiry_seconds, visibility, last_sequence, created_at)
                SELECT {Id("g.id")}, g.group_name, coalesce(g.alias, ''), {Or("groups", "g", "mls_group_id", "''")},
                       {Or("groups", "g", "message_expiry_seconds", "-1")},
                       CASE {Or("groups", "g", "visibility", "1")} WHEN 2 THEN 2 ELSE 1 END,
                       max(coalesce((SELECT max(m.sequence_num) FROM ref.messages m WHERE m.group_id = g.id), 0), {largestWatermark}),
                       {at}
                FROM ref.groups g
                """),
            ("memberships", "group_members", $"""
                INSERT INTO main.group_members (user_id, group_id, role, joined_at)
                SELECT {Id("gm.user_id")}, {Id("gm.group_id")}, CASE gm.role WHEN 'admin' THEN 2 ELSE 1 END, {at}
                FROM ref.group_members gm
                """),
            ("bans", "banned_users", $"""
                INSERT INTO main.banned_users (user_id, group_id, banned_by, banned_at)
                SELECT {Id("b.user_id")}, {Id("b.group_id")}, {Id("b.banned_by")}, b.banned_at FROM ref.banned_users b
                """),
            ("pending external joins", "pending_external_joins", $"""
                INSERT INTO main.pending_external_joins (user_id, group_id)
                SELECT {Id("j.user_id")}, {Id("j.group_id")} FROM ref.pending_external_joins j
                """));
        MessagesBetween = $"""
            INSERT INTO main.messages (group_id, sequence_num, sender_id, mls_message, created_at)
            SELECT {Id("m.group_id")}, m.sequence_num, {Id("m.sender_id")}, coalesce(m.mls_message, x''), m.created_at
            FROM ref.messages m WHERE m.id > $after AND m.id <= $upTo
            """;
        AfterMessages = Present(
            ("group infos", "group_infos", $"""
                INSERT INTO main.group_infos (group_id, group_info)
                SELECT {Id("i.group_id")}, coalesce(i.group_info_data, x'') FROM ref.group_infos i
                """),
            // Their ids kept: upload order is id order, and regular packages are handed out oldest first.
            ("key packages", "key_packages", $"""
                INSERT INTO main.key_packages (id, user_id, data, is_last_resort, created_at)
                SELECT k.id, {Id("k.user_id")}, coalesce(k.key_package_data, x''), CASE WHEN k.is_last_resort THEN 1 ELSE 0 END, k.created_at
                FROM ref.key_packages k ORDER BY k.id
                """),
            // Their creation time kept: an invite expires invite_ttl_seconds after it, as on the reference.
            ("pending invites", "pending_invites", $"""
                INSERT INTO main.pending_invites (id, group_id, invitee_id, inviter_id, commit_message, welcome_message, group_info, created_at)
                SELECT {Id("p.id")}, {Id("p.group_id")}, {Id("p.invitee_id")}, {Id("p.inviter_id")}, coalesce(p.commit_message, x''),
                       coalesce(p.welcome_data, x''), coalesce(p.group_info, x''), p.created_at
                FROM ref.pending_invites p
                """),
            ("pending welcomes", "pending_welcomes", $"""
                INSERT INTO main.pending_welcomes (id, user_id, group_id, group_alias, welcome_message, created_at)
                SELECT {Id("w.id")}, {Id("w.user_id")}, {Id("w.group_id")}, coalesce(w.group_alias, ''), coalesce(w.welcome_data, x''), w.created_at
                FROM ref.pending_welcomes w
                """),
            ("fetch watermarks", "message_fetch_watermarks", $"""
                INSERT INTO main.message_fetch_watermarks (group_id, user_id, last_fetched_seq)
                SELECT {Id("f.group_id")}, {Id("f.user_id")}, coalesce(f.last_fetched_seq, 0) FROM ref.message_fetch_watermarks f
                """));
        FirstMalformedId = string.Join("\nUNION ALL\n",
            new[] { ("users", "id"), ("groups", "id"), ("pending_invites", "id"), ("pending_welcomes", "id") }
                .Where(table => schema.HasTable(table.Item1))
                .Select(table => $"SELECT * FROM (SELECT {table.Item2} FROM ref.{table.Item1} WHERE NOT ({IsUuid(table.Item2)}) LIMIT 1)"));
    }

    public const string TargetHoldsAnything = "SELECT EXISTS (SELECT 1 FROM main.users) OR EXISTS (SELECT 1 FROM main.groups)";

    public IReadOnlyList<(string Kind, string Sql)> BeforeMessages { get; }

    /// <summary>Messages whose source row id lies in (<c>$after</c>, <c>$upTo</c>].</summary>
    public string MessagesBetween { get; }

    public IReadOnlyList<(string Kind, string Sql)> AfterMessages { get; }

    /// <summary>A query for the first primary id that is not a hyphenated UUID (none: no row).</summary>
    public string FirstMalformedId { get; }

    private List<(string Kind, string Sql)> Present(params (string Kind, string Table, string Sql)[] steps) =>
        [.. steps.Where(step => _schema.HasTable(step.Table)).Select(step => (step.Kind, step.Sql))];

    // The text form's 32 hex digits are the 16 big-endian bytes we store (IdBytes).
    private static string Id(string column) => $"unhex(replace({column}, '-', ''))";

    private static string IsUuid(string column) =>
        $"typeof({column}) = 'text' AND length({column}) = 36 AND substr({column}, 9, 1) = '-' AND substr({column}, 14, 1) = '-' " +
        $"AND substr({column}, 19, 1) = '-' AND substr({column}, 24, 1) = '-' AND length({Id(column)}) = 16";
}
