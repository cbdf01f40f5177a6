using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Groups;

// CLARIFICATIONS R19, C39, checklist 95.
public sealed class DeleteGroupTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Deleting_removes_the_group_and_everything_of_it()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var carol = await Spec.NewUserAsync("carol");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        await Spec.SendAsync(group, bob, [1]);
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = carol.Id }, alice.Token).OkAsync();
        await Spec.EscrowAsync(group, alice, await Spec.NewUserAsync("dave"));

        using var response = await Spec.PostAsync(group.Path("/delete"), token: alice.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        foreach (var table in new[] { "group_members", "messages", "group_infos", "banned_users", "pending_invites", "pending_external_joins", "message_fetch_watermarks" })
            Assert.Equal(0, await Server.CountAsync(table, group));
        Assert.Empty((await SpecClient.ReadAsync<ListGroupsResponse>(await Spec.GetAsync("/api/v1/groups", bob.Token))).Groups);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/join"), token: carol.Token), HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
    }

    [Fact]
    public async Task Only_admins_may_delete()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/delete"), token: bob.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, "only group admins can delete a group");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}/delete", token: alice.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, "only group admins can delete a group");
        Assert.Equal(2, (await Spec.ListedAsync(group, alice)).Members.Count);
    }
}
