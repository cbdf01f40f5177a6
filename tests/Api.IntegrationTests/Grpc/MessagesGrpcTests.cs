using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;
using MessagesRpc = Conclave.Server.V1.Messages;

namespace Conclave.Api.IntegrationTests.Grpc;

public sealed class MessagesGrpcTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Sends_over_grpc_and_fetches_over_both_surfaces()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var group = await Server.Spec.CreateGroupAsync(alice);
        var client = new MessagesRpc.MessagesClient(Server.Channel);
        var path = group.Guid.ToString();

        await client.UploadCommitAsync(new UploadCommitCall { GroupId = path, Body = new UploadCommitRequest { CommitMessage = GroupSteps.Bytes(1) } }, GrpcCalls.Bearer(alice.Token));
        var sent = await client.SendMessageAsync(new SendMessageCall { GroupId = path, Body = new SendMessageRequest { MlsMessage = GroupSteps.Bytes(2) } }, GrpcCalls.Bearer(alice.Token));

        Assert.Equal(2UL, sent.SequenceNum);
        var viaGrpc = await client.GetMessagesAsync(new GetMessagesRequest { GroupId = path, After = 1 }, GrpcCalls.Bearer(alice.Token));
        Assert.Equal(GroupSteps.Bytes(2), Assert.Single(viaGrpc.Messages).MlsMessage);
        Assert.Equal(2, (await Server.Spec.FetchAsync(group, alice)).Count);
    }

    [Fact]
    public async Task Refusals_carry_the_status_and_the_error_code()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var stranger = await Server.Spec.NewUserAsync("stranger");
        var group = await Server.Spec.CreateGroupAsync(alice);
        var client = new MessagesRpc.MessagesClient(Server.Channel);

        await GrpcCalls.AssertRefusedAsync(() => client.SendMessageAsync(new SendMessageCall { GroupId = group.Guid.ToString() }, GrpcCalls.Bearer(stranger.Token)).ResponseAsync,
            StatusCode.PermissionDenied, ErrorCode.GroupNotMember, "not a member of this group");
        await GrpcCalls.AssertRefusedAsync(() => client.GetMessagesAsync(new GetMessagesRequest { GroupId = group.Guid.ToString() }).ResponseAsync,
            StatusCode.Unauthenticated, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }
}
