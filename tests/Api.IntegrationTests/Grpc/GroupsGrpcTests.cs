using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GroupsRpc = Conclave.Server.V1.Groups;

namespace Conclave.Api.IntegrationTests.Grpc;

// The group routes over gRPC: the same use cases, errors as gRPC statuses with the ErrorCode in a trailer.
public sealed class GroupsGrpcTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Creates_updates_and_lists_a_group()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var client = new GroupsRpc.GroupsClient(Server.Channel);
        var name = GroupSteps.UniqueName();

        var created = await client.CreateGroupAsync(new CreateGroupRequest { GroupName = name, Alias = "over gRPC" }, GrpcCalls.Bearer(alice.Token));
        var groupId = new Guid(created.GroupId.Span, bigEndian: true).ToString();
        await client.UpdateGroupAsync(new UpdateGroupCall { GroupId = groupId, Body = new UpdateGroupRequest { Visibility = GroupVisibility.Public } }, GrpcCalls.Bearer(alice.Token));

        var listed = Assert.Single((await client.ListGroupsAsync(new Empty(), GrpcCalls.Bearer(alice.Token))).Groups);
        Assert.Equal((created.GroupId, name, "over gRPC", GroupVisibility.Public), (listed.GroupId, listed.GroupName, listed.Alias, listed.Visibility));
        var policy = await client.GetRetentionPolicyAsync(new GroupPath { GroupId = groupId }, GrpcCalls.Bearer(alice.Token));
        Assert.Equal(-1, policy.GroupExpirySeconds);
    }

    [Fact]
    public async Task Refusals_carry_the_status_and_the_error_code()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var bob = await Server.Spec.NewUserAsync("bob");
        var group = await Server.Spec.CreateGroupAsync(alice);
        var client = new GroupsRpc.GroupsClient(Server.Channel);

        await GrpcCalls.AssertRefusedAsync(() => client.DeleteGroupAsync(new GroupPath { GroupId = group.Guid.ToString() }, GrpcCalls.Bearer(bob.Token)).ResponseAsync,
            StatusCode.PermissionDenied, ErrorCode.GroupNotAdmin, "only group admins can delete a group");
        await GrpcCalls.AssertRefusedAsync(() => client.JoinGroupAsync(new GroupPath { GroupId = Guid.NewGuid().ToString() }, GrpcCalls.Bearer(bob.Token)).ResponseAsync,
            StatusCode.NotFound, ErrorCode.ResourceNotFound, "group not found");
        await GrpcCalls.AssertRefusedAsync(() => client.CreateGroupAsync(new CreateGroupRequest { GroupName = group.Name }, GrpcCalls.Bearer(bob.Token)).ResponseAsync,
            StatusCode.AlreadyExists, ErrorCode.ResourceConflict, $"group_name '{group.Name}' already exists");
    }

    [Fact]
    public async Task An_update_without_a_body_changes_nothing()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var group = await Server.Spec.CreateGroupAsync(alice, alias: "Same");
        var client = new GroupsRpc.GroupsClient(Server.Channel);

        await client.UpdateGroupAsync(new UpdateGroupCall { GroupId = group.Guid.ToString() }, GrpcCalls.Bearer(alice.Token));

        Assert.Equal("Same", (await Server.Spec.ListedAsync(group, alice)).Alias);
    }
}
