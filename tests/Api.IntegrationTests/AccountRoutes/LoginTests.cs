using System.Net;
using System.Text.RegularExpressions;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R2 and checklist 33, 40, 41, 44, 45.
public sealed partial class LoginTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex LowerHex64();

    [Fact]
    public async Task Login_answers_a_64_character_lower_case_hex_token_the_user_id_and_the_stored_username()
    {
        var username = AccountCalls.UniqueName("Login");
        var id = await Spec.RegisterAsync(username);

        using var response = await Spec.LoginRawAsync(username, "password123");

        var login = await SpecClient.ReadAsync<LoginResponse>(response);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(LowerHex64(), login.Token);
        Assert.Equal((id, username), (login.UserId, login.Username));
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_401()
    {
        var username = AccountCalls.UniqueName("login");
        await Spec.RegisterAsync(username);

        using var unknown = await Spec.LoginRawAsync(username + "x", "password123");
        using var wrong = await Spec.LoginRawAsync(username, "password124");

        await SpecClient.AssertErrorAsync(unknown, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid username or password");
        await SpecClient.AssertErrorAsync(wrong, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid username or password");
    }

    [Fact]
    public async Task The_username_lookup_is_case_sensitive()
    {
        var username = AccountCalls.UniqueName("Case");
        await Spec.RegisterAsync(username);

        using var response = await Spec.LoginRawAsync(username.ToLowerInvariant(), "password123");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid username or password");
    }

    [Fact]
    public async Task An_empty_body_is_not_validated_but_fails_to_log_in()
    {
        using var response = await Spec.PostAsync("/api/v1/login");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid username or password");
    }

    [Fact]
    public async Task Every_login_opens_its_own_session()
    {
        var username = AccountCalls.UniqueName("multi");
        await Spec.RegisterAsync(username);

        var first = await Spec.LoginAsync(username);
        var second = await Spec.LoginAsync(username);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(username, (await Spec.GetMeAsync(first.Token)).Username);
        Assert.Equal(username, (await Spec.GetMeAsync(second.Token)).Username);
    }
}
