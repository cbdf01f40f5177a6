using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Invites;

// CLARIFICATIONS R37, R38 and checklist items 133-134.
public sealed class WelcomeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Welcomes_are_the_owners_and_accepting_one_deletes_it_with_204()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice, alias: "Before");
        await Spec.AddByInviteAsync(group, bob);
        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Alias = "After" }, alice.Token).OkAsync();

        var welcome = Assert.Single(await Spec.WelcomesAsync(bob));
        Assert.Equal("Before", welcome.GroupAlias); // the alias as it was at acceptance
        Assert.Empty(await Spec.WelcomesAsync(alice));
        var path = $"/api/v1/welcomes/{new Guid(welcome.WelcomeId.Span, bigEndian: true)}/accept";

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(path, token: alice.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "welcome not found");
        using var accepted = await Spec.PostAsync(path, token: bob.Token);

        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Empty(await accepted.Content.ReadAsByteArrayAsync());
        Assert.Null(accepted.Content.Headers.ContentType);
        Assert.Empty(await Spec.WelcomesAsync(bob));
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(path, token: bob.Token), HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
    }

    [Fact]
    public async Task A_welcome_survives_the_owners_removal()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.AddByInviteAsync(group, bob);

        await Spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();

        Assert.Single(await Spec.WelcomesAsync(bob));
    }
}
