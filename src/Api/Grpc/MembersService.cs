using Conclave.Api.Auth;
using Conclave.Application.Members.Commands.BanMember;
using Conclave.Application.Members.Commands.DemoteMember;
using Conclave.Application.Members.Commands.ExternalJoin;
using Conclave.Application.Members.Commands.InviteToGroup;
using Conclave.Application.Members.Commands.LeaveGroup;
using Conclave.Application.Members.Commands.PromoteMember;
using Conclave.Application.Members.Commands.RemoveMember;
using Conclave.Application.Members.Commands.UnbanMember;
using Conclave.Application.Members.Queries.ListAdmins;
using Conclave.Application.Members.Queries.ListBannedUsers;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;
using MediatR;

namespace Conclave.Api.Grpc;

// Body ids go to the commands as bytes: their validators check them after the access check (CLARIFICATIONS §3).
public sealed class MembersService(IMediator mediator, Caller caller) : Members.MembersBase
{
    public override async Task<InviteToGroupResponse> InviteToGroup(InviteToGroupCall request, ServerCallContext context)
    {
        var userIds = (request.Body ?? new InviteToGroupRequest()).UserIds.Select(id => id.ToByteArray()).ToList();
        var packages = await mediator.Send(new InviteToGroupCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, userIds), context.CancellationToken);
        return new InviteToGroupResponse
        {
            MemberKeyPackages = { packages.Select(p => new MemberKeyPackage { UserId = p.UserId.ToByteString(), KeyPackageData = ByteString.CopyFrom(p.KeyPackageData) }) },
        };
    }

    public override async Task<RemoveMemberResponse> RemoveMember(RemoveMemberCall request, ServerCallContext context)
    {
        var body = request.Body ?? new RemoveMemberRequest();
        var command = new RemoveMemberCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId,
            body.UserId.ToByteArray(), body.CommitMessage.ToByteArray(), body.GroupInfo.ToByteArray());
        await mediator.Send(command, context.CancellationToken);
        return new RemoveMemberResponse();
    }

    public override async Task<LeaveGroupResponse> LeaveGroup(LeaveGroupCall request, ServerCallContext context)
    {
        var body = request.Body ?? new LeaveGroupRequest();
        var command = new LeaveGroupCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, body.CommitMessage.ToByteArray(), body.GroupInfo.ToByteArray());
        await mediator.Send(command, context.CancellationToken);
        return new LeaveGroupResponse();
    }

    public override async Task<PromoteMemberResponse> PromoteMember(PromoteMemberCall request, ServerCallContext context)
    {
        var target = (request.Body ?? new PromoteMemberRequest()).UserId.ToByteArray();
        await mediator.Send(new PromoteMemberCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, target), context.CancellationToken);
        return new PromoteMemberResponse();
    }

    public override async Task<DemoteMemberResponse> DemoteMember(DemoteMemberCall request, ServerCallContext context)
    {
        var target = (request.Body ?? new DemoteMemberRequest()).UserId.ToByteArray();
        await mediator.Send(new DemoteMemberCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, target), context.CancellationToken);
        return new DemoteMemberResponse();
    }

    public override async Task<ListAdminsResponse> ListAdmins(GroupPath request, ServerCallContext context)
    {
        var admins = await mediator.Send(new ListAdminsQuery(WireIds.GroupFromPath(request.GroupId), caller.UserId), context.CancellationToken);
        return new ListAdminsResponse { Admins = { admins.Select(a => a.ToMessage()) } };
    }

    public override async Task<ExternalJoinResponse> ExternalJoin(ExternalJoinCall request, ServerCallContext context)
    {
        var body = request.Body ?? new ExternalJoinRequest();
        var command = new ExternalJoinCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, body.CommitMessage.ToByteArray(), body.MlsGroupId);
        await mediator.Send(command, context.CancellationToken);
        return new ExternalJoinResponse();
    }

    public override async Task<BanMemberResponse> BanMember(BanMemberCall request, ServerCallContext context)
    {
        var body = request.Body ?? new BanMemberRequest();
        var command = new BanMemberCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId,
            body.UserId.ToByteArray(), body.CommitMessage.ToByteArray(), body.GroupInfo.ToByteArray());
        await mediator.Send(command, context.CancellationToken);
        return new BanMemberResponse();
    }

    public override async Task<UnbanMemberResponse> UnbanMember(UnbanMemberCall request, ServerCallContext context)
    {
        var target = (request.Body ?? new UnbanMemberRequest()).UserId.ToByteArray();
        await mediator.Send(new UnbanMemberCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, target), context.CancellationToken);
        return new UnbanMemberResponse();
    }

    public override async Task<ListBannedUsersResponse> ListBannedUsers(GroupPath request, ServerCallContext context)
    {
        var banned = await mediator.Send(new ListBannedUsersQuery(WireIds.GroupFromPath(request.GroupId), caller.UserId), context.CancellationToken);
        return new ListBannedUsersResponse { Users = { banned.Select(b => b.ToMessage()) } };
    }
}
