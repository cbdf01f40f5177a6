namespace Conclave.Api.Plugins;

/// <summary>A plugin could not be loaded; the message is one line naming it, and start-up stops.</summary>
public sealed class PluginLoadException(string message) : Exception(message);
