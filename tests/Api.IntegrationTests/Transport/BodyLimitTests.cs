using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS C14, decision 7 and checklist 11, 12, 17: 1,048,576 bytes on the routes that read a body; the
// others never read it, whatever its size.
public sealed class BodyLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int Limit = 1_048_576;
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted()
    {
        var alice = await Server.Spec.NewUserAsync();
        var body = PaddedLogin(alice.Username, Limit);

        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/login", rawBody: body);

        Assert.Equal(Limit, body.Length);
        Assert.Equal(alice.Username, (await SpecClient.ReadAsync<LoginResponse>(response)).Username);
    }

    [Fact]
    public async Task One_byte_more_is_413_with_an_error_response()
    {
        var alice = await Server.Spec.NewUserAsync();

        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/login", rawBody: PaddedLogin(alice.Username, Limit + 1));

        var error = await SpecClient.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(ErrorCode.InputBadRequest, error.ErrorCode);
    }

    [Fact]
    public async Task One_byte_more_without_a_content_length_is_413_too()
    {
        var alice = await Server.Spec.NewUserAsync();
        using var content = new StreamContent(new MemoryStream(PaddedLogin(alice.Username, Limit + 1)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Server.Http.SendAsync(request);

        var error = await SpecClient.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(ErrorCode.InputBadRequest, error.ErrorCode);
    }

    [Fact]
    public async Task A_body_far_over_the_limit_still_gets_its_413()
    {
        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/login", rawBody: new byte[8 * Limit]);

        var error = await SpecClient.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(ErrorCode.InputBadRequest, error.ErrorCode);
    }

    [Fact]
    public async Task The_size_is_checked_after_authentication()
    {
        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/change-password", rawBody: new byte[Limit + 1]);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }

    [Fact]
    public async Task The_size_is_checked_before_the_body_is_decoded()
    {
        var garbage = Enumerable.Repeat((byte)0xFF, Limit + 1).ToArray();

        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/register", rawBody: garbage);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/logout", HttpStatusCode.NoContent)]
    [InlineData("POST", "/api/v1/reset-account", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/me", HttpStatusCode.OK)]
    public async Task Routes_that_take_no_body_ignore_eight_mebibytes_of_it(string method, string path, HttpStatusCode expected)
    {
        var alice = await Server.Spec.NewUserAsync();

        using var response = await Server.Spec.SendAsync(new HttpMethod(method), path, token: alice.Token, rawBody: new byte[8 * Limit]);

        Assert.Equal(expected, response.StatusCode);
    }

    // A LoginRequest of exactly `size` bytes: the username, then an unknown bytes field (15) as padding.
    private static byte[] PaddedLogin(string username, int size)
    {
        var head = new LoginRequest { Username = username, Password = "password123" }.ToByteArray();
        for (var lengthSize = 1; lengthSize <= 5; lengthSize++)
        {
            var padding = size - head.Length - 1 - lengthSize; // one tag byte: (15 << 3) | 2 < 128
            if (CodedOutputStream.ComputeLengthSize(padding) != lengthSize) continue;
            using var stream = new MemoryStream();
            var output = new CodedOutputStream(stream);
            output.WriteTag(15, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(new byte[padding]));
            output.Flush();
            return [.. head, .. stream.ToArray()];
        }
        throw new InvalidOperationException($"no padding makes {size} bytes");
    }
}
