using System.Net;
using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R7 and checklist 39 (reset-account deletes no session).
public sealed class ResetAccountTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Reset_answers_200_with_an_empty_message_and_keeps_sessions_and_profile()
    {
        var alice = await Spec.NewUserAsync();
        await Spec.UpdateProfileAsync(alice.Token, "Alice");
        var other = await Spec.LoginAsync(alice.Username);

        using var response = await Spec.PostAsync("/api/v1/reset-account", token: alice.Token);

        await AccountCalls.AssertEmptyProtobufAsync(response);
        var me = await Spec.GetMeAsync(alice.Token);
        Assert.Equal((alice.Username, "Alice"), (me.Username, me.Alias));
        Assert.Equal(alice.Username, (await Spec.GetMeAsync(other.Token)).Username);
    }

    [Fact]
    public async Task Reset_is_idempotent()
    {
        var alice = await Spec.NewUserAsync();

        using var first = await Spec.PostAsync("/api/v1/reset-account", token: alice.Token);
        using var second = await Spec.PostAsync("/api/v1/reset-account", token: alice.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
    }
}
