using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Grpc;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;
using MessagesRpc = Conclave.Server.V1.Messages;

namespace Conclave.Api.IntegrationTests.Transport;

// Issue #30, finding 1: one body limit for every surface. JSON admits 4 MiB of text (base64 is a third larger than
// the bytes), but the message it decodes to is held to the spec surface's 1 MiB of protobuf.
public sealed class DecodedBodyLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int Limit = 1_048_576;
    private const int ReviewedSize = 3_145_628; // the review's mlsMessage: its JSON body is just under 4 MiB
    private const int LargestContent = Limit - 4; // SendMessageRequest: one tag byte, three length bytes, the content
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task A_json_message_over_the_limit_once_decoded_is_413_with_an_error_response_and_is_not_stored()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var group = await Server.Spec.CreateGroupAsync(alice);

        using var response = await SendJsonAsync(group, alice, ReviewedSize);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = Assert.Single(status.GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("type.googleapis.com/conclave.v1.ErrorResponse", detail.GetProperty("@type").GetString());
        Assert.Equal("ERROR_CODE_INPUT_BAD_REQUEST", detail.GetProperty("errorCode").GetString());
        Assert.Equal("request body exceeds the limit of 1048576 bytes", detail.GetProperty("message").GetString());
        Assert.Empty(await Server.Spec.FetchAsync(group, alice));
    }

    [Fact]
    public async Task Json_takes_what_the_spec_surface_takes_and_not_a_byte_more()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var group = await Server.Spec.CreateGroupAsync(alice);
        Assert.Equal(Limit, new SendMessageRequest { MlsMessage = ByteString.CopyFrom(new byte[LargestContent]) }.CalculateSize());

        using var largest = await SendJsonAsync(group, alice, LargestContent);
        using var overByOne = await SendJsonAsync(group, alice, LargestContent + 1);
        using var overByOneAsProtobuf = await Server.Spec.PostAsync(group.Path("/messages"),
            new SendMessageRequest { MlsMessage = ByteString.CopyFrom(new byte[LargestContent + 1]) }, alice.Token);

        Assert.Equal(HttpStatusCode.OK, largest.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overByOne.StatusCode);
        await SpecClient.AssertErrorAsync(overByOneAsProtobuf, HttpStatusCode.RequestEntityTooLarge, ErrorCode.InputBadRequest,
            "request body exceeds the limit of 1048576 bytes");
        Assert.Equal(LargestContent, Assert.Single(await Server.Spec.FetchAsync(group, alice)).MlsMessage.Length);
    }

    [Fact]
    public async Task The_same_message_is_refused_over_protobuf_with_413_and_over_grpc_with_resource_exhausted()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var group = await Server.Spec.CreateGroupAsync(alice);
        var body = new SendMessageRequest { MlsMessage = ByteString.CopyFrom(new byte[ReviewedSize]) };

        using var protobuf = await Server.Spec.PostAsync(group.Path("/messages"), body, alice.Token);
        var grpc = await Assert.ThrowsAsync<RpcException>(() => new MessagesRpc.MessagesClient(Server.Channel)
            .SendMessageAsync(new SendMessageCall { GroupId = group.Guid.ToString(), Body = body }, GrpcCalls.Bearer(alice.Token)).ResponseAsync);

        await SpecClient.AssertErrorAsync(protobuf, HttpStatusCode.RequestEntityTooLarge, ErrorCode.InputBadRequest);
        Assert.Equal(StatusCode.ResourceExhausted, grpc.StatusCode);
        Assert.Empty(await Server.Spec.FetchAsync(group, alice));
    }

    [Fact]
    public async Task The_decoded_size_is_checked_after_authentication()
    {
        var group = await Server.Spec.CreateGroupAsync(await Server.Spec.NewUserAsync("alice"));

        using var response = await SendJsonAsync(group, token: null, ReviewedSize);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> SendJsonAsync(TestGroup group, TestUser sender, int size) => SendJsonAsync(group, sender.Token, size);

    private async Task<HttpResponseMessage> SendJsonAsync(TestGroup group, string? token, int size)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, group.Path("/messages"))
        {
            Content = JsonContent.Create(new { mlsMessage = Convert.ToBase64String(new byte[size]) }),
        };
        if (token is not null) request.Headers.Add("Authorization", $"Bearer {token}");
        return await Server.Http.SendAsync(request);
    }
}
