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
}
