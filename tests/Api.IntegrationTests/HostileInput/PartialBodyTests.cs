using System.Diagnostics;
using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;
using Xunit.Abstractions;

namespace Conclave.Api.IntegrationTests.HostileInput;

// Bodies that stop short of their Content-Length, and bodies that trickle in: never a 5xx, never a hang, and a
// slow client holds up nobody else.
public sealed class PartialBodyTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    [Fact]
    public async Task A_body_cut_short_on_any_route_is_refused_without_a_5xx()
    {
        var run = await FuzzRun.StartAsync(fixture, output);
        await run.ForEachTargetAsync(async target =>
        {
            if (!target.ReadsBody) return;
            var body = RandomMessages.Create(target.Route.BodyDescriptor, new Random(7), target.KnownIds).ToByteArray();
            using var timeout = new CancellationTokenSource(FuzzSettings.HangLimit);
            var response = await PartialBodyClient.SendAsync(fixture.Server.BaseAddress, target.Route.HttpMethod, target.Path(), target.Caller.Token,
                body[..(body.Length / 2)], contentLength: body.Length + 100, chunk: 4096, TimeSpan.Zero, timeout.Token);
            run.Count();
            if (response is { } answer && ProblemOf(answer) is { } problem) run.Report(target, "cut short", problem);
        });
        await run.FinishAsync("bodies cut short");
    }

    [Fact]
    public async Task A_trickling_body_is_waited_for_while_other_writers_go_on()
    {
        var spec = fixture.Server.Spec;
        var (slow, fast) = (await spec.NewUserAsync("slow"), await spec.NewUserAsync("fast"));
        var (slowGroup, fastGroup) = (await spec.CreateGroupAsync(slow), await spec.CreateGroupAsync(fast));
        var body = new SendMessageRequest { MlsMessage = ByteString.CopyFrom(new byte[96 * 1024]) }.ToByteArray();
        using var timeout = new CancellationTokenSource(FuzzSettings.HangLimit);
        var othersDone = new TaskCompletionSource();

        // 200 bytes every 100 ms: well above Kestrel's minimum body rate (240 bytes/s), so the body is never dropped,
        // and it would take about 50 s to arrive, longer than the hang limit. The ten sends must all be answered while
        // it is still arriving, however slow the machine; then the rest of it is sent at once.
        var trickle = PartialBodyClient.SendAsync(fixture.Server.BaseAddress, "POST", slowGroup.Path("/messages"), slow.Token,
            body, body.Length, chunk: 200, TimeSpan.FromMilliseconds(100), timeout.Token, hurry: othersDone.Task);
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 10; i++) Assert.Equal(i, await spec.SendAsync(fastGroup, fast, [(byte)i]));
        var othersTook = clock.Elapsed;

        Assert.False(trickle.IsCompleted, $"the trickling body was done before ten other sends ({othersTook})");
        othersDone.SetResult();
        var response = await trickle;
        Assert.Equal(200, response?.Status);
        Assert.Equal(1UL, SendMessageResponse.Parser.ParseFrom(response!.Body).SequenceNum);
    }

    [Fact]
    public async Task A_body_slower_than_the_minimum_rate_is_dropped_without_a_5xx()
    {
        var spec = fixture.Server.Spec;
        var user = await spec.NewUserAsync("drip");
        var group = await spec.CreateGroupAsync(user);
        var body = new SendMessageRequest { MlsMessage = ByteString.CopyFrom(new byte[40]) }.ToByteArray();
        using var timeout = new CancellationTokenSource(FuzzSettings.HangLimit);

        // Kestrel's minimum body rate is 240 bytes/s after a 5 s grace period; this sends 2 bytes/s for 8 s.
        var response = await PartialBodyClient.SendAsync(fixture.Server.BaseAddress, "POST", group.Path("/messages"), user.Token,
            body[..16], body.Length, chunk: 1, TimeSpan.FromMilliseconds(500), timeout.Token);

        if (response is not null) Assert.True(ProblemOf(response) is null, ProblemOf(response));
        Assert.Empty(await spec.FetchAsync(group, user));
        await fixture.AssertStillServingAsync();
    }

    private static string? ProblemOf(RawResponse response)
    {
        if (response.Status >= 500) return $"{response.Status}: {Describe(response.Body)}";
        if (response.Status < 400) return $"{response.Status} for a body that never arrived";
        try { return ResponseRules.Problem(response.Status, ErrorResponse.Parser.ParseFrom(response.Body)); }
        catch (InvalidProtocolBufferException) { return $"{response.Status} whose body is no ErrorResponse"; }
    }

    private static string Describe(byte[] body)
    {
        try { return ErrorResponse.Parser.ParseFrom(body).ToString(); }
        catch (InvalidProtocolBufferException) { return $"{body.Length} bytes"; }
    }
}
