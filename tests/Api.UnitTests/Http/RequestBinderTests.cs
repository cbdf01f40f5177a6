using Conclave.Api.Errors;
using Conclave.Api.Http;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Conclave.Api.UnitTests.Http;

// CLARIFICATIONS §2.2-§2.5: path, then query, then the body's size, then its decoding; each refusal an ErrorResponse
// (decision 7). The messages route is the one with query parameters; a bare service stands in for its implementation.
public sealed class RequestBinderTests
{
    private static readonly RpcCatalog Catalog = new([typeof(BareMessagesService), typeof(BareAccountsService)]);
    private static readonly RpcRoute GetMessages = Catalog.Find("/conclave.server.v1.Messages/GetMessages")!;
    private static readonly RpcRoute SendMessage = Catalog.Find("/conclave.server.v1.Messages/SendMessage")!;
    private static readonly RpcRoute Login = Catalog.Find("/conclave.server.v1.Accounts/Login")!;
    private static readonly RpcRoute Logout = Catalog.Find("/conclave.server.v1.Accounts/Logout")!;
    private const string GroupId = "550e8400-e29b-41d4-a716-446655440000";

    [Fact]
    public void A_path_uuid_is_bound_as_given()
    {
        var request = new GetMessagesRequest();

        RequestBinder.BindPath(GetMessages, Http(groupId: GroupId), request);

        Assert.Equal(GroupId, request.GroupId);
    }

    [Fact]
    public void A_malformed_path_uuid_is_a_bad_request() =>
        AssertBadRequest(() => RequestBinder.BindPath(GetMessages, Http(groupId: "(nope)"), new GetMessagesRequest()),
            "Invalid URL: Cannot parse `group_id` with value `(nope)` as a UUID");

    [Fact]
    public void Query_parameters_are_bound_and_unknown_ones_ignored()
    {
        var request = new GetMessagesRequest();

        RequestBinder.BindQuery(GetMessages, Http(query: "?after=%2B5&limit=-1&pattern=x&group_id=ignored"), request);

        Assert.Equal((5L, -1L, ""), (request.After, request.Limit, request.GroupId));
    }

    [Fact]
    public void Absent_query_parameters_stay_unset()
    {
        var request = new GetMessagesRequest();

        RequestBinder.BindQuery(GetMessages, Http(), request);

        Assert.False(request.HasAfter);
        Assert.False(request.HasLimit);
    }

    [Theory]
    [InlineData("?after=abc")]
    [InlineData("?limit=1.5")]
    [InlineData("?after=")]
    [InlineData("?after=99999999999999999999")]
    [InlineData("?after=1&after=2")]
    [InlineData("?after=+5")]            // '+' is a space in a query string
    public void An_unparsable_query_is_a_bad_request(string query)
    {
        var refusal = Assert.Throws<ApiException>(() => RequestBinder.BindQuery(GetMessages, Http(query: query), new GetMessagesRequest()));

        Assert.Equal((400, ErrorCode.InputBadRequest), (refusal.Status, refusal.Code));
        Assert.StartsWith("Failed to deserialize query string: ", refusal.Message);
    }

    [Fact]
    public async Task A_body_is_decoded_into_the_whole_request()
    {
        var request = new LoginRequest();

        await RequestBinder.BindBodyAsync(Login, Http(body: new LoginRequest { Username = "alice" }.ToByteArray()), request);

        Assert.Equal("alice", request.Username);
    }

    [Fact]
    public async Task A_body_is_decoded_into_the_body_field()
    {
        var request = new SendMessageCall();

        await RequestBinder.BindBodyAsync(SendMessage, Http(body: new SendMessageRequest { MlsMessage = ByteString.CopyFrom(1, 2) }.ToByteArray()), request);

        Assert.Equal(ByteString.CopyFrom(1, 2), request.Body.MlsMessage);
    }

    [Fact]
    public async Task A_body_of_exactly_one_mebibyte_is_read()
    {
        var request = new SendMessageCall();
        var body = MessageOfSize(BodyLimit.MaxBytes);

        await RequestBinder.BindBodyAsync(SendMessage, Http(body: body, announceLength: false), request);

        Assert.Equal(BodyLimit.MaxBytes, body.Length);
        Assert.Equal(SendMessageRequest.Parser.ParseFrom(body), request.Body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]                  // chunked: no Content-Length to go by
    public async Task One_byte_more_is_too_large(bool announceLength)
    {
        var refusal = await Assert.ThrowsAsync<ApiException>(() =>
            RequestBinder.BindBodyAsync(SendMessage, Http(body: MessageOfSize(BodyLimit.MaxBytes + 1), announceLength: announceLength), new SendMessageCall()));

        Assert.Equal((413, ErrorCode.InputBadRequest), (refusal.Status, refusal.Code));
    }

    [Fact]
    public async Task A_route_without_a_body_never_reads_it()
    {
        var http = Http(body: new byte[3 * BodyLimit.MaxBytes]);

        await RequestBinder.BindBodyAsync(Logout, http, new Google.Protobuf.WellKnownTypes.Empty());

        Assert.Equal(0, http.Request.Body.Position);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x61 })]
    [InlineData(new byte[] { 0x0A, 0x01, 0xFF })]
    public async Task An_undecodable_body_is_a_bad_request(byte[] body) =>
        await AssertBadRequestAsync(() => RequestBinder.BindBodyAsync(Login, Http(body: body), new LoginRequest()), "invalid request body");

    // A SendMessageRequest of exactly `size` bytes: tag, length, then the message.
    private static byte[] MessageOfSize(int size)
    {
        for (var lengthSize = 1; lengthSize <= 5; lengthSize++)
        {
            var payload = size - 1 - lengthSize;
            if (CodedOutputStream.ComputeLengthSize(payload) == lengthSize)
                return new SendMessageRequest { MlsMessage = ByteString.CopyFrom(new byte[payload]) }.ToByteArray();
        }
        throw new InvalidOperationException($"no message has exactly {size} bytes");
    }

    private static DefaultHttpContext Http(string? groupId = null, string query = "", byte[]? body = null, bool announceLength = true)
    {
        var http = new DefaultHttpContext();
        if (groupId is not null) http.Request.RouteValues["group_id"] = groupId;
        http.Request.QueryString = new QueryString(query);
        http.Request.Body = new MemoryStream(body ?? []);
        if (announceLength && body is not null) http.Request.ContentLength = body.Length;
        return http;
    }

    private static void AssertBadRequest(Action bind, string message)
    {
        var refusal = Assert.Throws<ApiException>(bind);
        Assert.Equal((400, ErrorCode.InputBadRequest, message), (refusal.Status, refusal.Code, refusal.Message));
    }

    private static async Task AssertBadRequestAsync(Func<Task> bind, string message)
    {
        var refusal = await Assert.ThrowsAsync<ApiException>(bind);
        Assert.Equal((400, ErrorCode.InputBadRequest, message), (refusal.Status, refusal.Code, refusal.Message));
    }

    private sealed class BareMessagesService : Messages.MessagesBase;

    private sealed class BareAccountsService : Accounts.AccountsBase;
}
