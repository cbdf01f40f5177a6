using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Members;

// CLARIFICATIONS R30, C30, checklist 117-120.
public sealed class ExternalJoinTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task A_joiners_external_commit_is_stored_and_consumes_the_flag_without_touching_group_info()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);

        await Spec.PostAsync(group.Path("/external-join"), new ExternalJoinRequest { CommitMessage = GroupSteps.Bytes(0xE1), MlsGroupId = "abcd" }, bob.Token).OkAsync();

        var commit = Assert.Single(await Spec.FetchAsync(group, alice));
        Assert.Equal((bob.Id, GroupSteps.Bytes(0xE1)), (commit.SenderId, commit.MlsMessage));
        Assert.False(await Server.HasPendingJoinFlagAsync(group, bob));
        Assert.Equal("abcd", (await Spec.ListedAsync(group, alice)).MlsGroupId);
        var info = await SpecClient.ReadAsync<GetGroupInfoResponse>(await Spec.GetAsync(group.Path("/group-info"), alice.Token));
        Assert.Equal(GroupSteps.Bytes(GroupSteps.SomeGroupInfo), info.GroupInfo);
    }

    [Fact]
    public async Task Without_a_commit_the_flag_is_consumed_anyway_and_nothing_is_stored()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);

        await Spec.PostAsync(group.Path("/external-join"), new ExternalJoinRequest(), bob.Token).OkAsync();

        Assert.False(await Server.HasPendingJoinFlagAsync(group, bob));
        Assert.Empty(await Spec.FetchAsync(group, alice));
    }

    [Fact]
    public async Task The_mls_group_id_is_set_once()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { GroupInfo = GroupSteps.Bytes(1), MlsGroupId = "f1" }, alice.Token).OkAsync();

        await Spec.PostAsync(group.Path("/external-join"), new ExternalJoinRequest { MlsGroupId = "5e" }, alice.Token).OkAsync();

        Assert.Equal("f1", (await Spec.ListedAsync(group, alice)).MlsGroupId);
    }

    [Fact]
    public async Task Needs_stored_group_info()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/external-join"), new ExternalJoinRequest { CommitMessage = GroupSteps.Bytes(1) }, alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "no group info available for external join");
        Assert.Empty(await Spec.FetchAsync(group, alice));
    }

    [Fact]
    public async Task Is_for_members()
    {
        var alice = await Spec.NewUserAsync("alice");
        var stranger = await Spec.NewUserAsync("stranger");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.UploadGroupInfoAsync(group, alice);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/external-join"), new ExternalJoinRequest(), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}/external-join", new ExternalJoinRequest(), alice.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
    }
}
