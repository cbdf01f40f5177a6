using Conclave.Api.CommandLine;
using Conclave.Api.Configuration;

namespace Conclave.Api.UnitTests.CommandLine;

// conclave-server [--config PATH | -c PATH] [admin ...] | --help | --version; the config option may come anywhere.
public sealed class CommandLineRequestTests
{
    [Fact]
    public void No_arguments_serve_with_the_searched_configuration()
    {
        var request = CommandLineRequest.Parse([]);

        Assert.True(request.IsServe);
        Assert.Null(request.ConfigPath);
        Assert.Null(request.AdminWords);
    }

    [Theory]
    [InlineData("--config")]
    [InlineData("-c")]
    public void A_config_path_alone_serves_with_that_file(string option)
    {
        var request = CommandLineRequest.Parse([option, "/etc/c.json"]);

        Assert.True(request.IsServe);
        Assert.Equal("/etc/c.json", request.ConfigPath);
    }

    [Theory]
    [InlineData("--config", "/c.json", "admin", "users", "list")]
    [InlineData("admin", "users", "-c", "/c.json", "list")]
    [InlineData("admin", "users", "list", "--config", "/c.json")]
    public void Admin_words_are_what_follows_admin_with_the_config_option_taken_out(params string[] args)
    {
        var request = CommandLineRequest.Parse(args);

        Assert.Equal(["users", "list"], request.AdminWords);
        Assert.Equal("/c.json", request.ConfigPath);
        Assert.False(request.IsServe);
    }

    [Fact]
    public void Help_and_version_stand_alone()
    {
        Assert.True(CommandLineRequest.Parse(["--help"]).IsHelp);
        Assert.True(CommandLineRequest.Parse(["-h"]).IsHelp);
        Assert.True(CommandLineRequest.Parse(["--version"]).IsVersion);
    }

    [Theory]
    [InlineData("--port", "80")]
    [InlineData("--config")]
    [InlineData("--config", "a.json", "-c", "b.json")]
    [InlineData("serve")]
    [InlineData("--help", "--version")]
    public void Anything_else_is_refused_naming_the_arguments(params string[] args) =>
        Assert.StartsWith("unrecognised arguments '", Assert.Throws<ConfigurationException>(() => CommandLineRequest.Parse(args)).Message);
}
