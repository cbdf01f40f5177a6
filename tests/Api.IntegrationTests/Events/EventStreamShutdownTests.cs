using Conclave.Api.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conclave.Api.IntegrationTests.Events;

// Graceful shutdown (deployment issue): a stopping server finishes its open event streams instead of waiting for them.
public sealed class EventStreamShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_ends_open_streams_cleanly()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(server, alice.Token);

        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var ended = await stream.AssertEndsAsync(TimeSpan.FromSeconds(10));
        Assert.True(ended < TimeSpan.FromSeconds(10), $"ended after {ended}");
    }
}
