namespace Conclave.Api.Admin;

/// <summary>
/// Where an admin command reads and writes. <paramref name="PromptHidden"/> asks a person at a terminal for a
/// secret without echoing it; null when standard input is a pipe or file, which is then read line by line.
/// </summary>
public sealed record AdminConsole(TextReader In, TextWriter Out, TextWriter Error, Func<string, string>? PromptHidden = null);
