using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>One server for the hostile-input tests; each test attacks fresh targets (an attack may log its caller out).</summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;
    public LogCapture Logs { get; } = new();

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(customize: Logs.EverythingInto);

    /// <summary>One <see cref="FuzzTarget"/> per route the server's RpcCatalog serves, so a new route is attacked too.</summary>
    public async Task<IReadOnlyList<FuzzTarget>> NewTargetsAsync()
    {
        var spec = Server.Spec;
        var other = await spec.NewUserAsync("other");
        var targets = new List<FuzzTarget>();
        foreach (var route in Server.Services.GetRequiredService<RpcCatalog>().Routes.Where(r => r.Invoke is not null))
        {
            var caller = await spec.NewUserAsync("fuzz");
            var group = await spec.CreateGroupAsync(caller);
            await spec.OpenAsync(group);
            targets.Add(new FuzzTarget(route, caller, group, other));
        }
        return targets;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>
    /// The server still answers an ordinary flow (a group, a message, its fetch), and no hostile input made it log
    /// an error: a client's mistake is never an internal failure.
    /// </summary>
    public async Task AssertStillServingAsync()
    {
        Assert.Empty(Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Error).Select(entry => $"{entry.Category}: {entry.Message} {entry.Exception?.GetType().Name}"));
        var spec = Server.Spec;
        var user = await spec.NewUserAsync("after");
        var group = await spec.CreateGroupAsync(user);
        var sequence = await spec.SendAsync(group, user, [1, 2, 3]);
        Assert.Equal(1, sequence);
        Assert.Single(await spec.FetchAsync(group, user));
    }
}
