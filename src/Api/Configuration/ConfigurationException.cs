namespace Conclave.Api.Configuration;

/// <summary>The configuration cannot be used; the message is the one line printed before exiting.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
