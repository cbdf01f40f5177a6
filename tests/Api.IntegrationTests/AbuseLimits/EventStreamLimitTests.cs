using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.AbuseLimits;

// event_streams_per_user (CLARIFICATIONS decision 11, §4.7) on the real server: SSE and gRPC streams share the
// places; beyond them 429 with an ErrorResponse naming the limit; a closed stream frees its place.
public sealed class EventStreamLimitTests
{
    private const string Refusal = "rate limit exceeded: at most 2 open event streams per user";

    [Fact]
    public async Task Streams_beyond_the_limit_are_refused_on_both_surfaces_until_one_closes()
    {
        await using var server = await TestServer.StartAsync(c => c with { EventStreamsPerUser = 2 });
        var (alice, bob) = (await server.Spec.NewUserAsync("alice"), await server.Spec.NewUserAsync("bob"));
        var first = await SseStream.OpenAsync(server, alice.Token);
        await using var second = await SseStream.OpenAsync(server, (await server.Spec.LoginAsync(alice.Username)).Token); // another session, same user

        using (var refused = await OpenRawAsync(server, alice.Token))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(new ErrorResponse { Message = Refusal }.ToByteArray(), await refused.Content.ReadAsByteArrayAsync());
        }
        var grpc = new Conclave.Server.V1.Events.EventsClient(server.Channel).Subscribe(new Google.Protobuf.WellKnownTypes.Empty(),
            new Metadata { { "authorization", $"Bearer {alice.Token}" } });
        var exhausted = await Assert.ThrowsAsync<RpcException>(() => grpc.ResponseStream.MoveNext());
        Assert.Equal((StatusCode.ResourceExhausted, Refusal), (exhausted.StatusCode, exhausted.Status.Detail));
        await using (await SseStream.OpenAsync(server, bob.Token)) { } // other users are not affected

        await first.DisposeAsync();

        await Eventually.HoldsAsync(async () =>
        {
            using var response = await OpenRawAsync(server, alice.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(10), "a place freed by the closed stream");
    }

    [Fact]
    public async Task Zero_means_unlimited()
    {
        await using var server = await TestServer.StartAsync(c => c with { EventStreamsPerUser = 0 });
        var alice = await server.Spec.NewUserAsync("alice");

        var streams = new List<SseStream>();
        for (var i = 0; i < 40; i++) streams.Add(await SseStream.OpenAsync(server, alice.Token));

        foreach (var stream in streams) await stream.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> OpenRawAsync(TestServer server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
