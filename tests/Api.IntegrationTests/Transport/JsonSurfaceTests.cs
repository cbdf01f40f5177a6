using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.Transport;

// Decision 8: requests asking for JSON are served by JSON transcoding of the same services. Its statuses come
// from gRPC codes: every success is 200 (docs/compatibility.md), refusals carry the google.rpc.Status.
public sealed class JsonSurfaceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Successes_are_200_where_the_spec_surface_says_201_or_204()
    {
        var username = AccountCalls.UniqueName("json");

        using var register = await Server.Http.PostAsJsonAsync("/api/v1/register", new { username, password = "password123" });
        using var login = await Server.Http.PostAsJsonAsync("/api/v1/login", new { username, password = "password123" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/logout") { Content = JsonContent.Create(new { }) };
        logout.Headers.Add("Authorization", $"Bearer {token}");
        using var loggedOut = await Server.Http.SendAsync(logout);

        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal("application/json", register.Content.Headers.ContentType?.MediaType);
        Assert.Equal(16, Convert.FromBase64String((await register.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!).Length);
        Assert.Equal(HttpStatusCode.OK, loggedOut.StatusCode);
        await Server.Spec.AssertTokenDeadAsync(token!);
    }

    [Fact]
    public async Task Json_refusals_carry_the_http_status_of_their_grpc_code()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login")
        {
            Content = JsonContent.Create(new { username = "nobody_here", password = "wrong-password" }),
        };

        using var response = await Server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.Unauthenticated, status.GetProperty("code").GetInt32());
        Assert.Equal("invalid username or password", status.GetProperty("message").GetString());
        var detail = Assert.Single(status.GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("type.googleapis.com/conclave.v1.ErrorResponse", detail.GetProperty("@type").GetString());
        Assert.Equal("ERROR_CODE_AUTH_TOKEN_EXPIRED", detail.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("{\"username\": {\"nested\": true}}")]
    [InlineData("{\"username\": \"\xff\"}")]
    public async Task Json_transcoding_cannot_convert_is_refused_with_an_error_response(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login")
        {
            Content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(body)) { Headers = { ContentType = new("application/json") } },
        };

        using var response = await Server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.InvalidArgument, status.GetProperty("code").GetInt32());
        var detail = Assert.Single(status.GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("type.googleapis.com/conclave.v1.ErrorResponse", detail.GetProperty("@type").GetString());
        Assert.Equal("ERROR_CODE_INPUT_BAD_REQUEST", detail.GetProperty("errorCode").GetString());
        Assert.Equal(status.GetProperty("message").GetString(), detail.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_query_json_transcoding_cannot_convert_is_refused_with_an_error_response()
    {
        var token = (await Server.Spec.NewUserAsync("jsonq")).Token;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/groups/{Guid.NewGuid()}/messages?after=yesterday");
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Authorization", $"Bearer {token}");

        using var response = await Server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("ERROR_CODE_INPUT_BAD_REQUEST", detail.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_json_body_over_the_json_limit_is_413_with_an_error_response(bool withContentLength)
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"username\": \"" + new string('a', 4 * 1_048_576) + "\"}");
        HttpContent content = withContentLength ? new ByteArrayContent(body) : new StreamContent(new ChunkedOnly(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/register") { Content = content };

        using var response = await Server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("ERROR_CODE_INPUT_BAD_REQUEST", detail.GetProperty("errorCode").GetString());
        Assert.Equal("request body too large", detail.GetProperty("message").GetString());
    }

    // A stream of unknown length, so HttpClient sends the body chunked.
    private sealed class ChunkedOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
