using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS §2.1 (project variant: ErrorResponse bodies with specific codes) and checklist 1, 2.
public sealed class RoutingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("GET", "/api/v1/me/")]           // trailing slash: endpoint routing would ignore it; the reference does not
    [InlineData("POST", "/api/v1/login/")]
    [InlineData("GET", "/api/v1/users/alice/")]
    [InlineData("GET", "/api/v2/me")]
    [InlineData("GET", "/api/v1")]
    [InlineData("GET", "/")]
    [InlineData("POST", "/api/v1/users/by-id/x/y")]
    [InlineData("GET", "/API/V1/ME")]            // routes are case-sensitive, though endpoint routing is not
    [InlineData("POST", "/api/v1/Login")]
    [InlineData("GET", "/api/v1/USERS/BY-ID/550e8400-e29b-41d4-a716-446655440000")]
    public async Task An_unknown_route_is_404_resource_not_found(string method, string path)
    {
        using var response = await Server.Spec.SendAsync(new HttpMethod(method), path);

        var error = await SpecClient.ErrorAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(ErrorCode.ResourceNotFound, error.ErrorCode);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/me", new[] { "GET", "HEAD", "PATCH" })]
    [InlineData("PUT", "/api/v1/me", new[] { "GET", "HEAD", "PATCH" })]
    [InlineData("GET", "/api/v1/login", new[] { "POST" })]
    [InlineData("PATCH", "/api/v1/register", new[] { "POST" })]
    [InlineData("GET", "/api/v1/logout", new[] { "POST" })]
    [InlineData("POST", "/api/v1/users/alice", new[] { "GET", "HEAD" })]
    [InlineData("PATCH", "/api/v1/groups/public", new[] { "GET", "HEAD" })] // the literal wins over {group_id} (item 22)
    [InlineData("POST", "/api/v1/groups/public", new[] { "GET", "HEAD" })]
    public async Task A_known_path_with_another_method_is_405_bad_request_with_allow(string method, string path, string[] allowed)
    {
        using var response = await Server.Spec.SendAsync(new HttpMethod(method), path);

        var error = await SpecClient.ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(ErrorCode.InputBadRequest, error.ErrorCode);
        Assert.Equal(allowed, response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Head_on_a_get_route_answers_like_get_without_the_body()
    {
        var alice = await Server.Spec.NewUserAsync();
        using var get = await Server.Spec.GetMeRawAsync(alice.Token);
        var getBytes = await get.Content.ReadAsByteArrayAsync();

        using var head = await Server.Spec.SendAsync(HttpMethod.Head, "/api/v1/me", token: alice.Token);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(SpecClient.Protobuf, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(getBytes.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Head_on_a_get_route_is_authenticated_like_get()
    {
        using var head = await Server.Spec.SendAsync(HttpMethod.Head, "/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, head.StatusCode);
    }
}
