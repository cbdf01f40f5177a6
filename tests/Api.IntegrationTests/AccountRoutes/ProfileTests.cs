using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R4, R5, C20 and checklist 53, 54, 57, 59.
public sealed class ProfileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Get_me_returns_the_callers_profile_with_empty_strings_for_what_is_unset()
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.GetMeRawAsync(alice.Token);

        var me = await SpecClient.ReadAsync<UserInfoResponse>(response);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new UserInfoResponse { UserId = alice.Id, Username = alice.Username, Alias = "", SigningKeyFingerprint = "" }, me);
    }

    [Fact]
    public async Task Patch_me_sets_the_alias_and_answers_an_empty_protobuf_message()
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.UpdateProfileAsync(alice.Token, "Alice ✓");

        await AccountCalls.AssertEmptyProtobufAsync(response);
        Assert.Equal("Alice ✓", (await Spec.GetMeAsync(alice.Token)).Alias);
    }

    [Fact]
    public async Task An_empty_alias_clears_it()
    {
        var alice = await Spec.NewUserAsync();
        await Spec.UpdateProfileAsync(alice.Token, "Alice");

        using var response = await Spec.UpdateProfileAsync(alice.Token, "");

        await AccountCalls.AssertEmptyProtobufAsync(response);
        Assert.Equal("", (await Spec.GetMeAsync(alice.Token)).Alias);
    }

    [Fact]
    public async Task An_empty_body_clears_it_too()
    {
        var alice = await Spec.NewUserAsync();
        await Spec.UpdateProfileAsync(alice.Token, "Alice");

        using var response = await Spec.SendAsync(HttpMethod.Patch, "/api/v1/me", token: alice.Token);

        await AccountCalls.AssertEmptyProtobufAsync(response);
        Assert.Equal("", (await Spec.GetMeAsync(alice.Token)).Alias);
    }

    [Theory]
    [InlineData("ééééééééééééééééééééééééééééééééé", "alias exceeds maximum length of 64 characters")] // 33 × 2 bytes
    [InlineData("tab\there", "alias must not contain ASCII control characters")]
    [InlineData("del\u007f", "alias must not contain ASCII control characters")]
    public async Task An_invalid_alias_is_refused_and_the_old_one_kept(string alias, string message)
    {
        var alice = await Spec.NewUserAsync();
        await Spec.UpdateProfileAsync(alice.Token, "Alice");

        using var response = await Spec.UpdateProfileAsync(alice.Token, alias);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation, message);
        Assert.Equal("Alice", (await Spec.GetMeAsync(alice.Token)).Alias);
    }

    [Fact]
    public async Task Patch_me_needs_authentication_before_its_body_is_read()
    {
        using var response = await Spec.SendAsync(HttpMethod.Patch, "/api/v1/me", rawBody: [0xFF]);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }
}
