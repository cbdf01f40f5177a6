using Conclave.Api.Configuration;

namespace Conclave.Api.CommandLine;

/// <summary>
/// What the command line asks for: <c>--config PATH</c> (or <c>-c PATH</c>) anywhere, then nothing (serve),
/// <c>admin ...</c>, <c>--help</c> or <c>--version</c>.
/// </summary>
public sealed record CommandLineRequest(string? ConfigPath, IReadOnlyList<string> Words)
{
    public const string Usage = """
        conclave-server: the Conclave MLS delivery service.

        Usage: conclave-server [--config PATH | -c PATH]            serve
               conclave-server [--config PATH] admin COMMAND ...     operator commands (admin --help lists them)
               conclave-server --help | --version

        Without --config the server reads ./conclave.json, else /etc/conclave/conclave.json, else the reference
        server's ./conclave.toml, else /etc/conclave/config.toml, else uses the built-in defaults (a file named
        *.toml is read as TOML); CONCLAVE_<FIELD> environment variables override single fields.
        See conclave.json.example for every field.
        """;

    public bool IsHelp => Words is ["--help" or "-h"];
    public bool IsVersion => Words is ["--version"];
    public bool IsServe => Words is [];
    /// <summary>The words after <c>admin</c>, or null when this is no admin command.</summary>
    public IReadOnlyList<string>? AdminWords => Words is ["admin", ..] ? Words.Skip(1).ToList() : null;

    public static CommandLineRequest Parse(IReadOnlyList<string> args)
    {
        string? configPath = null;
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not ("--config" or "-c"))
            {
                words.Add(args[i]);
                continue;
            }
            if (configPath is not null || i + 1 == args.Count)
                throw new ConfigurationException($"unrecognised arguments '{string.Join(' ', args)}' (see --help)");
            configPath = args[++i];
        }
        var request = new CommandLineRequest(configPath, words);
        if (!request.IsHelp && !request.IsVersion && !request.IsServe && request.AdminWords is null)
            throw new ConfigurationException($"unrecognised arguments '{string.Join(' ', words)}' (see --help)");
        return request;
    }
}
