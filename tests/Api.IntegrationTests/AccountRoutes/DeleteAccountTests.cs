using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R8, C5 and checklist 39, 43.
public sealed class DeleteAccountTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Theory]
    [InlineData("wrong-password")]
    [InlineData("")]
    public async Task A_wrong_password_is_401_code_202_and_deletes_nothing(string password)
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.DeleteAccountAsync(alice.Token, password);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid password");
        Assert.Equal(alice.Username, (await Spec.GetMeAsync(alice.Token)).Username);
    }

    [Fact]
    public async Task An_empty_body_is_a_wrong_password()
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.PostAsync("/api/v1/delete-account", token: alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid password");
    }

    [Fact]
    public async Task After_deletion_the_user_is_gone_everywhere()
    {
        var alice = await Spec.NewUserAsync();
        var other = await Spec.LoginAsync(alice.Username);
        var bob = await Spec.NewUserAsync();

        using var response = await Spec.DeleteAccountAsync(alice.Token, "password123");

        await AccountCalls.AssertEmptyProtobufAsync(response);
        await Spec.AssertTokenDeadAsync(alice.Token);
        await Spec.AssertTokenDeadAsync(other.Token);
        await SpecClient.AssertErrorAsync(await Spec.LoginRawAsync(alice.Username, "password123"), HttpStatusCode.Unauthorized,
            ErrorCode.AuthTokenExpired, "invalid username or password");
        await SpecClient.AssertErrorAsync(await Spec.UserByIdAsync(bob.Token, alice.Guid.ToString()), HttpStatusCode.NotFound,
            ErrorCode.ResourceNotFound, "user not found");
        await SpecClient.AssertErrorAsync(await Spec.UserByNameAsync(bob.Token, alice.Username), HttpStatusCode.NotFound,
            ErrorCode.ResourceNotFound, "user not found");
    }

    [Fact]
    public async Task The_username_of_a_deleted_account_can_be_registered_again()
    {
        var alice = await Spec.NewUserAsync();
        await Spec.DeleteAccountAsync(alice.Token, "password123");

        var newId = await Spec.RegisterAsync(alice.Username, "another-password");

        Assert.NotEqual(alice.Id, newId);
    }
}
