using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.UserRoutes;

// CLARIFICATIONS R9, R10, C21 and checklist 59, 60.
public sealed class UserLookupTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task By_username_returns_the_profile()
    {
        var alice = await Spec.NewUserAsync("Look");
        await Spec.UpdateProfileAsync(alice.Token, "Alice");
        var bob = await Spec.NewUserAsync();

        using var response = await Spec.UserByNameAsync(bob.Token, alice.Username);

        Assert.Equal(new UserInfoResponse { UserId = alice.Id, Username = alice.Username, Alias = "Alice", SigningKeyFingerprint = "" },
            await SpecClient.ReadAsync<UserInfoResponse>(response));
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task By_username_is_exact_and_case_sensitive()
    {
        var alice = await Spec.NewUserAsync("Look");

        using var response = await Spec.UserByNameAsync(alice.Token, alice.Username.ToUpperInvariant());

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
    }

    [Fact]
    public async Task By_username_decodes_the_path_segment()
    {
        var alice = await Spec.NewUserAsync("look");

        using var response = await Spec.UserByNameAsync(alice.Token, "%6C" + alice.Username[1..]); // %6C = 'l'

        Assert.Equal(alice.Id, (await SpecClient.ReadAsync<UserInfoResponse>(response)).UserId);
    }

    [Theory]
    [InlineData("nobody_at_all")]
    [InlineData("by-id")]                // /users/by-id without an id is a username (CLARIFICATIONS §2.1)
    [InlineData("not%20valid%20anyway")]  // the segment is not validated, only looked up
    public async Task By_username_an_unknown_name_is_not_found(string username)
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.UserByNameAsync(alice.Token, username);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
    }

    [Fact]
    public async Task By_id_returns_the_profile()
    {
        var alice = await Spec.NewUserAsync();
        var bob = await Spec.NewUserAsync();

        using var response = await Spec.UserByIdAsync(bob.Token, alice.Guid.ToString());

        Assert.Equal(new UserInfoResponse { UserId = alice.Id, Username = alice.Username, Alias = "", SigningKeyFingerprint = "" },
            await SpecClient.ReadAsync<UserInfoResponse>(response));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("550e8400-e29b-41d4-a716-446655440000")]
    public async Task By_id_an_unknown_id_is_not_found(string id)
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.UserByIdAsync(alice.Token, id);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
    }

    [Fact]
    public async Task Lookups_need_authentication()
    {
        var alice = await Spec.NewUserAsync();

        await SpecClient.AssertErrorAsync(await Spec.GetAsync($"/api/v1/users/{alice.Username}"), HttpStatusCode.Unauthorized,
            ErrorCode.AuthHeaderMissing, "missing Authorization header");
        await SpecClient.AssertErrorAsync(await Spec.GetAsync($"/api/v1/users/by-id/{alice.Guid}"), HttpStatusCode.Unauthorized,
            ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }
}
