using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using InvitesRpc = Conclave.Server.V1.Invites;
using WelcomesRpc = Conclave.Server.V1.Welcomes;

namespace Conclave.Api.IntegrationTests.Grpc;

public sealed class InvitesGrpcTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task The_escrow_workflow_runs_over_grpc()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var bob = await Server.Spec.NewUserAsync("bob");
        var group = await Server.Spec.CreateGroupAsync(alice);
        var invites = new InvitesRpc.InvitesClient(Server.Channel);
        var welcomes = new WelcomesRpc.WelcomesClient(Server.Channel);

        await invites.EscrowInviteAsync(new EscrowInviteCall { GroupId = group.Guid.ToString(), Body = InviteSteps.Escrow(bob) }, GrpcCalls.Bearer(alice.Token));
        var pending = await invites.ListPendingInvitesAsync(new Empty(), GrpcCalls.Bearer(bob.Token));
        var inviteId = new Guid(Assert.Single(pending.Invites).InviteId.Span, bigEndian: true).ToString();
        await invites.AcceptInviteAsync(new InvitePath { InviteId = inviteId }, GrpcCalls.Bearer(bob.Token));

        var welcome = Assert.Single((await welcomes.ListPendingWelcomesAsync(new Empty(), GrpcCalls.Bearer(bob.Token))).Welcomes);
        await welcomes.AcceptWelcomeAsync(new WelcomePath { WelcomeId = new Guid(welcome.WelcomeId.Span, bigEndian: true).ToString() }, GrpcCalls.Bearer(bob.Token));
        Assert.Empty((await welcomes.ListPendingWelcomesAsync(new Empty(), GrpcCalls.Bearer(bob.Token))).Welcomes);
    }

    [Fact]
    public async Task Refusals_carry_the_status_and_the_error_code()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var invites = new InvitesRpc.InvitesClient(Server.Channel);

        await GrpcCalls.AssertRefusedAsync(() => invites.AcceptInviteAsync(new InvitePath { InviteId = Guid.NewGuid().ToString() }, GrpcCalls.Bearer(alice.Token)).ResponseAsync,
            StatusCode.NotFound, ErrorCode.ResourceNotFound, "invite not found");
        await GrpcCalls.AssertRefusedAsync(() => invites.EscrowInviteAsync(new EscrowInviteCall { GroupId = Guid.NewGuid().ToString() }, GrpcCalls.Bearer(alice.Token)).ResponseAsync,
            StatusCode.FailedPrecondition, ErrorCode.InputBadRequest, "invitee_id is required");
    }
}
