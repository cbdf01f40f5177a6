using Conclave.Application.Common.Validation;
using Conclave.Application.Groups;
using Conclave.Application.Users;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Members.Commands.DemoteMember;

// CLARIFICATIONS R25: unknown user 404, then the aggregate's not-an-admin and last-admin 400s.
public sealed class DemoteMemberHandler(IGroupRepository groups, IUserRepository users) : IRequestHandler<DemoteMemberCommand, Unit>
{
    public async Task<Unit> Handle(DemoteMemberCommand command, CancellationToken cancellationToken)
    {
        var target = command.Target.ToUserId();
        await users.RequireAsync(target, cancellationToken);
        var group = await groups.GetForAsync(command, cancellationToken);
        group.Demote(command.Actor, target);
        return Unit.Value;
    }
}
