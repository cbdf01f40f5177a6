namespace Conclave.Api.Admin;

/// <summary>An admin command's arguments are malformed: the message, the usage, exit code 2.</summary>
internal sealed class AdminUsageException(string message) : Exception(message);
