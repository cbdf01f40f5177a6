using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R6, C5 and checklist 38, 42.
public sealed class ChangePasswordTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Theory]
    [InlineData("new-password")]
    [InlineData("short")]                // the current password is checked first
    [InlineData("")]
    public async Task A_wrong_current_password_is_401_code_202_and_changes_nothing(string newPassword)
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.ChangePasswordAsync(alice.Token, "wrong-password", newPassword);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid password");
        Assert.Equal(alice.Username, (await Spec.GetMeAsync(alice.Token)).Username);
        Assert.Equal(alice.Username, (await Spec.LoginAsync(alice.Username, "password123")).Username);
    }

    [Fact]
    public async Task An_empty_body_is_a_wrong_current_password()
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.PostAsync("/api/v1/change-password", token: alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid password");
    }

    [Theory]
    [InlineData("", "password is required")]
    [InlineData("1234567", "password must be at least 8 characters")]
    [InlineData("密码", "password must be at least 8 characters")]
    public async Task An_unacceptable_new_password_is_400_after_the_current_one_was_verified(string newPassword, string message)
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.ChangePasswordAsync(alice.Token, "password123", newPassword);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation, message);
        Assert.Equal(alice.Username, (await Spec.GetMeAsync(alice.Token)).Username);
    }

    [Fact]
    public async Task A_change_answers_200_and_ends_every_session_including_the_current_one()
    {
        var alice = await Spec.NewUserAsync();
        var other = await Spec.LoginAsync(alice.Username);

        using var response = await Spec.ChangePasswordAsync(alice.Token, "password123", "new-password");

        await AccountCalls.AssertEmptyProtobufAsync(response);
        await Spec.AssertTokenDeadAsync(alice.Token);
        await Spec.AssertTokenDeadAsync(other.Token);
        await SpecClient.AssertErrorAsync(await Spec.LoginRawAsync(alice.Username, "password123"), HttpStatusCode.Unauthorized,
            ErrorCode.AuthTokenExpired, "invalid username or password");
        Assert.Equal(alice.Username, (await Spec.LoginAsync(alice.Username, "new-password")).Username);
    }

    [Fact]
    public async Task The_new_password_may_equal_the_old_one()
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.ChangePasswordAsync(alice.Token, "password123", "password123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(alice.Username, (await Spec.LoginAsync(alice.Username, "password123")).Username);
    }
}
