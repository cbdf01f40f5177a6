using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Conclave.Api.IntegrationTests.Grpc;

// A request the server cannot decode (here invalid UTF-8 in a string field) is the client's fault on every surface:
// 400 INPUT_BAD_REQUEST "invalid request body" on the spec surface and JSON, INVALID_ARGUMENT with the same
// ErrorResponse on gRPC, and one debug line, never a warning or a stack trace in the log.
public sealed class GrpcDecodingTests : IAsyncLifetime
{
    private const string InvalidBody = "invalid request body";

    // LoginRequest { username (1) = C3 28, an invalid UTF-8 sequence; password (2) = "password123" }
    private static readonly byte[] LoginWithInvalidUtf8 =
        [0x0A, 0x02, 0xC3, 0x28, 0x12, 0x0B, .. "password123"u8];

    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(bytes => bytes, bytes => bytes);
    private static readonly Method<byte[], byte[]> Login = new(MethodType.Unary, "conclave.server.v1.Accounts", "Login", RawBytes, RawBytes);

    private readonly LogCapture _logs = new();
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(c => c with { LogLevel = "debug" }, _logs.Into);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Grpc_refuses_invalid_utf8_as_invalid_argument_with_the_spec_error_and_logs_it_quietly()
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            _server.Channel!.CreateCallInvoker().AsyncUnaryCall(Login, null, new CallOptions(), LoginWithInvalidUtf8).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, InvalidBody), (refusal.StatusCode, refusal.Status.Detail));
        Assert.Equal(((int)ErrorCode.InputBadRequest).ToString(CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
        var details = refusal.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("no grpc-status-details-bin");
        Assert.Equal(new ErrorResponse { Message = InvalidBody, ErrorCode = ErrorCode.InputBadRequest }, Assert.Single(details.Details).Unpack<ErrorResponse>());
        AssertLoggedQuietly();
    }

    [Fact]
    public async Task The_spec_surface_refuses_the_same_bytes_with_400()
    {
        var response = await _server.Spec.SendAsync(HttpMethod.Post, "/api/v1/login", rawBody: LoginWithInvalidUtf8);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, InvalidBody);
        AssertLoggedQuietly();
    }

    [Fact]
    public async Task The_json_surface_refuses_invalid_utf8_with_400()
    {
        byte[] body = [.. "{\"username\":\""u8, 0xC3, 0x28, .. "\",\"password\":\"password123\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _server.Http.PostAsync("/api/v1/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.InvalidArgument, status.GetProperty("code").GetInt32());
        var detail = Assert.Single(status.GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("ERROR_CODE_INPUT_BAD_REQUEST", detail.GetProperty("errorCode").GetString());
        AssertLoggedQuietly();
    }

    private void AssertLoggedQuietly()
    {
        Assert.DoesNotContain(_logs.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.DoesNotContain(_logs.Entries, entry => entry.Exception is not null);
    }
}
