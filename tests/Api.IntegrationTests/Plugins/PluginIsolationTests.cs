using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Application.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Conclave.Api.IntegrationTests.Plugins;

// tests/PluginFixtures/FaultyPlugin beside samples/AuditLogPlugin: a handler that throws on every event and one that
// blocks its thread on GroupCreated until the test releases it. Neither fails nor holds up a request, and the audit
// handler still gets every event.
public sealed class PluginIsolationTests : IDisposable
{
    private readonly PluginFolder _plugins = new();
    private readonly string _faulty;
    private readonly string _audit;

    public PluginIsolationTests()
    {
        _faulty = _plugins.Install("FaultyPlugin");
        _audit = Path.Combine(_plugins.Install("AuditLogPlugin"), "audit.jsonl");
    }

    public void Dispose()
    {
        File.WriteAllText(Path.Combine(_faulty, "release"), ""); // frees a stalled thread before the folder goes
        _plugins.Dispose();
    }

    [Fact]
    public async Task A_throwing_and_a_stalled_handler_neither_fail_nor_hold_up_the_request_and_the_other_handler_gets_the_event()
    {
        var log = new LogCapture();
        await using var server = await TestServer.StartAsync(c => c with { PluginsPath = _plugins.Path }, log.Into);
        var owner = await server.Spec.NewUserAsync("owner"); // ThrowingHandler fails on UserRegistered

        var group = await server.Spec.CreateGroupAsync(owner); // 201 while StallingHandler is stuck on this very event

        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Stalled(group))), TimeSpan.FromSeconds(20), "the stalling handler got GroupCreated");
        Assert.False(File.Exists(Finished(group))); // it cannot finish before the release file exists: the answer did not wait for it
        await Eventually.HoldsAsync(() => Task.FromResult(AuditHas("GroupCreated")), TimeSpan.FromSeconds(20), "the audit line of GroupCreated");
        Assert.Equal(HttpStatusCode.OK, (await server.Spec.GetAsync("/api/v1/groups", owner.Token)).StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(Failures(log, "GroupCreated").Any()), TimeSpan.FromSeconds(20), "the throwing handler's failure logged");
        var failure = Failures(log, "UserRegistered").First();
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Contains("FaultyPlugin refuses UserRegistered", failure.Exception!.Message);

        File.WriteAllText(Path.Combine(_faulty, "release"), "");
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Finished(group))), TimeSpan.FromSeconds(20), "the stalled handler finished once released");
    }

    [Fact]
    public async Task A_handler_past_its_timeout_is_abandoned_and_its_next_events_still_reach_it()
    {
        var log = new LogCapture();
        await using var server = await TestServer.StartAsync(c => c with { PluginsPath = _plugins.Path }, builder =>
        {
            log.Into(builder);
            builder.Services.Replace(ServiceDescriptor.Singleton(new PluginDispatchOptions { HandlerTimeout = TimeSpan.FromMilliseconds(300) }));
        });
        var owner = await server.Spec.NewUserAsync("owner");

        var first = await server.Spec.CreateGroupAsync(owner);
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Stalled(first))), TimeSpan.FromSeconds(20), "the first GroupCreated delivered");
        var second = await server.Spec.CreateGroupAsync(owner);

        // The first call never returns (no release file), yet the handler's queue moves on to the second event.
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Stalled(second))), TimeSpan.FromSeconds(20), "the second GroupCreated delivered");
        Assert.False(File.Exists(Finished(first)));
        Assert.Contains(log.AtLeast(LogLevel.Warning), entry =>
            entry.Message.Contains("FaultyPlugin.StallingHandler (GroupCreated) did not finish GroupCreated within", StringComparison.Ordinal));
    }

    private string Stalled(TestGroup group) => Path.Combine(_faulty, $"stalled-{group.Guid}");

    private string Finished(TestGroup group) => Path.Combine(_faulty, $"finished-{group.Guid}");

    private bool AuditHas(string eventName) =>
        File.Exists(_audit) && File.ReadAllLines(_audit).Any(line => line.Contains($"\"event\":\"{eventName}\"", StringComparison.Ordinal));

    private static IEnumerable<LogEntry> Failures(LogCapture log, string eventName) => log.AtLeast(LogLevel.Error).Where(entry =>
        entry.Message.StartsWith($"Plugin handler FaultyPlugin.ThrowingHandler (ConclaveEvent) failed on {eventName}", StringComparison.Ordinal));
}
