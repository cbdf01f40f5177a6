using Conclave.Application.Common.Validation;
using Conclave.Application.Groups;
using Conclave.Application.Messages;
using Conclave.Application.Users;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Members.Commands.RemoveMember;

// CLARIFICATIONS R22 after the admin and id checks: unknown user 404, non-member 400; blobs and removal in one transaction.
public sealed class RemoveMemberHandler(IGroupRepository groups, IUserRepository users, GroupBlobs blobs)
    : IRequestHandler<RemoveMemberCommand, Unit>
{
    public async Task<Unit> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var target = command.Target.ToUserId();
        await users.RequireAsync(target, cancellationToken);
        var group = await groups.GetForAsync(command, cancellationToken);
        group.Remove(command.Actor, target);
        await blobs.StoreAsync(group, command.Actor, command.GroupInfo, command.CommitMessage, cancellationToken);
        return Unit.Value;
    }
}
