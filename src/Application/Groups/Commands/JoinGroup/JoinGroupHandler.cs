using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Messages;
using MediatR;

namespace Conclave.Application.Groups.Commands.JoinGroup;

public sealed class JoinGroupHandler(IGroupRepository groups, IInviteRepository invites, IGroupInfoRepository groupInfos, TimeProvider clock)
    : IRequestHandler<JoinGroupCommand, byte[]>
{
    public async Task<byte[]> Handle(JoinGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(command.GroupId, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound, "group not found");
        var hasPendingInvite = await invites.PendingExistsAsync(group.Id, command.Actor, cancellationToken);
        var groupInfo = await groupInfos.GetAsync(group.Id, cancellationToken);
        group.JoinPublic(command.Actor, hasPendingInvite, groupInfo is not null, clock.GetUtcNow().ToUnixTimeSeconds());
        return groupInfo!;
    }
}
