using System.Text.Json;
using Conclave.Api.Hosting;
using Conclave.Api.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Operations;

// Idle memory (docs/performance.md, Memory): the runtime settings the build gives the server, and the trim that
// returns memory once start-up is done and after each quiet spell.
public sealed class MemoryTests
{
    [Fact]
    public void The_server_runs_with_workstation_gc_and_the_instrumented_tier()
    {
        // What `dotnet Conclave.Api.dll` reads at start; `dotnet publish` writes the same file.
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conclave.Api.runtimeconfig.json")));
        var properties = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        // Dynamic PGO is the runtime's default; switched off, a send costs 4-6 µs more (docs/performance.md, *Per-request fixed cost*).
        Assert.True(!properties.TryGetProperty("System.Runtime.TieredPGO", out var pgo) || pgo.GetBoolean());
    }

    [Fact]
    public async Task Memory_is_trimmed_once_started_and_again_when_requests_stop()
    {
        // The in-process test servers switch the trim off (one trim collects the whole test run); this one has it.
        await using var server = await TestServer.StartAsync(customize: builder => builder.Services.AddSingleton(IdleMemoryTrimOptions.Default));
        var trim = server.Services.GetRequiredService<IdleMemoryTrim>();
        await Eventually.HoldsAsync(() => Task.FromResult(trim.Trims >= 1), TimeSpan.FromSeconds(30), "a trim once started");
        var afterStart = trim.Trims;

        using var response = await server.Http.GetAsync("/healthz");
        response.EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(() => Task.FromResult(trim.Trims > afterStart), TimeSpan.FromSeconds(30), "a trim after the request");
    }
}
