using Conclave.Api.IntegrationTests.Authorization;
using Conclave.V1;
using Google.Protobuf;
using Xunit.Abstractions;

namespace Conclave.Api.IntegrationTests.HostileInput;

// Random, mutated and crafted bodies on every route of the RpcCatalog: never a 5xx, never a hang, every error an
// ErrorResponse, and the server keeps serving (docs/reliability.md records the counts).
public sealed class HostileBodyTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    [Fact]
    public async Task Random_and_mutated_bodies_never_break_a_route()
    {
        var run = await FuzzRun.StartAsync(fixture, output);
        await run.ForEachTargetAsync(async target =>
        {
            var descriptor = target.ReadsBody ? target.Route.BodyDescriptor : Google.Protobuf.WellKnownTypes.Empty.Descriptor;
            var seed = FuzzSettings.Seed + (ulong)StringComparer.Ordinal.GetHashCode(target.Key) % 1_000_003UL;
            var bodies = BodyGenerators.Sample(BodyGenerators.For(descriptor, target.KnownIds), seed, FuzzSettings.InputsPerRoute);
            for (var i = 0; i < bodies.Length; i++) await run.CheckAsync(target, $"generated #{i}: {Convert.ToHexString(bodies[i].AsSpan(0, Math.Min(bodies[i].Length, 48)))}", target.Path(), bodies[i]);
        });
        await run.FinishAsync("random and mutated bodies");
    }

    [Fact]
    public async Task Crafted_attacks_get_their_exact_answer_or_at_least_a_well_formed_refusal()
    {
        var run = await FuzzRun.StartAsync(fixture, output);
        await run.ForEachTargetAsync(async target =>
        {
            var bodies = target.ReadsBody ? CraftedBodies.For(target.Route.BodyDescriptor, target.Caller.Id) : CraftedBodies.Ignored();
            foreach (var body in bodies)
            {
                using var response = await run.SendAsync(target, body.Label, target.Path(), body.Bytes);
                if (response is null) continue;
                if (await ResponseRules.ProblemAsync(response) is { } problem) run.Report(target, body.Label, problem);
                else if (body.Exactly is { } expected && await OutcomeOfAsync(response) is var actual && actual != expected)
                    run.Report(target, body.Label, $"expected {expected}, got {actual}");
            }
        });
        await run.FinishAsync("crafted bodies");
    }

    private static async Task<Outcome> OutcomeOfAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return new Outcome(response.StatusCode);
        var error = ErrorResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        return new Outcome(response.StatusCode, error.ErrorCode, error.Message);
    }
}
