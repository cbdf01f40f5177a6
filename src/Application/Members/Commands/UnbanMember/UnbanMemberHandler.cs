using Conclave.Application.Common.Validation;
using Conclave.Application.Groups;
using Conclave.Application.Users;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Members.Commands.UnbanMember;

// CLARIFICATIONS R28: unknown user 404, then the aggregate's not-banned 400.
public sealed class UnbanMemberHandler(IGroupRepository groups, IUserRepository users) : IRequestHandler<UnbanMemberCommand, Unit>
{
    public async Task<Unit> Handle(UnbanMemberCommand command, CancellationToken cancellationToken)
    {
        var target = command.Target.ToUserId();
        await users.RequireAsync(target, cancellationToken);
        var group = await groups.GetForAsync(command, cancellationToken);
        group.Unban(command.Actor, target);
        return Unit.Value;
    }
}
