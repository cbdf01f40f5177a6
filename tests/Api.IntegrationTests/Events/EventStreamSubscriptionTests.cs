using Conclave.Api.IntegrationTests.Support;
using Conclave.Application.Common.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Events;

// Every way a stream ends gives its subscription back: memory never grows with the number of past connections.
public sealed class EventStreamSubscriptionTests
{
    [Fact]
    public async Task Thousands_of_connects_and_disconnects_leave_no_subscription_behind()
    {
        await using var server = await TestServer.StartAsync();
        var registry = server.Services.GetRequiredService<IEventStream>();
        var users = new List<TestUser>();
        for (var i = 0; i < 4; i++) users.Add(await server.Spec.NewUserAsync("cycler"));

        await Task.WhenAll(users.Select(async user =>
        {
            for (var cycle = 0; cycle < 500; cycle++)
            {
                await using var stream = await SseStream.OpenAsync(server, user.Token);
            }
        }));
        await WaitUntilAsync(() => registry.OpenSubscriptions == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(0, registry.OpenSubscriptions);

        var open = new List<SseStream>();
        foreach (var user in users) open.Add(await SseStream.OpenAsync(server, user.Token));
        Assert.Equal(users.Count, registry.OpenSubscriptions);

        using (var logout = await server.Spec.PostAsync("/api/v1/logout", token: users[0].Token)) { }
        await open[0].AssertEndsAsync(TimeSpan.FromSeconds(10));
        foreach (var stream in open) await stream.DisposeAsync();

        await WaitUntilAsync(() => registry.OpenSubscriptions == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(0, registry.OpenSubscriptions);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50);
    }
}
