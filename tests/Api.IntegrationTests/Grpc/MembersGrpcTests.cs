using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;
using MembersRpc = Conclave.Server.V1.Members;

namespace Conclave.Api.IntegrationTests.Grpc;

public sealed class MembersGrpcTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Promotes_a_member_and_lists_the_admins()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var bob = await Server.Spec.NewUserAsync("bob");
        var group = await Server.Spec.WithMembersAsync(await Server.Spec.CreateGroupAsync(alice), bob);
        var client = new MembersRpc.MembersClient(Server.Channel);

        await client.PromoteMemberAsync(new PromoteMemberCall { GroupId = group.Guid.ToString(), Body = new PromoteMemberRequest { UserId = bob.Id } }, GrpcCalls.Bearer(alice.Token));

        var admins = await client.ListAdminsAsync(new GroupPath { GroupId = group.Guid.ToString() }, GrpcCalls.Bearer(bob.Token));
        Assert.Equal(2, admins.Admins.Count);
    }

    [Fact]
    public async Task Refusals_carry_the_status_and_the_error_code()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var bob = await Server.Spec.NewUserAsync("bob");
        var group = await Server.Spec.WithMembersAsync(await Server.Spec.CreateGroupAsync(alice), bob);
        var client = new MembersRpc.MembersClient(Server.Channel);
        var path = group.Guid.ToString();

        await GrpcCalls.AssertRefusedAsync(() => client.BanMemberAsync(new BanMemberCall { GroupId = path, Body = new BanMemberRequest { UserId = alice.Id } }, GrpcCalls.Bearer(bob.Token)).ResponseAsync,
            StatusCode.PermissionDenied, ErrorCode.GroupNotAdmin, "only group admins can ban members");
        await GrpcCalls.AssertRefusedAsync(() => client.RemoveMemberAsync(new RemoveMemberCall { GroupId = path }, GrpcCalls.Bearer(alice.Token)).ResponseAsync,
            StatusCode.InvalidArgument, ErrorCode.InputValidation, "invalid user_id");
        await GrpcCalls.AssertRefusedAsync(() => client.DemoteMemberAsync(new DemoteMemberCall { GroupId = path, Body = new DemoteMemberRequest { UserId = alice.Id } }, GrpcCalls.Bearer(alice.Token)).ResponseAsync,
            StatusCode.FailedPrecondition, ErrorCode.InputBadRequest, "cannot demote the last admin");
        await GrpcCalls.AssertRefusedAsync(() => client.LeaveGroupAsync(new LeaveGroupCall { GroupId = "not-a-uuid" }, GrpcCalls.Bearer(alice.Token)).ResponseAsync,
            StatusCode.InvalidArgument, ErrorCode.InputBadRequest, "Invalid URL: Cannot parse `group_id` with value `not-a-uuid` as a UUID");
    }
}
