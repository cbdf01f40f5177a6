using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Plugins;

// FaultyPlugin's ReservedUsernames on registration, a command that opens its transaction itself (after Argon2id):
// the policy runs before, and its refusal or its failure writes nothing.
public sealed class PluginPolicyTests : IDisposable
{
    private readonly PluginFolder _plugins = new();

    public PluginPolicyTests() => _plugins.Install("FaultyPlugin");

    public void Dispose()
    {
        File.WriteAllText(Path.Combine(_plugins.Path, "FaultyPlugin", "release"), "");
        _plugins.Dispose();
    }

    [Fact]
    public async Task A_refused_registration_answers_the_policys_status_and_code_and_creates_no_user()
    {
        await using var server = await TestServer.StartAsync(c => c with { PluginsPath = _plugins.Path });

        var response = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "reserved_name", Password = "password123" });

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation, "usernames starting with 'reserved' are not allowed here");
        Assert.Equal(0, await server.ScalarAsync("SELECT count(*) FROM users"));
        await server.Spec.NewUserAsync("allowed");
        Assert.Equal(1, await server.ScalarAsync("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task A_policy_that_throws_anything_else_is_an_internal_error_and_writes_nothing()
    {
        var log = new LogCapture();
        await using var server = await TestServer.StartAsync(c => c with { PluginsPath = _plugins.Path }, log.Into);

        var response = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "crash_name", Password = "password123" });

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.InternalServerError, ErrorCode.Unspecified, "internal server error");
        Assert.Equal(0, await server.ScalarAsync("SELECT count(*) FROM users"));
        Assert.Contains(log.Entries, entry => entry.Exception?.Message == "ReservedUsernames has a bug");
    }
}
