namespace Conclave.Infrastructure.Sqlite.ReferenceImport;

/// <summary>The import did not happen and the target is as it was; the message is one line for the operator.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
