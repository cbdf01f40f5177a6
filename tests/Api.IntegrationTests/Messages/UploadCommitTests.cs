using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Messages;

// CLARIFICATIONS R39, §6.7, checklist 138-139.
public sealed class UploadCommitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task A_commit_upload_stores_group_info_message_and_mls_group_id_together()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);

        await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest
        {
            CommitMessage = GroupSteps.Bytes(0xC1), GroupInfo = GroupSteps.Bytes(0x11), MlsGroupId = "00ff",
        }, alice.Token).OkAsync();

        var commit = Assert.Single(await Spec.FetchAsync(group, alice));
        Assert.Equal((1UL, alice.Id, GroupSteps.Bytes(0xC1)), (commit.SequenceNum, commit.SenderId, commit.MlsMessage));
        Assert.Equal(GroupSteps.Bytes(0x11), (await SpecClient.ReadAsync<GetGroupInfoResponse>(await Spec.GetAsync(group.Path("/group-info"), alice.Token))).GroupInfo);
        Assert.Equal("00ff", (await Spec.ListedAsync(group, alice)).MlsGroupId);
    }

    [Fact]
    public async Task Later_mls_group_ids_are_ignored_and_an_empty_group_info_keeps_the_stored_one()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { GroupInfo = GroupSteps.Bytes(0x11), MlsGroupId = "f1" }, alice.Token).OkAsync();

        await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { CommitMessage = GroupSteps.Bytes(1), MlsGroupId = "5e" }, alice.Token).OkAsync();

        Assert.Equal("f1", (await Spec.ListedAsync(group, alice)).MlsGroupId);
        Assert.Equal(GroupSteps.Bytes(0x11), (await SpecClient.ReadAsync<GetGroupInfoResponse>(await Spec.GetAsync(group.Path("/group-info"), alice.Token))).GroupInfo);
    }

    [Fact]
    public async Task An_empty_upload_is_a_no_op()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);

        using var response = await Spec.SendAsync(HttpMethod.Post, group.Path("/commit"), token: alice.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await Spec.FetchAsync(group, alice));
        Assert.Equal(0, await Server.CountAsync("group_infos", group));
        Assert.Equal("", (await Spec.ListedAsync(group, alice)).MlsGroupId);
    }

    [Fact]
    public async Task Is_for_members()
    {
        var alice = await Spec.NewUserAsync("alice");
        var stranger = await Spec.NewUserAsync("stranger");
        var group = await Spec.CreateGroupAsync(alice);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { CommitMessage = GroupSteps.Bytes(1) }, stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
        Assert.Empty(await Spec.FetchAsync(group, alice));
    }
}
