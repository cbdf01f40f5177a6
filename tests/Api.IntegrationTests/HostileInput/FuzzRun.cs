using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Conclave.Api.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>Sends inputs, several routes at once, and keeps count of what was tried and what went wrong.</summary>
public sealed class FuzzRun(FuzzFixture fixture, IReadOnlyList<FuzzTarget> targets, ITestOutputHelper output)
{
    public static async Task<FuzzRun> StartAsync(FuzzFixture fixture, ITestOutputHelper output) =>
        new(fixture, await fixture.NewTargetsAsync(), output);

    private readonly ConcurrentQueue<string> _problems = new();
    private int _inputs;

    public int Inputs => _inputs;

    /// <summary>Counts an input sent other than through <see cref="SendAsync"/>.</summary>
    public void Count() => Interlocked.Increment(ref _inputs);

    public Task ForEachTargetAsync(Func<FuzzTarget, Task> attack) =>
        Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (target, _) => await attack(target));

    /// <summary>Sends one request and returns its response, or null (recorded as a problem) if the server did not answer in time.</summary>
    public async Task<HttpResponseMessage?> SendAsync(FuzzTarget target, string label, string path, byte[]? body,
        string? contentType = SpecClient.Protobuf, string? accept = null)
    {
        Interlocked.Increment(ref _inputs);
        using var request = new HttpRequestMessage(new HttpMethod(target.Route.HttpMethod), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Caller.Token);
        using var timeout = new CancellationTokenSource(FuzzSettings.HangLimit);
        try
        {
            return await fixture.Server.Http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Report(target, label, $"no answer within {FuzzSettings.HangLimit.TotalSeconds} s");
            return null;
        }
    }

    /// <summary>Sends and checks the answer against <see cref="ResponseRules"/>.</summary>
    public async Task CheckAsync(FuzzTarget target, string label, string path, byte[]? body, string? contentType = SpecClient.Protobuf)
    {
        using var response = await SendAsync(target, label, path, body, contentType);
        if (response is not null && await ResponseRules.ProblemAsync(response) is { } problem) Report(target, label, problem);
    }

    public void Report(FuzzTarget target, string label, string problem) => _problems.Enqueue($"{target.Key} [{label}]: {problem}");

    /// <summary>Logs the counts and fails with the first problems, naming the seed that reproduces them.</summary>
    public async Task FinishAsync(string what)
    {
        output.WriteLine($"{what}: {_inputs} inputs over {targets.Count} routes, seed {FuzzSettings.Seed}, {_problems.Count} problems");
        Assert.True(_problems.IsEmpty, $"{what} (seed {FuzzSettings.Seed}):\n" + string.Join("\n", _problems.Take(25)));
        await fixture.AssertStillServingAsync();
    }
}
