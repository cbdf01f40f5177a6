using Conclave.Application.Common.Validation;
using Conclave.Application.Groups;
using Conclave.Application.Users;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Members.Commands.PromoteMember;

// CLARIFICATIONS R24: unknown user 404, then the aggregate's non-member 400 and already-admin 409.
public sealed class PromoteMemberHandler(IGroupRepository groups, IUserRepository users) : IRequestHandler<PromoteMemberCommand, Unit>
{
    public async Task<Unit> Handle(PromoteMemberCommand command, CancellationToken cancellationToken)
    {
        var target = command.Target.ToUserId();
        await users.RequireAsync(target, cancellationToken);
        var group = await groups.GetForAsync(command, cancellationToken);
        group.Promote(command.Actor, target);
        return Unit.Value;
    }
}
