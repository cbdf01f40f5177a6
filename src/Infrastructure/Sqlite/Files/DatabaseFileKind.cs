namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>What the file at database_path holds, as far as starting on it goes.</summary>
internal enum DatabaseFileKind
{
    /// <summary>Missing, empty, or an SQLite file with no tables: ours to create.</summary>
    New,
    /// <summary>Has our migration history: ours to migrate.</summary>
    Ours,
    /// <summary>The reference server's tables and no migration history of ours.</summary>
    Reference,
    /// <summary>Tables but no migration history of ours, and not the reference's.</summary>
    Foreign,
    /// <summary>Not an SQLite file.</summary>
    NotSqlite,
}
