using System.Net;
using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Operations;

// GET /healthz: the process serves. GET /readyz: and its database answers with every migration applied. Both
// outside /api/v1, unauthenticated, plain text.
public sealed class HealthTests
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task A_running_server_is_alive_and_ready(string path)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_database_without_its_migrations_is_not_ready_though_the_process_is_alive()
    {
        await using var server = await TestServer.StartAsync();

        await server.WriteAsAnotherProcessAsync("DELETE FROM __EFMigrationsHistory");

        using var ready = await server.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync()); // no detail for whoever asks
        using var alive = await server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task The_probes_are_not_spec_routes()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Http.GetAsync("/api/v1/healthz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
