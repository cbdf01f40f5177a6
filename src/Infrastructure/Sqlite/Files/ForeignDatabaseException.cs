namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>The file at database_path is not this server's; it was left as it was. The message is one line for the operator.</summary>
public sealed class ForeignDatabaseException(string message) : Exception(message);
