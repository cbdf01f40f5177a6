using Conclave.Api.Auth;
using Conclave.Application.Groups.Commands.CreateGroup;
using Conclave.Application.Groups.Commands.DeleteGroup;
using Conclave.Application.Groups.Commands.JoinGroup;
using Conclave.Application.Groups.Commands.UpdateGroup;
using Conclave.Application.Groups.Queries.GetGroupInfo;
using Conclave.Application.Groups.Queries.GetRetentionPolicy;
using Conclave.Application.Groups.Queries.ListGroups;
using Conclave.Application.Groups.Queries.ListPublicGroups;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MediatR;

namespace Conclave.Api.Grpc;

public sealed class GroupsService(IMediator mediator, Caller caller) : Groups.GroupsBase
{
    public override async Task<ListPublicGroupsResponse> ListPublicGroups(ListPublicGroupsRequest request, ServerCallContext context)
    {
        var groups = await mediator.Send(new ListPublicGroupsQuery(request.Pattern), context.CancellationToken);
        return new ListPublicGroupsResponse { Groups = { groups.Select(g => g.ToMessage()) } };
    }

    public override async Task<CreateGroupResponse> CreateGroup(CreateGroupRequest request, ServerCallContext context)
    {
        var groupId = await mediator.Send(new CreateGroupCommand(caller.UserId, request.GroupName, request.Alias), context.CancellationToken);
        return new CreateGroupResponse { GroupId = groupId.ToByteString() };
    }

    public override async Task<ListGroupsResponse> ListGroups(Empty request, ServerCallContext context)
    {
        var groups = await mediator.Send(new ListGroupsQuery(caller.UserId), context.CancellationToken);
        return new ListGroupsResponse { Groups = { groups.Select(g => g.ToMessage()) } };
    }

    public override async Task<UpdateGroupResponse> UpdateGroup(UpdateGroupCall request, ServerCallContext context)
    {
        var body = request.Body ?? new UpdateGroupRequest();
        var expiry = body.UpdateMessageExpiry ? body.MessageExpirySeconds : (long?)null;
        var command = new UpdateGroupCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, body.Alias, body.GroupName, expiry, (int)body.Visibility);
        await mediator.Send(command, context.CancellationToken);
        return new UpdateGroupResponse();
    }

    public override async Task<GetGroupInfoResponse> GetGroupInfo(GroupPath request, ServerCallContext context)
    {
        var groupInfo = await mediator.Send(new GetGroupInfoQuery(WireIds.GroupFromPath(request.GroupId), caller.UserId), context.CancellationToken);
        return new GetGroupInfoResponse { GroupInfo = ByteString.CopyFrom(groupInfo) };
    }

    public override async Task<GetGroupInfoResponse> JoinGroup(GroupPath request, ServerCallContext context)
    {
        var groupInfo = await mediator.Send(new JoinGroupCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId), context.CancellationToken);
        return new GetGroupInfoResponse { GroupInfo = ByteString.CopyFrom(groupInfo) };
    }

    public override async Task<DeleteGroupResponse> DeleteGroup(GroupPath request, ServerCallContext context)
    {
        await mediator.Send(new DeleteGroupCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId), context.CancellationToken);
        return new DeleteGroupResponse();
    }

    public override async Task<GetRetentionPolicyResponse> GetRetentionPolicy(GroupPath request, ServerCallContext context)
    {
        var policy = await mediator.Send(new GetRetentionPolicyQuery(WireIds.GroupFromPath(request.GroupId), caller.UserId), context.CancellationToken);
        return new GetRetentionPolicyResponse { ServerRetentionSeconds = policy.ServerRetentionSeconds, GroupExpirySeconds = policy.GroupExpirySeconds };
    }
}
