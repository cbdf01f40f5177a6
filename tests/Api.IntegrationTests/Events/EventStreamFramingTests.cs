using System.Net;
using System.Net.Sockets;
using System.Text;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using GroupDeletedEvent = Conclave.Application.Common.Events.Realtime.GroupDeletedEvent;
using InviteReceivedEvent = Conclave.Application.Common.Events.Realtime.InviteReceivedEvent;

namespace Conclave.Api.IntegrationTests.Events;

// CLARIFICATIONS R42 and §8.1-8.2: the response and the exact bytes of each frame.
public sealed class EventStreamFramingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private IEventSink Sink => Server.Services.GetRequiredService<IEventSink>();

    [Fact]
    public async Task Headers_arrive_at_once_as_200_event_stream_without_caching_and_before_any_event()
    {
        var alice = await Server.Spec.NewUserAsync("alice");

        // Raw HTTP/1.1 as a plain client sends it (no Accept header): the head must come without any event published.
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, Server.BaseAddress.Port);
        var network = socket.GetStream();
        await network.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {alice.Token}\r\n\r\n"));
        var head = await ReadHeadAsync(network).WaitAsync(SseStream.Patience);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: text/event-stream\r\n", head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\r\nCache-Control: no-cache\r\n", head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\r\nTransfer-Encoding: chunked\r\n", head, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_event_is_one_data_line_of_the_lower_case_hex_server_event_then_a_blank_line()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(Server, alice.Token);
        var group = GroupId.New();
        var invite = InviteId.New();
        var inviter = UserId.New();

        Sink.Publish(new InviteReceivedEvent(invite, group, "team", "The Team ✓", inviter), [UserOf(alice)]);

        var expected = new ServerEvent
        {
            InviteReceived = new Conclave.V1.InviteReceivedEvent
            {
                InviteId = Id(invite.Value), GroupId = Id(group.Value), GroupName = "team", GroupAlias = "The Team ✓", InviterId = Id(inviter.Value),
            },
        };
        Assert.Equal("data: " + Convert.ToHexStringLower(expected.ToByteArray()), await stream.NextFrameAsync());
    }

    [Fact]
    public async Task The_raw_body_holds_nothing_but_the_frames()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(Server, alice.Token, read: false);
        var group = GroupId.New();

        Sink.Publish(new GroupDeletedEvent(group), [UserOf(alice)]);

        var body = await stream.Response.Content.ReadAsStreamAsync();
        var expected = $"data: {Convert.ToHexStringLower(new ServerEvent { GroupDeleted = new() { GroupId = Id(group.Value) } }.ToByteArray())}\n\n";
        var received = new byte[expected.Length];
        await body.ReadExactlyAsync(received).AsTask().WaitAsync(SseStream.Patience);
        Assert.Equal(expected, Encoding.ASCII.GetString(received));
    }

    [Fact]
    public async Task Without_credentials_the_stream_is_a_normal_401_error_response()
    {
        var missing = await Server.Spec.GetAsync("/api/v1/events");
        await SpecClient.AssertErrorAsync(missing, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");

        var unknown = await Server.Spec.GetAsync("/api/v1/events", token: new string('a', 64));
        await SpecClient.AssertErrorAsync(unknown, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }

    [Fact]
    public async Task Head_answers_the_stream_headers_without_a_body()
    {
        var alice = await Server.Spec.NewUserAsync("alice");

        using var response = await Server.Spec.SendAsync(HttpMethod.Head, "/api/v1/events", token: alice.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Other_methods_on_the_events_path_are_405()
    {
        var alice = await Server.Spec.NewUserAsync("alice");

        using var response = await Server.Spec.PostAsync("/api/v1/events", token: alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, ErrorCode.InputBadRequest);
    }

    [Fact]
    public async Task A_request_asking_for_json_gets_the_json_transcoding_of_the_same_stream()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {alice.Token}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await Server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(SseStream.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var group = GroupId.New();

        Sink.Publish(new GroupDeletedEvent(group), [UserOf(alice)]);

        var body = await response.Content.ReadAsStreamAsync();
        var received = new byte[4096];
        var length = await body.ReadAsync(received).AsTask().WaitAsync(SseStream.Patience);
        var json = System.Text.Json.JsonDocument.Parse(received.AsMemory(0, length));
        Assert.Equal(Convert.ToBase64String(group.Value.ToByteArray(bigEndian: true)),
            json.RootElement.GetProperty("groupDeleted").GetProperty("groupId").GetString());
    }

    private static async Task<string> ReadHeadAsync(NetworkStream network)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await network.ReadAsync(one) == 0) break;
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    private static UserId UserOf(TestUser user) => new(user.Guid);

    private static ByteString Id(Guid value) => ByteString.CopyFrom(value.ToByteArray(bigEndian: true));
}
