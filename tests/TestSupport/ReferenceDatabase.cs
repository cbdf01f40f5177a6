using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Conclave.TestSupport;

/// <summary>Which build of the reference server wrote a database (../shared/reference/database.md).</summary>
public enum ReferenceSchemaVersion
{
    /// <summary>The current schema: every table and column.</summary>
    Current,
    /// <summary>An older build of the UUID line: without the four later columns and the two later tables.</summary>
    WithoutLaterAdditions,
    /// <summary>The released 0.1.0 and 0.1.1: integer ids and creation times on users and groups.</summary>
    Legacy01,
}

/// <summary>
/// A database as the reference server writes it, built from the facts of database.md with our own schema text: one
/// SQLite file in WAL mode, ids as lower-case hyphenated UUID text, times as Unix seconds.
/// </summary>
public sealed class ReferenceDatabase : IDisposable
{
    /// <summary>The known pair of database.md, made with the reference Argon2 library's parameters.</summary>
    public const string KnownPassword = "correct horse";
    public const string KnownHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AdweBLwcflnNX2HVW8i1Mtu7frrn4Ki7h/rYSGuU7Is";

    private const string CurrentSchema = """
        CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL, alias TEXT);
        CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS key_packages (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            key_package_data BLOB NOT NULL, is_last_resort INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, group_name TEXT UNIQUE NOT NULL, alias TEXT);
        CREATE TABLE IF NOT EXISTS group_members (group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, role TEXT NOT NULL DEFAULT 'member', PRIMARY KEY (group_id, user_id));
        CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            sender_id TEXT NOT NULL REFERENCES users(id), mls_message BLOB NOT NULL, sequence_num INTEGER NOT NULL, created_at INTEGER NOT NULL,
            UNIQUE (group_id, sequence_num));
        CREATE TABLE IF NOT EXISTS pending_welcomes (id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            group_alias TEXT, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, welcome_data BLOB NOT NULL, created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS idx_pending_welcomes_user ON pending_welcomes(user_id);
        CREATE TABLE IF NOT EXISTS group_infos (group_id TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE, group_info_data BLOB NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS pending_invites (id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            inviter_id TEXT NOT NULL REFERENCES users(id), invitee_id TEXT NOT NULL REFERENCES users(id), commit_message BLOB NOT NULL,
            welcome_data BLOB NOT NULL, group_info BLOB NOT NULL, created_at INTEGER NOT NULL, UNIQUE (group_id, invitee_id));
        CREATE TABLE IF NOT EXISTS message_fetch_watermarks (group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, last_fetched_seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (group_id, user_id));
        """;

    // What later builds add at start-up (ALTER TABLE ... ADD COLUMN, CREATE TABLE IF NOT EXISTS).
    private const string LaterAdditions = """
        ALTER TABLE groups ADD COLUMN mls_group_id TEXT;
        ALTER TABLE groups ADD COLUMN message_expiry_seconds INTEGER DEFAULT -1;
        ALTER TABLE groups ADD COLUMN visibility INTEGER DEFAULT 1;
        ALTER TABLE users ADD COLUMN signing_key_fingerprint TEXT;
        CREATE TABLE IF NOT EXISTS banned_users (group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, banned_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            banned_at INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
        CREATE TABLE IF NOT EXISTS pending_external_joins (group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, PRIMARY KEY (group_id, user_id));
        """;

    private const string Legacy01Schema = """
        CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL, alias TEXT,
            created_at INTEGER NOT NULL);
        CREATE TABLE sessions (token TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL);
        CREATE TABLE groups (id INTEGER PRIMARY KEY AUTOINCREMENT, group_name TEXT UNIQUE NOT NULL, alias TEXT, created_at INTEGER NOT NULL);
        CREATE TABLE group_members (group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE, user_id INTEGER NOT NULL REFERENCES users(id),
            role TEXT NOT NULL DEFAULT 'member', PRIMARY KEY (group_id, user_id));
        CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            sender_id INTEGER NOT NULL REFERENCES users(id), mls_message BLOB NOT NULL, sequence_num INTEGER NOT NULL, created_at INTEGER NOT NULL);
        """;

    private readonly SqliteConnection _connection;

    private ReferenceDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <param name="foreignKeys">Off lets a test store a row whose parent is missing, as a damaged file may hold.</param>
    public static ReferenceDatabase Create(string path, ReferenceSchemaVersion version = ReferenceSchemaVersion.Current, bool foreignKeys = true)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = foreignKeys }.ToString());
        connection.Open();
        var database = new ReferenceDatabase(path, connection);
        database.Execute("PRAGMA journal_mode = WAL");
        database.Execute(version switch
        {
            ReferenceSchemaVersion.Current => CurrentSchema + LaterAdditions,
            ReferenceSchemaVersion.WithoutLaterAdditions => CurrentSchema,
            _ => Legacy01Schema,
        });
        return database;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }

    /// <summary>A user with a lower-case UUID; the hash as the reference stores it.</summary>
    public Guid AddUser(string username, string passwordHash, string? alias = null)
    {
        var id = Guid.NewGuid();
        Execute("INSERT INTO users (id, username, password_hash, alias) VALUES ($id, $name, $hash, $alias)",
            ("$id", Text(id)), ("$name", username), ("$hash", passwordHash), ("$alias", alias));
        return id;
    }

    /// <summary>A session whose token the client holds; the reference stores the token's lower-case hex SHA-256.</summary>
    public string AddSession(Guid user, long expiresAt)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Execute("INSERT INTO sessions (token, user_id, created_at, expires_at) VALUES ($hash, $user, $now, $expires)",
            ("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))), ("$user", Text(user)), ("$now", Now), ("$expires", expiresAt));
        return token;
    }

    public Guid AddGroup(string name, string? alias = null)
    {
        var id = Guid.NewGuid();
        Execute("INSERT INTO groups (id, group_name, alias) VALUES ($id, $name, $alias)", ("$id", Text(id)), ("$name", name), ("$alias", alias));
        return id;
    }

    public void AddMember(Guid group, Guid user, string role = "member") =>
        Execute("INSERT INTO group_members (group_id, user_id, role) VALUES ($g, $u, $role)", ("$g", Text(group)), ("$u", Text(user)), ("$role", role));

    public void AddMessage(Guid group, Guid sender, long sequence, byte[] message) =>
        Execute("INSERT INTO messages (group_id, sender_id, mls_message, sequence_num, created_at) VALUES ($g, $s, $m, $seq, $now)",
            ("$g", Text(group)), ("$s", Text(sender)), ("$m", message), ("$seq", sequence), ("$now", Now - 1000 + sequence));

    /// <summary>Lower-case hyphenated, as the reference writes every id.</summary>
    public static string Text(Guid id) => id.ToString("D");

    /// <summary>Closes the connection; the last one out folds the log into the file, as a reference server stopping does.</summary>
    public void Dispose() => _connection.Dispose();
}
